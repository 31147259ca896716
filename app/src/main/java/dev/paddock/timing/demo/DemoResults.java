package dev.paddock.timing.demo;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.events.Startlists;
import dev.paddock.passings.TimingPoint;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: the events part's demo race that has already been run (slug {@value #SLUG}) gets its timing (start,
 * 5, 10 and 15 km, finish; net time official) and simulated reads from its start list, written in one statement:
 * paces from 3:20 to 7:00 per km, a few missed mats, a few DNS, DNF and DSQ. So {@code /results/races/{id}} shows
 * a finished race on a fresh start. A race that already has timing is left alone, so a restart adds nothing.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoResults implements ApplicationRunner {

    /** The slug of {@code events.catalog.DemoPastEvent}'s event. */
    static final String SLUG = "greifensee-lauf-demo";
    static final List<TimingPoint> POINTS = List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("km5", Kind.SPLIT, 5000), new TimingPoint("km10", Kind.SPLIT, 10_000),
            new TimingPoint("km15", Kind.SPLIT, 15_000), new TimingPoint("finish", Kind.FINISH, 21_097));
    private static final Logger log = LoggerFactory.getLogger(DemoResults.class);

    private final Startlists startlists;
    private final Courses courses;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    DemoResults(Startlists startlists, Courses courses, JdbcClient jdbc, PlatformTransactionManager transactions,
            java.time.Clock clock) {
        this.startlists = startlists;
        this.courses = courses;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        startlists.racesBetween(now.minus(Duration.ofDays(400)), now).stream()
                .filter(race -> race.eventSlug().equals(SLUG) && courses.find(race.raceId()).isEmpty())
                .forEach(race -> transactions.executeWithoutResult(status -> time(race)));
    }

    private void time(StartlistRace race) {
        courses.save(new RaceTiming(race.raceId(), Clock.NET, 150_000, 30_000, Duration.ofHours(3).toMillis(), false,
                RaceTime.Precision.SECONDS, POINTS, List.of(), null, null, 0));
        courses.start(race.raceId(), null, race.startsAt());
        List<Starter> starters = startlists.starters(race.raceId());
        Reads reads = simulate(starters, race.startsAt().toEpochMilli(), new Random(6));
        jdbc.sql("""
                insert into timing.passings (race_id, line, source_id, bib, point, at, received_at, verdict)
                select :race, 'IMPORT', 'demo-' || n, b, p, to_timestamp(a / 1000.0), to_timestamp(a / 1000.0), 'COUNTED'
                from unnest(cast(:bibs as int[]), cast(:points as text[]), cast(:ats as bigint[])) with ordinality as r(b, p, a, n)""")
                .param("race", race.raceId()).param("bibs", reads.bibs.toArray(Integer[]::new))
                .param("points", reads.points.toArray(String[]::new)).param("ats", reads.ats.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                insert into timing.statuses (race_id, bib, status)
                select :race, b, s from unnest(cast(:bibs as int[]), cast(:statuses as text[])) as t(b, s)""")
                .param("race", race.raceId()).param("bibs", reads.statusBibs.toArray(Integer[]::new))
                .param("statuses", reads.statuses.toArray(String[]::new)).update();
        log.info("Demo results for race {}: {} reads of {} starters", race.raceId(), reads.bibs.size(), starters.size());
    }

    /** Reads as columns, for one insert; and the statuses an operator would have set. */
    record Reads(List<Integer> bibs, List<String> points, List<Long> ats, List<Integer> statusBibs,
            List<String> statuses) {
    }

    /**
     * Every 40th starter did not start, every 33rd stopped after 10 km (DNF), every 97th cut the course (DSQ, read
     * everywhere); every 25th was missed by the 10 km mat. The others run at a pace of their own, a little slower
     * each 5 km, crossing the start mat within two minutes of the gun.
     */
    static Reads simulate(List<Starter> starters, long gun, Random random) {
        Reads reads = new Reads(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (Starter starter : starters) {
            int bib = starter.bib();
            if (bib % 40 == 0) {
                reads.statusBibs.add(bib);
                reads.statuses.add("DNS");
                continue;
            }
            long at = gun + random.nextInt(120_000);
            add(reads, bib, "start", at);
            long perKm = 200_000 + random.nextInt(220_000);
            int metres = 0;
            for (TimingPoint point : POINTS.subList(1, POINTS.size())) {
                at += (point.distanceMetres() - metres) * perKm / 1000;
                metres = point.distanceMetres();
                perKm += random.nextInt(12_000);
                if (bib % 33 == 0 && metres > 10_000) {
                    break;
                }
                if (!(bib % 25 == 0 && point.code().equals("km10"))) {
                    add(reads, bib, point.code(), at);
                }
            }
            if (bib % 33 == 0 || bib % 97 == 0) {
                reads.statusBibs.add(bib);
                reads.statuses.add(bib % 33 == 0 ? "DNF" : "DSQ");
            }
        }
        return reads;
    }

    private static void add(Reads reads, int bib, String point, long at) {
        reads.bibs.add(bib);
        reads.points.add(point);
        reads.ats.add(at);
    }
}
