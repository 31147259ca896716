package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Role;
import dev.paddock.shared.Money;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code identity.accounts} table and its roles. */
@Component
public class StoredAccounts {

    private static final String SELECT = """
            select a.*, coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
            from identity.accounts a left join identity.account_roles r on r.account_id = a.id
            """;

    private final JdbcClient jdbc;

    StoredAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account) {
        jdbc.sql("""
                insert into identity.accounts (id, email, display_name, password_hash, date_of_birth,
                    country_of_residence, created_at)
                values (:id, :email, :name, :hash, :born, :country, :created)""")
                .param("id", account.id().value())
                .param("email", account.email())
                .param("name", account.displayName())
                .param("hash", account.passwordHash())
                .param("born", Date.valueOf(account.dateOfBirth()))
                .param("country", account.countryOfResidence())
                .param("created", Timestamp.from(account.createdAt()))
                .update();
        account.roles().forEach(role -> grant(account.id(), role));
    }

    public Optional<Account> byId(AccountId id) {
        return jdbc.sql(SELECT + " where a.id = :id group by a.id").param("id", id.value()).query(this::account)
                .optional();
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql(SELECT + " where a.email = :email group by a.id").param("email", Emails.normalise(email))
                .query(this::account).optional();
    }

    /** The ids of these normalised e-mails ({@link Emails#normalise}), by e-mail; absent when no account has one. */
    public Map<String, AccountId> idsByEmail(List<String> emails) {
        Map<String, AccountId> ids = new HashMap<>();
        if (!emails.isEmpty()) {
            jdbc.sql("select email, id from identity.accounts where email = any(:emails::text[])")
                    .param("emails", emails.toArray(String[]::new))
                    .query((rs, n) -> ids.put(rs.getString(1), new AccountId(rs.getObject(2, UUID.class)))).list();
        }
        return ids;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from identity.accounts where email = :email)")
                .param("email", Emails.normalise(email)).query(Boolean.class).single();
    }

    /** Accounts whose e-mail or display name contains the query, by e-mail. */
    public List<Account> search(String query, int page, int size) {
        return jdbc.sql(SELECT + " where " + MATCHES + " group by a.id order by a.email limit :limit offset :offset")
                .param("pattern", pattern(query)).param("limit", size).param("offset", (long) page * size)
                .query(this::account).list();
    }

    public long count(String query) {
        return jdbc.sql("select count(*) from identity.accounts a where " + MATCHES).param("pattern", pattern(query))
                .query(Long.class).single();
    }

    private static final String MATCHES = "(a.email like :pattern or lower(a.display_name) like :pattern)";

    private static String pattern(String query) {
        String escaped = (query == null ? "" : query.strip().toLowerCase())
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** @return whether the account did not hold the role yet */
    boolean grant(AccountId id, Role role) {
        return jdbc.sql("insert into identity.account_roles (account_id, role) values (:id, :role) on conflict do nothing")
                .param("id", id.value()).param("role", role.name()).update() == 1;
    }

    /** @return whether the account held the role */
    boolean revoke(AccountId id, Role role) {
        return jdbc.sql("delete from identity.account_roles where account_id = :id and role = :role")
                .param("id", id.value()).param("role", role.name()).update() == 1;
    }

    /** A new password also ends a lockout: whoever set it proved they own the account. */
    public void changePassword(AccountId id, String hash) {
        jdbc.sql("update identity.accounts set password_hash = :hash, failed_logins = 0, locked_until = null where id = :id")
                .param("id", id.value()).param("hash", hash).update();
    }

    /** @return the number of consecutive failures, this one included */
    public int recordFailedLogin(AccountId id) {
        return jdbc.sql("update identity.accounts set failed_logins = failed_logins + 1 where id = :id returning failed_logins")
                .param("id", id.value()).query(Integer.class).single();
    }

    /** Locks the account and restarts the failure count, so the next lock needs as many failures again. */
    public void lock(AccountId id, Instant until) {
        jdbc.sql("update identity.accounts set locked_until = :until, failed_logins = 0 where id = :id")
                .param("id", id.value()).param("until", Timestamp.from(until)).update();
    }

    public void recordSuccessfulLogin(AccountId id) {
        jdbc.sql("""
                update identity.accounts set failed_logins = 0, locked_until = null
                where id = :id and (failed_logins <> 0 or locked_until is not null)""")
                .param("id", id.value()).update();
    }

    /** Reads the account's limits under a row lock, so two concurrent changes apply one after the other. */
    GamblingLimits limitsForUpdate(AccountId id) {
        return jdbc.sql("""
                select weekly_stake_limit, pending_limit_set, pending_weekly_stake_limit, pending_limit_effective_at,
                       self_excluded_until
                from identity.accounts where id = :id for update""")
                .param("id", id.value()).query((rs, n) -> limits(rs)).optional()
                .orElseThrow(() -> AccountProblems.notFound(id));
    }

    void saveLimits(AccountId id, GamblingLimits limits) {
        jdbc.sql("""
                update identity.accounts set weekly_stake_limit = :limit, pending_limit_set = :pending,
                    pending_weekly_stake_limit = :pendingLimit, pending_limit_effective_at = :pendingFrom,
                    self_excluded_until = :excludedUntil
                where id = :id""")
                .param("id", id.value())
                .param("limit", cents(limits.weeklyStakeLimit()))
                .param("pending", limits.pendingChange())
                .param("pendingLimit", cents(limits.pendingLimit()))
                .param("pendingFrom", timestamp(limits.pendingFrom()))
                .param("excludedUntil", timestamp(limits.selfExcludedUntil()))
                .update();
    }

    private Account account(ResultSet rs, int n) throws SQLException {
        return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), rs.getString("password_hash"), rs.getDate("date_of_birth").toLocalDate(),
                rs.getString("country_of_residence"), roles(rs.getArray("roles")), rs.getInt("failed_logins"),
                instant(rs.getTimestamp("locked_until")), limits(rs), rs.getTimestamp("created_at").toInstant());
    }

    private static GamblingLimits limits(ResultSet rs) throws SQLException {
        return new GamblingLimits(money(rs, "weekly_stake_limit"), rs.getBoolean("pending_limit_set"),
                money(rs, "pending_weekly_stake_limit"), instant(rs.getTimestamp("pending_limit_effective_at")),
                instant(rs.getTimestamp("self_excluded_until")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        long cents = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofCents(cents);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Long cents(Money money) {
        return money == null ? null : money.cents();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
