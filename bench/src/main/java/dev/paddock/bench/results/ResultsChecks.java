package dev.paddock.bench.results;

import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.events.Athletes;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after a results rush: every passing sent has a known outcome and was counted (the intake's
 * answers, and the counted passings in PostgreSQL), the overall and gender rankings the results API publishes
 * equal those recomputed here from the passings sent (gun time, ties sharing a place, then bib order), and every
 * followed passing showed up in the results.
 */
final class ResultsChecks {

    record Check(String name, boolean passed, String detail) {

        @Override
        public String toString() {
            return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
        }
    }

    /** One line of a ranking: place and bib. */
    record Line(int place, int bib) {
    }

    private final PaddockApi api;
    private final ResultsRace race;
    private final List<Marathon.Crossing> sent;
    private final Outcomes outcomes;
    private final Athletes athletes;

    ResultsChecks(PaddockApi api, ResultsRace race, List<Marathon.Crossing> sent, Outcomes outcomes,
            Athletes athletes) {
        this.api = api;
        this.race = race;
        this.sent = sent;
        this.outcomes = outcomes;
        this.athletes = athletes;
    }

    List<Check> all(String jdbcUrl, RankingLag lag) throws Exception {
        List<Check> checks = new ArrayList<>();
        long unknown = sent.stream().filter(c -> !outcomes.known(c)).count();
        checks.add(new Check("every passing's outcome known", unknown == 0, unknown + " of " + sent.size() + " unknown"));
        long notCounted = sent.stream().filter(c -> !"COUNTED".equals(outcomes.verdict(c))).count();
        checks.add(new Check("every passing sent counted", notCounted == 0, sent.size() - notCounted + " of "
                + sent.size() + " COUNTED; verdicts " + outcomes.byVerdict()));
        if (jdbcUrl != null) {
            long stored = counted(jdbcUrl);
            checks.add(new Check("PostgreSQL: counted passings = passings sent", stored == sent.size(),
                    stored + " counted, " + sent.size() + " sent"));
        }
        List<Marathon.Crossing> finishes = sent.stream().filter(Marathon.Crossing::finish).toList();
        awaitFinishers(finishes.size());
        checks.add(ranking("overall ranking from the API = recomputed from the passings sent", "overall", "",
                expected(finishes)));
        for (String gender : finishes.stream().map(c -> athletes.athlete(c.bib()).gender()).distinct().sorted()
                .toList()) {
            checks.add(ranking(gender + " ranking from the API = recomputed", "gender", gender, expected(finishes
                    .stream().filter(c -> athletes.athlete(c.bib()).gender().equals(gender)).toList())));
        }
        List<Marathon.Crossing> late = lag.givenUp();
        long neverShown = late.stream().filter(crossing -> !lag.shows(crossing)).count();
        checks.add(new Check("every followed passing shown in the results", neverShown == 0,
                lag.lags().getTotalCount() + " shown, " + late.size() + " not within " + RankingLag.GIVE_UP_SECONDS
                        + " s (or their polls failed), of which " + neverShown + " still not shown after the run"));
        return checks;
    }

    /** Places by gun time (the race's official clock), equal times sharing a place, then by bib. */
    static List<Line> expected(List<Marathon.Crossing> finishes) {
        List<Marathon.Crossing> order = finishes.stream()
                .sorted(Comparator.comparingLong(Marathon.Crossing::raceMillis).thenComparingInt(Marathon.Crossing::bib))
                .toList();
        List<Line> lines = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            boolean tied = i > 0 && order.get(i).raceMillis() == order.get(i - 1).raceMillis();
            lines.add(new Line(tied ? lines.get(i - 1).place() : i + 1, order.get(i).bib()));
        }
        return lines;
    }

    private Check ranking(String name, String code, String group, List<Line> expected) throws Exception {
        List<Line> published = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get("/rankings/" + code + "?size=200&page=" + page
                    + (group.isEmpty() ? "" : "&group=" + group));
            if (answer == null) {
                return new Check(name, false, "the ranking page " + page + " could not be read");
            }
            for (JsonNode row : answer.get("rows")) {
                published.add(new Line(row.get("place").asInt(), row.get("bib").asInt()));
            }
            if (answer.get("rows").isEmpty() || published.size() >= answer.get("total").asInt()) {
                break;
            }
        }
        int first = 0;
        while (first < Math.min(published.size(), expected.size())
                && Objects.equals(published.get(first), expected.get(first))) {
            first++;
        }
        boolean same = published.equals(expected);
        return new Check(name, same, same ? expected.size() + " places equal"
                : "first difference at line " + (first + 1) + " (" + published.size() + " published, "
                        + expected.size() + " expected)");
    }

    /** The last passings may still be on their way into a snapshot: waits up to 10 s for the finishers' count. */
    private void awaitFinishers(int finishers) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode race = get("");
            if (race != null && race.get("finishers").asInt() >= finishers) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> answer = api.sendKeepingBody(api.anonymousGet("/api/results/races/" + race.raceId() + path,
                "application/json")).exceptionally(e -> null).join();
        return answer != null && answer.statusCode() == 200 ? api.read(answer.body()) : null;
    }

    private long counted(String jdbcUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl);
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from timing.passings where race_id = ? and verdict = 'COUNTED'")) {
            count.setObject(1, UUID.fromString(race.raceId()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
