package dev.paddock.audit.trail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/audit?type=&account=&page=}: the security log for operators, newest first. */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/ops/audit")
    AuditTrail.AuditPage audit(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) UUID account, @RequestParam(defaultValue = "0") @Min(0) int page) {
        return trail.page(type, account, page);
    }
}
