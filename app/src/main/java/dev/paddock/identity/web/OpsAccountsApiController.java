package dev.paddock.identity.web;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Role;
import dev.paddock.identity.account.RoleGrants;
import dev.paddock.identity.account.StoredAccounts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for operators: search; roles for administrators: grant and revoke. */
@RestController
class OpsAccountsApiController {

    static final int PAGE_SIZE = 50;

    private final StoredAccounts accounts;
    private final RoleGrants roles;

    OpsAccountsApiController(StoredAccounts accounts, RoleGrants roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    record AccountPage(List<AccountView> items, int page, int size, long total) {
    }

    @GetMapping("/api/ops/accounts")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    AccountPage search(@RequestParam(defaultValue = "") @Size(max = 254) String query,
            @RequestParam(defaultValue = "0") @Min(0) int page) {
        return new AccountPage(accounts.search(query, page, PAGE_SIZE).stream()
                .map(account -> AccountView.of(account.summary())).toList(), page, PAGE_SIZE, accounts.count(query));
    }

    @PutMapping("/api/ops/accounts/{id}/roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView grant(@PathVariable UUID id, @PathVariable Role role, AccountId admin) {
        return AccountView.of(roles.grant(admin, new AccountId(id), role));
    }

    @DeleteMapping("/api/ops/accounts/{id}/roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView revoke(@PathVariable UUID id, @PathVariable Role role, AccountId admin) {
        return AccountView.of(roles.revoke(admin, new AccountId(id), role));
    }
}
