package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in account of a web session: Spring Security's user plus Paddock's account id. */
public class AccountPrincipal extends User {

    private final AccountId accountId;

    public AccountPrincipal(AccountId accountId, String email, String passwordHash, boolean enabled,
            boolean accountNonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.accountId = accountId;
    }

    public AccountId accountId() {
        return accountId;
    }
}
