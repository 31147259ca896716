package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountRegistered;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up: checks the rules, stores the account as a CUSTOMER and announces {@link AccountRegistered}. */
@Service
public class Registration {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final StoredAccounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final IdentityAudit audit;
    private final Clock clock;

    Registration(StoredAccounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
            IdentityAudit audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account register(NewAccount form) {
        return register(form, EnumSet.of(Role.CUSTOMER));
    }

    @Transactional
    Account register(NewAccount form, Set<Role> roles) {
        String email = Emails.normalise(form.email());
        check(form, email);
        if (accounts.emailTaken(email)) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        Account account = new Account(AccountId.random(), email, form.displayName().strip(),
                passwords.encode(form.password()), form.dateOfBirth(), form.countryOfResidence(), roles, 0, null,
                GamblingLimits.NONE, now);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException raced) {
            throw emailTaken();
        }
        events.publishEvent(new AccountRegistered(account.id(), email, now));
        audit.self(IdentityAudit.Event.ACCOUNT_REGISTERED, account.id(), Map.of("email", email));
        return account;
    }

    private void check(NewAccount form, String email) {
        if (email.isEmpty() || !email.contains("@")) {
            throw ProblemException.field("email", "email", "An e-mail address is required.");
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            throw ProblemException.field("displayName", "required", "A display name is required.");
        }
        PasswordPolicy.check(form.password(), email, "password");
        LocalDate today = LocalDate.now(clock);
        if (form.dateOfBirth() == null || form.dateOfBirth().isBefore(EARLIEST_BIRTH)
                || !form.dateOfBirth().isBefore(today)) {
            throw ProblemException.field("dateOfBirth", "date", "A date of birth in the past is required.");
        }
        if (form.countryOfResidence() == null || !COUNTRIES.contains(form.countryOfResidence())) {
            throw ProblemException.field("countryOfResidence", "country",
                    "A country of residence is an ISO 3166-1 alpha-2 code such as FR.");
        }
    }

    private static ProblemException emailTaken() {
        String detail = "An account with this e-mail address already exists.";
        return new ProblemException(HttpStatus.CONFLICT, "email-taken", detail,
                List.of(new ProblemException.FieldProblem("email", "taken", detail)));
    }
}
