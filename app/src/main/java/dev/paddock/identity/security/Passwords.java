package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.AccountProblems;
import dev.paddock.identity.account.Emails;
import dev.paddock.identity.account.IdentityAudit;
import dev.paddock.identity.account.IdentityAudit.Event;
import dev.paddock.identity.account.PasswordPolicy;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import dev.paddock.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Password change (knowing the current one) and reset (through a single-use link sent by mail). Either
 * way every refresh token of the account is revoked, so a stolen session on the API ends with it.
 */
@Service
public class Passwords {

    private final StoredAccounts accounts;
    private final PasswordEncoder encoder;
    private final RefreshTokens refreshTokens;
    private final Mailer mailer;
    private final MessageSource messages;
    private final IdentityAudit audit;
    private final PasswordResetProperties properties;
    private final String publicUrl;
    private final JdbcClient jdbc;
    private final Clock clock;

    Passwords(StoredAccounts accounts, PasswordEncoder encoder, RefreshTokens refreshTokens, Mailer mailer,
            MessageSource messages, IdentityAudit audit, PasswordResetProperties properties,
            @Value("${paddock.public-url:http://localhost:8080}") String publicUrl, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.refreshTokens = refreshTokens;
        this.mailer = mailer;
        this.messages = messages;
        this.audit = audit;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void change(AccountId id, String currentPassword, String newPassword) {
        Account account = accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.field("currentPassword", "wrong", "The current password is not right.");
        }
        setPassword(account, newPassword, "newPassword", Event.PASSWORD_CHANGED);
    }

    /**
     * Mails a reset link if the account exists. The caller answers the same either way, so nobody learns
     * from it which e-mail addresses have an account.
     */
    @Transactional
    public void requestReset(String email) {
        String normalised = Emails.normalise(email);
        Optional<Account> found = accounts.byEmail(normalised);
        if (found.isEmpty()) {
            audit.record(Event.PASSWORD_RESET_REQUESTED, null, null, Map.of("email", normalised, "known", false));
            return;
        }
        Account account = found.get();
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into identity.password_reset_tokens (token_hash, account_id, created_at, expires_at)
                values (:hash, :account, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("account", account.id().value())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(properties.tokenTtl())))
                .update();
        String link = UriComponentsBuilder.fromUriString(publicUrl).path("/password/reset").queryParam("token", token)
                .build().toUriString();
        var locale = LocaleContextHolder.getLocale();
        mailer.send(new OutgoingMail(account.email(),
                messages.getMessage("identity.mail.reset.subject", null, locale),
                messages.getMessage("identity.mail.reset.text",
                        new Object[] {account.displayName(), link, properties.tokenTtl().toMinutes()}, locale)));
        audit.self(Event.PASSWORD_RESET_REQUESTED, account.id(), Map.of("email", normalised, "known", true));
    }

    /** Whether the link is still good, so the reset page can say so before the visitor types a password. */
    public boolean resetTokenUsable(String token) {
        return token != null && usableResetToken(token, false).isPresent();
    }

    @Transactional
    public void reset(String token, String newPassword) {
        AccountId id = (token == null ? Optional.<AccountId>empty() : usableResetToken(token, true))
                .orElseThrow(() -> ProblemException.field("token", "invalid",
                        "This password reset link is invalid, already used or expired; ask for a new one."));
        Account account = accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
        setPassword(account, newPassword, "newPassword", Event.PASSWORD_RESET);
        jdbc.sql("update identity.password_reset_tokens set used_at = :now where account_id = :account and used_at is null")
                .param("now", Timestamp.from(clock.instant())).param("account", id.value()).update();
    }

    private Optional<AccountId> usableResetToken(String token, boolean lock) {
        return jdbc.sql("select account_id from identity.password_reset_tokens"
                        + " where token_hash = :hash and used_at is null and expires_at > :now" + (lock ? " for update" : ""))
                .param("hash", SecretTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new AccountId(rs.getObject("account_id", UUID.class))).optional();
    }

    private void setPassword(Account account, String newPassword, String field, Event event) {
        PasswordPolicy.check(newPassword, account.email(), field);
        accounts.changePassword(account.id(), encoder.encode(newPassword));
        refreshTokens.revokeAll(account.id());
        audit.self(event, account.id(), Map.of());
    }
}
