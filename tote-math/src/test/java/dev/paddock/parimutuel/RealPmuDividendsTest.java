package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Simple formulas against official pmu.fr online dividends of January 2024 (shared fixtures, absent
 * from some checkouts). The source rounded the stakes to 1 EUR; all five races still reproduce exactly, both
 * through the closed formulas of {@link Dividends} and through the engine, {@link PoolDividends#compute} with
 * {@link PmuRules#online2020}, fed with the per-runner stakes and the arrival the official dividends imply.
 */
class RealPmuDividendsTest {

    private static final Path FIXTURES = Path.of(System.getProperty("user.dir"), "../../shared/data/tote");
    private static final int ONLINE_SIMPLE_TAKEOUT_BP = 1390;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    List<DynamicTest> officialSimpleDividendsAreReproducedExactly() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "no shared PMU fixtures at " + FIXTURES);
        Map<String, JsonNode> results = new HashMap<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("pmu_E_rapports_2024-01_devset.jsonl"))) {
            JsonNode race = JSON.readTree(line);
            results.put(raceId(race), race.get("paris"));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("pmu_E_masses_2024-01_devset.jsonl"))) {
            JsonNode race = JSON.readTree(line);
            String id = raceId(race);
            JsonNode official = results.get(id);
            Map<Integer, Long> gagnant = stakes(race.get("pools").get("E_SIMPLE_GAGNANT"));
            Map<Integer, Long> place = stakes(race.get("pools").get("E_SIMPLE_PLACE"));
            tests.add(dynamicTest(id + " Simple Gagnant", () -> simpleGagnant(gagnant, official.get("E_SIMPLE_GAGNANT"))));
            tests.add(dynamicTest(id + " Simple Placé", () -> simplePlace(place, official.get("E_SIMPLE_PLACE"))));
        }
        assertThat(tests).hasSize(10);
        return tests;
    }

    private static void simpleGagnant(Map<Integer, Long> stakes, JsonNode official) {
        long total = stakes.values().stream().mapToLong(Long::longValue).sum();
        JsonNode winner = official.get(0);
        int runner = Integer.parseInt(winner.get("comb").asString());
        long expected = winner.get("div").asLong();
        assertThat(Dividends.simpleGagnant(total, stakes.get(runner), ONLINE_SIMPLE_TAKEOUT_BP)).isEqualTo(expected);
        assertThat(ProbableOdds.win(pool(stakes), ONLINE_SIMPLE_TAKEOUT_BP)).containsEntry(runner, expected);
        PoolResult result = settle(BetType.SIMPLE_GAGNANT, stakes, List.of(runner));
        assertThat(result.ranks()).singleElement().satisfies(rank -> assertThat(rank.combinations())
                .containsExactly(new CombinationDividend(CombinationKey.encode(runner), expected, stakes.get(runner))));
        assertThat(result.pay(new Formulation.Unit(List.of(runner)), 100).winningsCents()).isEqualTo(expected);
    }

    private static void simplePlace(Map<Integer, Long> stakes, JsonNode official) {
        long total = stakes.values().stream().mapToLong(Long::longValue).sum();
        long[] placedStakes = new long[official.size()];
        for (int i = 0; i < placedStakes.length; i++) {
            placedStakes[i] = stakes.get(Integer.parseInt(official.get(i).get("comb").asString()));
        }
        Map<Integer, PlaceOdds> probable = ProbableOdds.place(pool(stakes), ONLINE_SIMPLE_TAKEOUT_BP, stakes.size());
        for (int i = 0; i < placedStakes.length; i++) {
            int runner = Integer.parseInt(official.get(i).get("comb").asString());
            long expected = official.get(i).get("div").asLong();
            assertThat(Dividends.simplePlace(total, placedStakes, i, ONLINE_SIMPLE_TAKEOUT_BP))
                    .as("runner %d", runner).isEqualTo(expected);
            assertThat(expected).as("runner %d within its probable range", runner)
                    .isBetween(probable.get(runner).min(), probable.get(runner).max());
        }
        List<Integer> placed = new ArrayList<>();
        official.forEach(runner -> placed.add(Integer.parseInt(runner.get("comb").asString())));
        PoolResult result = settle(BetType.SIMPLE_PLACE, stakes, placed);
        assertThat(result.accounts().wholePoolRefunded()).isFalse();
        for (JsonNode runner : official) {
            int number = Integer.parseInt(runner.get("comb").asString());
            assertThat(result.pay(new Formulation.Unit(List.of(number)), 100).winningsCents())
                    .as("runner %d through the engine", number).isEqualTo(runner.get("div").asLong());
        }
    }

    /** The official placings in the file's order (the arrival's), each runner alone at its position. */
    private static PoolResult settle(BetType type, Map<Integer, Long> stakes, List<Integer> placed) {
        Arrival arrival = new Arrival(placed.stream().map(List::of).toList(), Set.of(), Set.of(), stakes.size(), false);
        return PoolDividends.compute(type, PmuRules.online2020(type), List.of(arrival), pool(stakes), PoolExtras.NONE);
    }

    private static Map<Integer, Long> stakes(JsonNode pool) {
        Map<Integer, Long> stakes = new HashMap<>();
        pool.properties().forEach(runner -> stakes.put(Integer.parseInt(runner.getKey()), runner.getValue().asLong()));
        return stakes;
    }

    private static PoolTotals pool(Map<Integer, Long> stakes) {
        PoolTotals pool = new PoolTotals();
        stakes.forEach((runner, stake) -> pool.add(CombinationKey.encode(runner), stake));
        return pool;
    }

    private static String raceId(JsonNode race) {
        return race.get("date").asString() + " R" + race.get("r").asInt() + "C" + race.get("c").asInt();
    }
}
