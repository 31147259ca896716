package dev.paddock.tote.settlement;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settlement for operators (JWT): start it, follow it. */
@RestController
@RequestMapping("/api/tote/races/{raceId}")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class SettlementApiController {

    private final SettlementJobs jobs;
    private final SettlementReads reads;

    SettlementApiController(SettlementJobs jobs, SettlementReads reads) {
        this.jobs = jobs;
        this.reads = reads;
    }

    /** 202: the settlement runs in the background (once, whatever the number of calls); follow it with GET. */
    @PostMapping("/settle")
    ResponseEntity<SettlementView> settle(@PathVariable UUID raceId) {
        jobs.request(raceId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reads.race(raceId));
    }

    @GetMapping("/settlement")
    SettlementView settlement(@PathVariable UUID raceId) {
        return reads.race(raceId);
    }
}
