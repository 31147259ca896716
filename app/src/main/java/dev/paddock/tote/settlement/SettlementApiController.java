package dev.paddock.tote.settlement;

import dev.paddock.shared.StrictCents;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Settlement for operators (JWT): start it, follow it; a Big 5's guaranteed pool, a Quinté+'s jackpot. */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class SettlementApiController {

    private final SettlementJobs jobs;
    private final SettlementReads reads;
    private final Guarantees guarantees;

    SettlementApiController(SettlementJobs jobs, SettlementReads reads, Guarantees guarantees) {
        this.jobs = jobs;
        this.reads = reads;
        this.guarantees = guarantees;
    }

    /** {@code {"amount": 500000}}: a Big 5 pool's guaranteed net pool in cents, 0 for none. */
    record GuaranteeRequest(@JsonDeserialize(using = StrictCents.class) Long amount) {
    }

    /** 202: the settlement runs in the background (once, whatever the number of calls); follow it with GET. */
    @PostMapping("/api/tote/races/{raceId}/settle")
    ResponseEntity<SettlementView> settle(@PathVariable UUID raceId) {
        jobs.request(raceId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reads.race(raceId));
    }

    @GetMapping("/api/tote/races/{raceId}/settlement")
    SettlementView settlement(@PathVariable UUID raceId) {
        return reads.race(raceId);
    }

    @PutMapping("/api/tote/ops/pools/{poolId}/guarantee")
    ResponseEntity<Void> guarantee(@PathVariable UUID poolId, @RequestBody GuaranteeRequest body) {
        guarantees.guarantee(poolId, body.amount());
        return ResponseEntity.noContent().build();
    }

    /** {@code {"amount": 100000}}: drawn from the Quinté+ reserve fund into this pool's top rank, 0 for none. */
    @PutMapping("/api/tote/ops/pools/{poolId}/jackpot")
    ResponseEntity<Void> jackpot(@PathVariable UUID poolId, @RequestBody GuaranteeRequest body) {
        guarantees.jackpot(poolId, body.amount());
        return ResponseEntity.noContent().build();
    }
}
