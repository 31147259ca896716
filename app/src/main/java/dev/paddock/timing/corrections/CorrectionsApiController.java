package dev.paddock.timing.corrections;

import dev.paddock.identity.CurrentAccount;
import dev.paddock.shared.ProblemException;
import dev.paddock.timing.intake.PassingOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The timing operator's corrections and the reads waiting for review. Every change needs a reason. */
@RestController
@RequestMapping("/api/timing/races/{raceId}")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class CorrectionsApiController {

    private final Corrections corrections;
    private final JdbcClient jdbc;

    CorrectionsApiController(Corrections corrections, JdbcClient jdbc) {
        this.corrections = corrections;
        this.jdbc = jdbc;
    }

    /** @param status DNS, DNF, DSQ, NOT_CLASSIFIED, or null to clear the athlete's status */
    record StatusRequest(Corrections.ManualStatus status, @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    record ManualPassing(@NotBlank @Size(max = 31) String point, @NotNull Instant at,
            @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    record Reason(@NotBlank @Size(min = 3, max = 500) String reason) {
    }

    @PutMapping("/athletes/{bib}/status")
    Map<String, Object> status(@PathVariable UUID raceId, @PathVariable int bib, @Valid @RequestBody StatusRequest request,
            Authentication who) {
        corrections.status(raceId, bib, request.status(), request.reason(), actor(who));
        return Map.of("bib", bib, "status", request.status() == null ? "" : request.status().name());
    }

    @PostMapping("/athletes/{bib}/passings")
    PassingOutcome add(@PathVariable UUID raceId, @PathVariable int bib, @Valid @RequestBody ManualPassing request,
            Authentication who) {
        return corrections.add(raceId, bib, request.point(), request.at(), request.reason(), actor(who));
    }

    @PostMapping("/passings/{passingId}/discard")
    Map<String, Object> discard(@PathVariable UUID raceId, @PathVariable long passingId,
            @Valid @RequestBody Reason request, Authentication who) {
        corrections.discard(raceId, passingId, request.reason(), actor(who));
        return Map.of("passing", passingId, "verdict", "REJECTED");
    }

    @PostMapping("/passings/{passingId}/count")
    Map<String, Object> count(@PathVariable UUID raceId, @PathVariable long passingId,
            @Valid @RequestBody Reason request, Authentication who) {
        corrections.count(raceId, passingId, request.reason(), actor(who));
        return Map.of("passing", passingId, "verdict", "COUNTED");
    }

    record StoredRead(long id, String line, String sourceId, int bib, String point, Instant at, Instant receivedAt,
            String verdict, String reason, String detail) {
    }

    /** Reads, newest first: those waiting for review by default (rejected and unknown bibs), or by verdict or bib. */
    @GetMapping("/passings")
    List<StoredRead> reads(@PathVariable UUID raceId, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) Integer bib) {
        if (verdict != null && !verdict.matches("COUNTED|DUPLICATE|REPLACED|REJECTED|UNKNOWN_BIB")) {
            throw ProblemException.field("verdict", "verdict", "COUNTED, DUPLICATE, REPLACED, REJECTED or UNKNOWN_BIB");
        }
        return jdbc.sql("""
                select * from timing.passings where race_id = :race
                  and (cast(:bib as int) is null or bib = cast(:bib as int))
                  and (case when cast(:verdict as text) is null then verdict in ('REJECTED', 'UNKNOWN_BIB')
                       else verdict = cast(:verdict as text) end)
                order by id desc limit 500""")
                .param("race", raceId).param("bib", bib).param("verdict", verdict)
                .query((rs, n) -> new StoredRead(rs.getLong("id"), rs.getString("line"), rs.getString("source_id"),
                        rs.getInt("bib"), rs.getString("point"), rs.getTimestamp("at").toInstant(),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("verdict"), rs.getString("reason"),
                        rs.getString("detail")))
                .list();
    }

    record Correction(long id, int bib, String kind, String details, UUID by, String reason, Instant at) {
    }

    @GetMapping("/corrections")
    List<Correction> corrections(@PathVariable UUID raceId) {
        return jdbc.sql("select * from timing.corrections where race_id = ? order by id desc limit 1000").params(raceId)
                .query((rs, n) -> new Correction(rs.getLong("id"), rs.getInt("bib"), rs.getString("kind"),
                        rs.getString("details"), rs.getObject("by_account", UUID.class), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static UUID actor(Authentication who) {
        return CurrentAccount.of(who).orElseThrow(() -> ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Sign in first")).value();
    }
}
