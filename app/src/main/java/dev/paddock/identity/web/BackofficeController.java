package dev.paddock.identity.web;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Role;
import dev.paddock.identity.account.RoleGrants;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.shared.ProblemException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /backoffice}: the operators' index and the users page, where administrators grant roles. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class BackofficeController {

    static final int PAGE_SIZE = 20;

    private final StoredAccounts accounts;
    private final RoleGrants roles;

    BackofficeController(StoredAccounts accounts, RoleGrants roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @GetMapping("/backoffice")
    String index() {
        return "backoffice/index";
    }

    @GetMapping("/backoffice/users")
    String users(@RequestParam(defaultValue = "") @Size(max = 254) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page, AccountId viewer, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("users", accounts.search(q, page, PAGE_SIZE).stream()
                .map(account -> AccountView.of(account.summary())).toList());
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < accounts.count(q));
        model.addAttribute("allRoles", List.of(Role.values()));
        model.addAttribute("me", viewer.value());
        return "backoffice/users";
    }

    @PostMapping("/backoffice/users/{id}/roles/{role}/grant")
    @PreAuthorize("hasRole('ADMIN')")
    String grant(@PathVariable UUID id, @PathVariable Role role, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, AccountId admin, RedirectAttributes redirect) {
        roles.grant(admin, new AccountId(id), role);
        redirect.addFlashAttribute("flash", "backoffice.users.granted");
        return back(q, page);
    }

    @PostMapping("/backoffice/users/{id}/roles/{role}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revoke(@PathVariable UUID id, @PathVariable Role role, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, AccountId admin, RedirectAttributes redirect) {
        try {
            roles.revoke(admin, new AccountId(id), role);
            redirect.addFlashAttribute("flash", "backoffice.users.revoked");
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("flashError", "identity.error." + refused.slug());
        }
        return back(q, page);
    }

    private static String back(String q, int page) {
        return "redirect:" + UriComponentsBuilder.fromPath("/backoffice/users").queryParam("q", q)
                .queryParam("page", page).encode().build().toUriString();
    }
}
