package dev.paddock.timing.intake;

import dev.paddock.passings.Passing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The passings that count now, as the intake judges a new read against them and the live boards rank them: one
 * query, for one athlete, some or all of a race's.
 */
@Component
public class CountedPassings {

    private static final String COUNTED = """
            select id, bib, point, at from timing.passings where race_id = :race and verdict = 'COUNTED'""";

    private final JdbcClient jdbc;

    CountedPassings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One athlete's. */
    public List<Passing> of(UUID raceId, int bib) {
        return of(raceId, List.of(bib)).get(bib);
    }

    /** By bib, every one of {@code bibs} present (an empty list when none counts). */
    public Map<Integer, List<Passing>> of(UUID raceId, Collection<Integer> bibs) {
        Map<Integer, List<Passing>> counted = new HashMap<>();
        bibs.forEach(bib -> counted.put(bib, new ArrayList<>()));
        read(jdbc.sql(COUNTED + " and bib = any(cast(:bibs as int[]))").param("race", raceId)
                .param("bibs", bibs.toArray(Integer[]::new)), counted);
        return counted;
    }

    /** By bib, the race's whole. */
    public Map<Integer, List<Passing>> of(UUID raceId) {
        Map<Integer, List<Passing>> counted = new HashMap<>();
        read(jdbc.sql(COUNTED).param("race", raceId), counted);
        return counted;
    }

    private static void read(JdbcClient.StatementSpec query, Map<Integer, List<Passing>> counted) {
        query.query(rs -> {
            int bib = rs.getInt("bib");
            counted.computeIfAbsent(bib, b -> new ArrayList<>()).add(new Passing(String.valueOf(rs.getLong("id")),
                    String.valueOf(bib), rs.getString("point"), rs.getTimestamp("at").getTime(), Passing.Line.MAIN));
        });
    }
}
