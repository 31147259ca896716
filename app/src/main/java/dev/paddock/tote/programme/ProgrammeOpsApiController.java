package dev.paddock.tote.programme;

import dev.paddock.shared.StrictCents;
import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The operators' programme API. Edits carry the {@code version} they were made from: a stale one is a 409
 * {@code conflict}. A status change its race's status does not allow is a 409 {@code invalid-transition}.
 */
@RestController
@RequestMapping("/api/tote/ops")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class ProgrammeOpsApiController {

    private final ProgrammeDesk desk;
    private final ProgrammeStore store;
    private final Clock clock;

    ProgrammeOpsApiController(ProgrammeDesk desk, ProgrammeStore store, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
    }

    record MeetingRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(99) Integer number,
            @NotBlank @Size(max = 100) String venue, @NotNull @Pattern(regexp = "[A-Za-z]{2}") String country) {
    }

    record MeetingEdit(@NotNull Long version, @Size(min = 1, max = 100) String venue,
            @Pattern(regexp = "[A-Za-z]{2}") String country) {
    }

    record RunnerRequest(@NotNull @Min(1) @Max(ProgrammeDesk.MAX_RUNNERS) Integer number,
            @NotBlank @Size(max = 100) String name) {
        ProgrammeDesk.NewRunner toRunner() {
            return new ProgrammeDesk.NewRunner(number, name);
        }
    }

    record RaceRequest(@NotNull @Min(1) @Max(99) Integer number, @NotBlank @Size(max = 100) String name,
            @NotNull Instant startsAt, @NotNull @Size(min = 2, max = ProgrammeDesk.MAX_RUNNERS) List<@Valid @NotNull RunnerRequest> runners,
            @NotEmpty Set<@NotNull BetType> betTypes) {
    }

    record RaceEditRequest(@NotNull Long version, @Size(min = 1, max = 100) String name, Instant startsAt,
            @Size(min = 2, max = ProgrammeDesk.MAX_RUNNERS) List<@Valid @NotNull RunnerRequest> runners,
            @Size(min = 1) Set<@NotNull BetType> betTypes) {
    }

    record NonRunnerRequest(@NotNull @Min(1) @Max(ProgrammeDesk.MAX_RUNNERS) Integer runner) {
    }

    record MoveStartRequest(@NotNull Instant startsAt, Long version) {
    }

    record PoolEditRequest(@NotNull Long version, @NotNull @Min(0) @Max(10_000) Integer takeoutBasisPoints,
            @NotNull @Min(1) @JsonDeserialize(using = StrictCents.class) Long minStake,
            @NotNull @Min(1) @JsonDeserialize(using = StrictCents.class) Long unitStake,
            @NotNull @Min(1) @JsonDeserialize(using = StrictCents.class) Long maxStake, @NotNull Boolean flexi) {
    }

    record Big5Request(@NotNull @Size(min = 5, max = 5) List<@NotNull UUID> raceIds) {
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    Views.MeetingView createMeeting(@Valid @RequestBody MeetingRequest body) {
        var card = desk.createMeeting(new ProgrammeDesk.NewMeeting(body.date(), body.number(), body.venue(), body.country()));
        return meeting(card.id());
    }

    @PatchMapping("/meetings/{id}")
    Views.MeetingView editMeeting(@PathVariable UUID id, @Valid @RequestBody MeetingEdit body) {
        desk.editMeeting(id, body.version(), body.venue(), body.country());
        return meeting(id);
    }

    @PostMapping("/meetings/{id}/races")
    @ResponseStatus(HttpStatus.CREATED)
    Views.RaceView createRace(@PathVariable UUID id, @Valid @RequestBody RaceRequest body) {
        var card = desk.createRace(new ProgrammeDesk.NewRace(id, body.number(), body.name(), body.startsAt(),
                body.runners().stream().map(RunnerRequest::toRunner).toList(), body.betTypes()));
        return race(card.id());
    }

    @PatchMapping("/races/{id}")
    Views.RaceView editRace(@PathVariable UUID id, @Valid @RequestBody RaceEditRequest body) {
        desk.editRace(id, body.version(), new ProgrammeDesk.RaceEdit(body.name(), body.startsAt(),
                body.runners() == null ? null : body.runners().stream().map(RunnerRequest::toRunner).toList(),
                body.betTypes()));
        return race(id);
    }

    @PostMapping("/races/{id}/non-runners")
    Views.RaceView declareNonRunner(@PathVariable UUID id, @Valid @RequestBody NonRunnerRequest body) {
        desk.declareNonRunner(id, body.runner());
        return race(id);
    }

    @PostMapping("/races/{id}/start-time")
    Views.RaceView moveStart(@PathVariable UUID id, @Valid @RequestBody MoveStartRequest body) {
        desk.moveStart(id, body.version(), body.startsAt());
        return race(id);
    }

    @PostMapping("/races/{id}/open")
    Views.RaceView open(@PathVariable UUID id) {
        desk.open(id);
        return race(id);
    }

    /** The stop signal. */
    @PostMapping("/races/{id}/close")
    Views.RaceView close(@PathVariable UUID id) {
        desk.close(id);
        return race(id);
    }

    @PostMapping("/races/{id}/cancel")
    Views.RaceView cancel(@PathVariable UUID id) {
        desk.cancel(id);
        return race(id);
    }

    @PatchMapping("/pools/{id}")
    Views.PoolView editPool(@PathVariable UUID id, @Valid @RequestBody PoolEditRequest body) {
        desk.editPool(id, body.version(), new PoolTerms(body.takeoutBasisPoints(), Money.ofCents(body.minStake()),
                Money.ofCents(body.unitStake()), Money.ofCents(body.maxStake()), body.flexi()));
        return Views.PoolView.of(store.pool(id).orElseThrow());
    }

    @PostMapping("/big5")
    @ResponseStatus(HttpStatus.CREATED)
    List<Views.PoolView> createBig5(@Valid @RequestBody Big5Request body) {
        return desk.createBig5(body.raceIds()).stream()
                .map(pool -> Views.PoolView.of(store.pool(pool.id()).orElseThrow())).toList();
    }

    private Views.MeetingView meeting(UUID id) {
        return Views.MeetingView.of(store.meeting(id).orElseThrow(), clock.instant());
    }

    private Views.RaceView race(UUID id) {
        return Views.RaceView.of(store.race(id).orElseThrow(), clock.instant());
    }
}
