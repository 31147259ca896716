package dev.paddock.timing.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /** How long a caller waits for its batch's commit before being told to send again. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    private final PassingWriter writer;
    private final PassingFile files;

    IntakeApiController(PassingWriter writer, PassingFile files) {
        this.writer = writer;
        this.files = files;
    }

    @PostMapping
    PassingOutcome one(@PathVariable UUID raceId, @Valid @RequestBody PassingRequest read) {
        return record(raceId, List.of(read)).getFirst();
    }

    @PostMapping("/batch")
    List<PassingOutcome> batch(@PathVariable UUID raceId,
            @Valid @RequestBody @NotNull @Size(min = 1, max = MAX_BATCH) List<@Valid @NotNull PassingRequest> reads) {
        return record(raceId, reads);
    }

    /** A CSV export of a timing system (see {@link PassingFile} for the columns). */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    List<PassingOutcome> file(@PathVariable UUID raceId, @RequestBody String csv) {
        return record(raceId, files.read(raceId, csv));
    }

    /** Through the node's writer; answered once the batch holding them committed. */
    private List<PassingOutcome> record(UUID raceId, List<PassingRequest> reads) {
        try {
            return writer.submit(raceId, reads).get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw PassingWriter.overloaded("The passings were not written within " + ANSWER_WITHIN.toSeconds()
                    + " s; they may still be. Send them again: the same ids count once.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
