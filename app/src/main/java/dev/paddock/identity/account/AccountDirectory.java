package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.PlayerProfile;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The identity module's answer to other modules. */
@Service
class AccountDirectory implements Accounts {

    private final StoredAccounts accounts;
    private final IdentityProperties properties;
    private final Clock clock;

    AccountDirectory(StoredAccounts accounts, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<AccountSummary> find(AccountId id) {
        return accounts.byId(id).map(Account::summary);
    }

    @Override
    public Optional<AccountSummary> findByEmail(String email) {
        return accounts.byEmail(email).map(Account::summary);
    }

    @Override
    public Map<String, AccountId> idsByEmail(Collection<String> emails) {
        Map<String, AccountId> found = accounts.idsByEmail(emails.stream().map(Emails::normalise).distinct().toList());
        Map<String, AccountId> byGiven = new HashMap<>();
        for (String email : emails) {
            AccountId id = found.get(Emails.normalise(email));
            if (id != null) {
                byGiven.put(email, id);
            }
        }
        return byGiven;
    }

    @Override
    public PlayerProfile playerProfile(AccountId id) {
        Account account = accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
        GamblingLimits limits = account.limits();
        return new PlayerProfile(account.dateOfBirth(), account.countryOfResidence(), limits.selfExcludedUntil(),
                limits.limitAt(clock.instant()), properties.ageOfMajority());
    }
}
