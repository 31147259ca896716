package dev.paddock.identity.web;

import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import java.util.List;
import java.util.UUID;

/** An account in API answers: {@code {accountId, email, displayName, roles}}. */
record AccountView(UUID accountId, String email, String displayName, List<String> roles) {

    static AccountView of(AccountSummary account) {
        return new AccountView(account.id().value(), account.email(), account.displayName(),
                account.roles().stream().sorted().map(Role::name).toList());
    }
}
