package dev.paddock.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What other modules may ask about accounts. */
public interface Accounts {

    Optional<AccountSummary> find(AccountId id);

    /** By e-mail, compared case-insensitively. */
    Optional<AccountSummary> findByEmail(String email);

    /**
     * The accounts of these e-mails (compared case-insensitively) in one look-up, keyed by the e-mails as given;
     * an e-mail without an account is absent.
     */
    Map<String, AccountId> idsByEmail(Collection<String> emails);

    /**
     * The responsible-gambling attributes the tote checks before taking a bet, as they stand now (a weekly
     * limit raise still in its cooling-off period is not yet in effect).
     *
     * @throws dev.paddock.shared.ProblemException 404 if there is no such account
     */
    PlayerProfile playerProfile(AccountId id);
}
