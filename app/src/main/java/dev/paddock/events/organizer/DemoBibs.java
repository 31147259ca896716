package dev.paddock.events.organizer;

import dev.paddock.identity.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: bib ranges for the demo organizer's events (the catalog part creates them), so demo athletes
 * get a bib as they pay. Runs last at start-up; an event that already has a range is left alone, so a
 * restart changes nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoBibs implements ApplicationRunner {

    static final String ORGANIZER = "organizer@paddock.dev";

    private static final Logger log = LoggerFactory.getLogger(DemoBibs.class);

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final EventAccess access;
    private final BibNumbers numbers;
    private final TransactionTemplate transactions;

    DemoBibs(Accounts accounts, JdbcClient jdbc, EventAccess access, BibNumbers numbers,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.access = access;
        this.numbers = numbers;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.findByEmail(ORGANIZER).ifPresent(organizer -> rangesFor(organizer.id().value()));
    }

    /** Ranges for each event of the organizer that has none yet. */
    void rangesFor(UUID organizer) {
        List<UUID> events = jdbc.sql("""
                select e.id from events.events e where e.organizer_id = :organizer and not exists (
                    select 1 from events.bib_ranges b join events.races r on r.id = b.race_id where r.event_id = e.id)""")
                .param("organizer", organizer).query(UUID.class).list();
        events.forEach(event -> transactions.executeWithoutResult(status -> {
            List<OrganizedRace> races = access.races(event);
            List<BibRange> plan = plan(races.stream().map(OrganizedRace::capacity).toList());
            for (int i = 0; i < races.size(); i++) {
                numbers.replace(races.get(i).id(), List.of(plan.get(i)));
            }
            log.info("Demo bib ranges for event {}: {}", event, plan);
        }));
    }

    /**
     * One range per race in start order, from 1: room for the capacity and a tenth more (later raises),
     * rounded up to a hundred, so each race's numbers start on a round figure.
     */
    static List<BibRange> plan(List<Integer> capacities) {
        List<BibRange> ranges = new ArrayList<>();
        int first = 1;
        for (int capacity : capacities) {
            int size = Math.max(100, (capacity + capacity / 10 + 99) / 100 * 100);
            ranges.add(new BibRange(first, first + size - 1, null));
            first += size;
        }
        return ranges;
    }
}
