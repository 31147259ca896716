package dev.paddock.events.catalog;

import dev.paddock.identity.CurrentAccount;
import dev.paddock.identity.Role;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/** Who edits: an organizer sees only their own events; an operator or admin sees every event. */
record Organizer(UUID accountId, boolean seesAll) {

    static Organizer of(Authentication authentication) {
        UUID id = CurrentAccount.of(authentication).orElseThrow().value();
        boolean all = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority())
                || a.getAuthority().equals(Role.ADMIN.authority()));
        return new Organizer(id, all);
    }

    boolean owns(StoredEvent event) {
        return seesAll || event.organizerId().equals(accountId);
    }
}
