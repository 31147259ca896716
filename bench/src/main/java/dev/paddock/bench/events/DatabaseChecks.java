package dev.paddock.bench.events;

import dev.paddock.bench.events.Buyers.Buyer;
import dev.paddock.bench.events.RushChecks.Check;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rush's checks in the server's own PostgreSQL, when the runner owns it: the race's CONFIRMED registrations,
 * its place rows, every acknowledged registration stored as acknowledged and nothing stored unacknowledged, each
 * order debited exactly once under its idempotency key ({@code events:order:<orderId>}, the contract's), each
 * buyer's ledger balance equal to its postings and to its funding minus its orders, each CONFIRMED its own bib.
 */
final class DatabaseChecks {

    private final Connection database;
    private final RushEvent event;
    private final List<Buyer> buyers;
    private final RushChecks.Ledger ledger;

    DatabaseChecks(Connection database, RushEvent event, List<Buyer> buyers, RushChecks.Ledger ledger) {
        this.database = database;
        this.event = event;
        this.buyers = buyers;
        this.ledger = ledger;
    }

    List<Check> all(int places) throws SQLException {
        UUID race = UUID.fromString(event.raceId());
        UUID eventId = UUID.fromString(event.eventId());
        List<Check> checks = new ArrayList<>();
        long confirmed = count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED'",
                race);
        checks.add(new Check("PostgreSQL: exactly --places CONFIRMED registrations", confirmed == places,
                confirmed + " CONFIRMED of " + places + " places"));
        long rows = count("select count(*) from events.places where race_id = ?", race);
        long held = count("select count(*) from events.places where race_id = ? and registration_id is not null", race);
        long holding = count("select count(*) from events.registrations where race_id = ? "
                + "and status in ('CONFIRMED', 'OFFERED')", race);
        checks.add(new Check("PostgreSQL: never more places held than the race has", rows == places && held == holding
                && held <= rows, rows + " place rows, " + held + " held, " + holding + " CONFIRMED or OFFERED"));
        checks.add(acknowledged(race));
        long orders = count("select count(distinct r.order_id) from events.registrations r where r.race_id = ?", race);
        long debited = count("select count(*) from events.orders o join wallet.entries e "
                + "on e.idempotency_key = 'events:order:' || o.id where o.id in (select r.order_id "
                + "from events.registrations r where r.race_id = ?)", race);
        long empty = count("select count(*) from events.orders o where o.event_id = ? and not exists (select 1 from "
                + "events.registrations r where r.order_id = o.id and r.status = 'CONFIRMED')", eventId);
        checks.add(new Check("PostgreSQL: every order debited once, none without its confirmed registration",
                debited == orders && empty == 0 && orders == confirmed, orders + " orders, " + debited
                        + " with their debit (events:order:<id>), " + empty + " without a CONFIRMED registration"));
        checks.add(wallets(eventId));
        long withoutBib = count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED' "
                + "and bib is null", race);
        long bibs = count("select count(distinct bib) from events.registrations where race_id = ? "
                + "and status = 'CONFIRMED'", race);
        checks.add(new Check("PostgreSQL: every CONFIRMED registration of this AT_PAYMENT race has its own bib",
                withoutBib == 0 && bibs == confirmed, bibs + " distinct bibs, " + withoutBib + " without"));
        checks.add(references(race, eventId));
        return checks;
    }

    /**
     * What the foreign keys dropped in events V43 guarded: no history row, place or bib number naming a registration
     * that does not exist, and every registration of the race naming its event and, when it has one, its order.
     */
    private Check references(UUID race, UUID eventId) throws SQLException {
        long history = count("select count(*) from events.registration_history h where not exists (select 1 from "
                + "events.registrations r where r.id = h.registration_id)");
        long places = count("select count(*) from events.places p where p.race_id = ? and p.registration_id is not null "
                + "and not exists (select 1 from events.registrations r where r.id = p.registration_id)", race);
        long bibs = count("select count(*) from events.bib_numbers b where b.race_id = ? and b.registration_id is not "
                + "null and not exists (select 1 from events.registrations r where r.id = b.registration_id)", race);
        long registrations = count("select count(*) from events.registrations r where r.race_id = ? and (r.event_id <> ? "
                + "or (r.order_id is not null and not exists (select 1 from events.orders o where o.id = r.order_id)))",
                race, eventId);
        return new Check("PostgreSQL: no history, place or bib row without its registration, no registration without "
                + "its order", history + places + bibs + registrations == 0, history + " history rows, " + places
                + " places, " + bibs + " bib numbers without their registration; " + registrations
                + " registrations without their event or order");
    }

    /** Each acknowledged registration stored with the acknowledged status; none stored that nobody was told of. */
    private Check acknowledged(UUID race) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement statement = database.prepareStatement(
                "select id, status from events.registrations where race_id = ?")) {
            statement.setObject(1, race);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getString(1), row.getString(2));
                }
            }
        }
        long missing = ledger.acknowledged().entrySet().stream()
                .filter(answer -> !answer.getValue().equals(stored.get(answer.getKey()))).count();
        long unacknowledged = stored.keySet().stream().filter(id -> !ledger.acknowledged().containsKey(id)).count();
        return new Check("PostgreSQL: no acknowledged registration missing or changed, none unacknowledged",
                missing == 0 && unacknowledged == 0, ledger.acknowledged().size() + " acknowledged, " + missing
                        + " missing or another status, " + unacknowledged + " stored but never acknowledged");
    }

    /** Each buyer's wallet: balance = sum of its postings = funding - its orders (what its answers said: see the API check). */
    private Check wallets(UUID eventId) throws SQLException {
        Map<String, long[]> books = new HashMap<>();
        try (PreparedStatement statement = database.prepareStatement("""
                select a.owner_account, a.balance_cents,
                       (select coalesce(sum(p.amount_cents), 0) from wallet.postings p where p.ledger_account_id = a.id),
                       (select coalesce(sum(o.total_cents), 0) from events.orders o
                        where o.account_id = a.owner_account and o.event_id = ?)
                from wallet.ledger_accounts a where a.owner_account = any (?)""")) {
            statement.setObject(1, eventId);
            statement.setArray(2, database.createArrayOf("uuid",
                    buyers.stream().map(buyer -> UUID.fromString(buyer.accountId())).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    books.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
                }
            }
        }
        int off = 0;
        for (Buyer buyer : buyers) {
            long[] book = books.get(buyer.accountId());
            if (book == null || book[0] != book[1] || book[0] != buyer.fundedCents() - book[2]) {
                off++;
            }
        }
        return new Check("PostgreSQL: no double charge, each buyer's balance = its postings = deposits - its orders",
                off == 0, off + " of " + buyers.size() + " wallets off");
    }

    private long count(String sql, UUID... ids) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                statement.setObject(i + 1, ids[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
