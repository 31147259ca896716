package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.RankingSpec.Grouping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Mt Fuji hill climb 2024: 8,263 ranked finishers with gun (gross) and net times, ranked on net time,
 * overall; 12 riders without a finish time are not ranked. The published division ranks are not checked:
 * they contradict the file's own overall ranks (bib 4739 is 5,507th overall, ahead of bib 7187 at 5,510th,
 * yet 53rd behind it at 52nd in F50+), so no single ordering reproduces both.
 */
class HillClimbRealResultsTest {

    @Test
    void placesComeFromNetTimeNotGunTime() throws IOException {
        List<CSVRecord> records = PublishedResults.read("hillclimb/mt_fuji_hillclimb_2024.csv");
        List<Entrant> entrants = new ArrayList<>();
        for (CSVRecord record : records) {
            boolean finished = !record.get("Total_Time").isBlank();
            entrants.add(new Entrant(record.get("BibNumber"), record.get("BibNumber"), record.get("Gender"),
                    record.get("Division"), null, Map.of(), finished ? Status.FINISHED : Status.DNF, 0, 0,
                    finished ? Map.of(Entrant.FINISH, RaceTime.parse(record.get("Gross_Time"))) : Map.of(),
                    finished ? Map.of(Entrant.FINISH, RaceTime.parse(record.get("Total_Time"))) : Map.of()));
        }
        Ranking overall = Rankings.rank(PublishedResults.spec(Grouping.OVERALL, Clock.NET), entrants);
        assertThat(overall.group("")).hasSize(8_263);

        Map<String, Integer> officialOverall = PublishedResults.places(records, "BibNumber", "Overall_Rank");
        assertThat(PublishedResults.disagreements(overall, officialOverall)).isEmpty();

        Ranking byGun = Rankings.rank(PublishedResults.spec(Grouping.OVERALL, Clock.GUN), entrants);
        assertThat(PublishedResults.disagreements(byGun, officialOverall)).as("gun time gives other places").isNotEmpty();
    }
}
