package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator grants and revokes roles; every change is audited. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class RoleGrants {

    private final StoredAccounts accounts;
    private final IdentityAudit audit;

    RoleGrants(StoredAccounts accounts, IdentityAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public AccountSummary grant(AccountId admin, AccountId subject, Role role) {
        existing(subject);
        if (accounts.grant(subject, role)) {
            audit.record(IdentityAudit.Event.ROLE_GRANTED, admin, subject, Map.of("role", role.name()));
        }
        return existing(subject).summary();
    }

    /** An administrator cannot drop their own ADMIN role, so there is always someone left to grant it. */
    @Transactional
    public AccountSummary revoke(AccountId admin, AccountId subject, Role role) {
        existing(subject);
        if (role == Role.ADMIN && admin.equals(subject)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "own-admin-role",
                    "You cannot remove your own ADMIN role; ask another administrator.");
        }
        if (accounts.revoke(subject, role)) {
            audit.record(IdentityAudit.Event.ROLE_REVOKED, admin, subject, Map.of("role", role.name()));
        }
        return existing(subject).summary();
    }

    private Account existing(AccountId id) {
        return accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
    }
}
