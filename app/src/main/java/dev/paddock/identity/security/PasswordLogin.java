package dev.paddock.identity.security;

import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.Emails;
import dev.paddock.identity.account.IdentityAudit;
import dev.paddock.identity.account.IdentityAudit.Event;
import dev.paddock.identity.account.StoredAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password, for the login form and for the token endpoint alike: refuses a locked
 * account before looking at the password, counts consecutive failures and locks the account when they
 * reach the limit, clears the count on success, and audits every outcome. The throttle is checked by the
 * callers, before they call this; failures are reported to it here.
 */
@Component
class PasswordLogin {

    /** Compared against when the e-mail is unknown, so a miss takes as long as a wrong password. */
    private final String unknownAccountHash;

    private final StoredAccounts accounts;
    private final AccountUserDetailsService principals;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final LoginProperties properties;
    private final IdentityAudit audit;
    private final Clock clock;

    PasswordLogin(StoredAccounts accounts, AccountUserDetailsService principals, PasswordEncoder passwords,
            LoginThrottle throttle, LoginProperties properties, IdentityAudit audit, Clock clock) {
        this.accounts = accounts;
        this.principals = principals;
        this.passwords = passwords;
        this.throttle = throttle;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    /** @throws LockedException or BadCredentialsException, after recording the failure */
    AccountPrincipal login(String email, String password, String ip) {
        String normalised = Emails.normalise(email);
        Optional<Account> found = accounts.byEmail(normalised);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, unknownAccountHash);
            throttle.failed(ip, normalised);
            audit.record(Event.LOGIN_FAILED, null, null, Map.of("email", normalised, "reason", "unknown-account"));
            throw new BadCredentialsException("Wrong e-mail or password.");
        }
        Account account = found.get();
        if (account.lockedAt(now)) {
            throttle.failed(ip, normalised);
            audit.self(Event.LOGIN_FAILED, account.id(), Map.of("email", normalised, "reason", "locked"));
            throw locked(account.lockedUntil());
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            throttle.failed(ip, normalised);
            audit.self(Event.LOGIN_FAILED, account.id(), Map.of("email", normalised, "reason", "bad-password"));
            int failures = accounts.recordFailedLogin(account.id());
            if (failures >= properties.maxFailures()) {
                Instant until = now.plus(properties.lockoutDuration());
                accounts.lock(account.id(), until);
                audit.self(Event.ACCOUNT_LOCKED, account.id(),
                        Map.of("email", normalised, "until", until.toString(), "failures", failures));
                throw locked(until);
            }
            throw new BadCredentialsException("Wrong e-mail or password.");
        }
        accounts.recordSuccessfulLogin(account.id());
        audit.self(Event.LOGIN_SUCCEEDED, account.id(), Map.of("email", normalised));
        return principals.principal(account);
    }

    private static LockedException locked(Instant until) {
        return new LockedException("This account is locked after too many failed logins until "
                + DateTimeFormatter.ISO_INSTANT.format(until) + ".");
    }
}
