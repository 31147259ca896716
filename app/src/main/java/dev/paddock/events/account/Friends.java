package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Friends by e-mail of an existing account. Adding someone is a request; they are friends once the other adds them
 * back (a request waiting for you shows as {@code REQUESTED_YOU}, one you sent as {@code REQUESTED}). Only friends
 * see each other's registrations and get a "register a friend" link, so an e-mail address alone reveals nothing.
 */
@Service
class Friends {

    enum Standing {
        FRIEND, REQUESTED, REQUESTED_YOU
    }

    record Friend(UUID accountId, String displayName, String email, Standing standing) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Friends(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    Friend add(UUID account, String email) {
        AccountSummary other = accounts.findByEmail(email.strip()).orElseThrow(() ->
                ProblemException.field("email", "unknown", "No account has the e-mail " + email.strip() + "."));
        if (other.id().value().equals(account)) {
            throw ProblemException.field("email", "self", "You cannot add yourself.");
        }
        jdbc.sql("""
                        insert into events.friends (account_id, friend_account_id, created_at) values (:me, :other, :at)
                        on conflict do nothing""")
                .param("me", account).param("other", other.id().value()).param("at", Timestamp.from(clock.instant()))
                .update();
        return list(account).stream().filter(f -> f.accountId().equals(other.id().value())).findFirst().orElseThrow();
    }

    /** Removes the friendship (or the request) both ways. */
    @Transactional
    boolean remove(UUID account, UUID other) {
        return jdbc.sql("""
                        delete from events.friends where (account_id = :me and friend_account_id = :other)
                                                      or (account_id = :other and friend_account_id = :me)""")
                .param("me", account).param("other", other).update() > 0;
    }

    List<Friend> list(UUID account) {
        return jdbc.sql("""
                        select coalesce(mine.friend_account_id, theirs.account_id), mine.account_id is not null,
                               theirs.account_id is not null
                        from (select * from events.friends where account_id = :me) mine
                        full join (select * from events.friends where friend_account_id = :me) theirs
                               on theirs.account_id = mine.friend_account_id
                        order by coalesce(mine.created_at, theirs.created_at)""")
                .param("me", account)
                .query((rs, row) -> friend(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3)))
                .list().stream().flatMap(Optional::stream).toList();
    }

    boolean areFriends(UUID account, UUID other) {
        return list(account).stream().anyMatch(f -> f.accountId().equals(other) && f.standing() == Standing.FRIEND);
    }

    private Optional<Friend> friend(UUID id, boolean mine, boolean theirs) {
        Standing standing = mine && theirs ? Standing.FRIEND : mine ? Standing.REQUESTED : Standing.REQUESTED_YOU;
        return accounts.find(new AccountId(id)).map(summary -> new Friend(id, summary.displayName(),
                summary.email(), standing));
    }
}
