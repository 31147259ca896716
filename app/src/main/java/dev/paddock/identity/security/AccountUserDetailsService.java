package dev.paddock.identity.security;

import dev.paddock.identity.Role;
import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.StoredAccounts;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads the session principal from the database; a locked account comes back not-non-locked. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final StoredAccounts accounts;
    private final Clock clock;

    AccountUserDetailsService(StoredAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public AccountPrincipal loadUserByUsername(String email) {
        return accounts.byEmail(email).map(this::principal)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this e-mail"));
    }

    AccountPrincipal principal(Account account) {
        List<SimpleGrantedAuthority> authorities = account.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return new AccountPrincipal(account.id(), account.email(), account.passwordHash(), true,
                !account.lockedAt(clock.instant()), authorities);
    }
}
