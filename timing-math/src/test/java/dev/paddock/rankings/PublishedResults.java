package dev.paddock.rankings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paddock.rankings.RankingSpec.Grouping;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the real published results of {@code ../shared/data/races} (outside the repository: a test using
 * it skips when the folder is absent) and compares recomputed places with the official ones.
 */
final class PublishedResults {

    static final Path RACES = Path.of(System.getProperty("user.dir"), "../../shared/data/races");

    private PublishedResults() {
    }

    static List<CSVRecord> read(String file) throws IOException {
        Path path = RACES.resolve(file);
        assumeTrue(Files.isReadable(path), () -> "Real results not present: " + path);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                    .get().parse(reader).getRecords();
        }
    }

    /**
     * Every entrant's official place in the ranking's groups, compared with the recomputed one: within a
     * group, the entrants of equal time must hold exactly the official places from their shared place
     * onwards (published results break ties by hundredths they do not print). Returns the entrants whose
     * official place disagrees, with both places.
     */
    static List<String> disagreements(Ranking ranking, Map<String, Integer> official) {
        List<String> wrong = new ArrayList<>();
        ranking.groups().forEach((group, placings) -> {
            Map<Long, List<Placing>> byTime = new TreeMap<>();
            placings.forEach(p -> byTime.computeIfAbsent(p.time(), t -> new ArrayList<>()).add(p));
            byTime.values().forEach(tied -> {
                int first = tied.getFirst().place();
                TreeSet<Integer> expected = new TreeSet<>();
                for (int i = 0; i < tied.size(); i++) {
                    expected.add(first + i);
                }
                for (Placing p : tied) {
                    Integer place = official.get(p.entrantId());
                    if (place == null || !expected.contains(place)) {
                        wrong.add(p.entrantId() + " in '" + group + "': official " + place + ", computed " + first
                                + (tied.size() > 1 ? " to " + (first + tied.size() - 1) : ""));
                    }
                }
                TreeSet<Integer> officialPlaces = new TreeSet<>();
                tied.forEach(p -> officialPlaces.add(official.get(p.entrantId())));
                if (officialPlaces.size() != tied.size()) {
                    wrong.add("tie at " + tied.getFirst().time() + " in '" + group + "' shares official places");
                }
            });
        });
        return wrong;
    }

    /** The places column, by entrant id, for the records that have one. */
    static Map<String, Integer> places(List<CSVRecord> records, String idColumn, String placeColumn) {
        Map<String, Integer> places = new HashMap<>();
        for (CSVRecord record : records) {
            String place = record.get(placeColumn).strip().replace("=", "");
            if (place.matches("\\d+")) {
                places.put(record.get(idColumn).strip(), Integer.parseInt(place));
            }
        }
        return places;
    }

    static RankingSpec spec(Grouping grouping, Clock clock) {
        return RankingSpec.of(grouping.name().toLowerCase(java.util.Locale.ROOT), grouping, clock, TiePolicy.SHARED);
    }
}
