package dev.paddock.audit.trail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /backoffice/audit}: operators read the security log, filtered by event type and account. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/backoffice/audit")
    String audit(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) UUID account, @RequestParam(defaultValue = "0") @Min(0) int page,
            Model model) {
        model.addAttribute("type", type);
        model.addAttribute("account", account);
        model.addAttribute("entries", trail.page(type, account, page));
        return "backoffice/audit";
    }
}
