package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.Course;
import dev.paddock.passings.Segment;
import dev.paddock.passings.Segments;
import dev.paddock.passings.TimingPoint;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.rankings.RankingSpec.Grouping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Challenge Roth 2024 as if timed at its transition mats: each ranked athlete read at T1 in, T1 out, T2 in, T2 out
 * at the published cumulative segment times and at the finish at the published total. The swim, T1, bike and T2
 * come back exactly; the run is what remains of the total, within the 0 to 4 s by which the published segments
 * overrun the total (the total is never rebuilt by adding rounded segments); the overall places come from the total.
 * A dozen athletes miss a segment in the published results: read up to that mat only, their later segments stay
 * unknown, never negative.
 */
class TriathlonRealResultsTest {

    static final Course COURSE = new Course(List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("t1in", Kind.SPLIT, 3800), new TimingPoint("t1out", Kind.SPLIT, 3900),
            new TimingPoint("t2in", Kind.SPLIT, 183_900), new TimingPoint("t2out", Kind.SPLIT, 184_000),
            new TimingPoint("finish", Kind.FINISH, 226_195)), 20_000, 30_000);
    static final List<Segment> SEGMENTS = List.of(new Segment("swim", "start", "t1in", Segment.Kind.DISCIPLINE),
            new Segment("t1", "t1in", "t1out", Segment.Kind.TRANSITION),
            new Segment("bike", "t1out", "t2in", Segment.Kind.DISCIPLINE),
            new Segment("t2", "t2in", "t2out", Segment.Kind.TRANSITION),
            new Segment("run", "t2out", "finish", Segment.Kind.DISCIPLINE));

    static final List<String> MATS = List.of("t1in", "t1out", "t2in", "t2out");
    static final List<String> COLUMNS = List.of("Swim", "T1", "Bike", "T2");

    @Test
    void segmentsComeBackFromTheMatsAndPlacesFromTheTotal() throws IOException {
        List<CSVRecord> records = PublishedResults.read("triathlon/challenge_roth_2024.csv");
        List<Entrant> entrants = new ArrayList<>();
        int checked = 0;
        int missed = 0;
        for (CSVRecord record : records) {
            if (!record.get("Overall_Rank").matches("\\d+")) {
                continue;
            }
            long total = RaceTime.parse(record.get("Total_Time"));
            Map<String, Long> reads = new HashMap<>();
            reads.put(Entrant.FINISH, total);
            long at = 0;
            int firstBlank = COLUMNS.size();
            for (int i = 0; i < COLUMNS.size() && firstBlank == COLUMNS.size(); i++) {
                if (record.get(COLUMNS.get(i)).isBlank()) {
                    firstBlank = i;
                } else {
                    at += RaceTime.parse(record.get(COLUMNS.get(i)));
                    reads.put(MATS.get(i), at);
                }
            }
            Map<String, Long> segments = Segments.times(COURSE, SEGMENTS, reads);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String segment = SEGMENTS.get(i).code();
                if (i < firstBlank) {
                    assertThat(segments.get(segment)).as("%s of bib %s", segment, record.get("Bib"))
                            .isEqualTo(RaceTime.parse(record.get(COLUMNS.get(i))));
                } else {
                    // The published results miss this segment: its mat did not read the athlete, nor do we.
                    assertThat(segments).as("bib %s", record.get("Bib")).doesNotContainKey(segment);
                    missed++;
                }
            }
            if (firstBlank == COLUMNS.size() && !record.get("Run").isBlank()) {
                long run = RaceTime.parse(record.get("Run"));
                assertThat(segments.get("run")).as("run of bib %s", record.get("Bib")).isBetween(run - 4_000, run);
            }
            entrants.add(new Entrant(record.get("Bib"), record.get("Bib"), record.get("Gender"), record.get("Division"),
                    null, Map.of(), Status.FINISHED, 0, 0, Map.of(Entrant.FINISH, total), Map.of(Entrant.FINISH, total)));
            checked++;
        }
        assertThat(checked).isEqualTo(3_402);
        assertThat(missed).isPositive();
        Ranking overall = Rankings.rank(PublishedResults.spec(Grouping.OVERALL, Clock.NET), entrants);
        assertThat(PublishedResults.disagreements(overall, PublishedResults.places(records, "Bib", "Overall_Rank"))).isEmpty();
    }
}
