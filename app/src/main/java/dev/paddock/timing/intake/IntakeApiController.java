package dev.paddock.timing.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passings in from the timing lines: one read, a batch, or a CSV file. Each read answers with its verdict;
 * a read sent again answers with its first verdict ({@code replay: true}) and changes nothing.
 */
@RestController
@RequestMapping("/api/timing/races/{raceId}/passings")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class IntakeApiController {

    static final int MAX_BATCH = 1_000;

    private final Intake intake;
    private final PassingFile files;

    IntakeApiController(Intake intake, PassingFile files) {
        this.intake = intake;
        this.files = files;
    }

    @PostMapping
    PassingOutcome one(@PathVariable UUID raceId, @Valid @RequestBody PassingRequest read) {
        return intake.record(raceId, List.of(read)).getFirst();
    }

    @PostMapping("/batch")
    List<PassingOutcome> batch(@PathVariable UUID raceId,
            @Valid @RequestBody @NotNull @Size(min = 1, max = MAX_BATCH) List<@Valid @NotNull PassingRequest> reads) {
        return intake.record(raceId, reads);
    }

    /** A CSV export of a timing system (see {@link PassingFile} for the columns). */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    List<PassingOutcome> file(@PathVariable UUID raceId, @RequestBody String csv) {
        return intake.record(raceId, files.read(raceId, csv));
    }
}
