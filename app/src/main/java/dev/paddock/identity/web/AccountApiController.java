package dev.paddock.identity.web;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.AccountProblems;
import dev.paddock.identity.account.GamblingLimits;
import dev.paddock.identity.account.Registration;
import dev.paddock.identity.account.ResponsibleGambling;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.identity.security.Passwords;
import dev.paddock.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up and the signed-in account's own data on the API. */
@RestController
class AccountApiController {

    private final Registration registration;
    private final StoredAccounts accounts;
    private final ResponsibleGambling gambling;
    private final Passwords passwords;

    AccountApiController(Registration registration, StoredAccounts accounts, ResponsibleGambling gambling,
            Passwords passwords) {
        this.registration = registration;
        this.accounts = accounts;
        this.gambling = gambling;
        this.passwords = passwords;
    }

    @PostMapping("/api/accounts")
    ResponseEntity<AccountView> signUp(@Valid @RequestBody SignUpForm form) {
        Account account = registration.register(form.toNewAccount());
        return ResponseEntity.created(URI.create("/api/me")).body(AccountView.of(account.summary()));
    }

    record Me(UUID accountId, String email, String displayName, List<String> roles, LocalDate dateOfBirth,
            String countryOfResidence) {
    }

    @GetMapping("/api/me")
    Me me(AccountId id) {
        Account account = existing(id);
        AccountView view = AccountView.of(account.summary());
        return new Me(view.accountId(), view.email(), view.displayName(), view.roles(), account.dateOfBirth(),
                account.countryOfResidence());
    }

    @GetMapping("/api/me/player-profile")
    PlayerProfileView playerProfile(AccountId id) {
        return PlayerProfileView.of(existing(id), gambling.current(id));
    }

    /**
     * The whole setting, as PUT means: a missing {@code weeklyStakeLimit} asks for no limit (after the
     * cooling-off), a missing {@code selfExcludedUntil} is only accepted when no self-exclusion runs.
     */
    record PlayerProfileChange(@Positive Long weeklyStakeLimit, Instant selfExcludedUntil) {
    }

    @PutMapping("/api/me/player-profile")
    PlayerProfileView changePlayerProfile(AccountId id, @Valid @RequestBody PlayerProfileChange change) {
        GamblingLimits limits = gambling.change(id,
                change.weeklyStakeLimit() == null ? null : Money.ofCents(change.weeklyStakeLimit()),
                change.selfExcludedUntil());
        return PlayerProfileView.of(existing(id), limits);
    }

    record PasswordChange(@NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(AccountId id, @Valid @RequestBody PasswordChange change) {
        passwords.change(id, change.currentPassword(), change.newPassword());
    }

    private Account existing(AccountId id) {
        return accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
    }
}
