package dev.paddock.timing.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.Starter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StarterSearchTest {

    static final List<Starter> STARTERS = List.of(
            starter(7, "Anna", "Muster"),
            starter(12, "Beat", "Brändli"),
            starter(101, "Chloé", "Favre"),
            starter(3, "Anne-Marie", "Müller"),
            starter(44, "Li", "Na"),
            starter(1012, "Hans", "Muster"),
            starter(5, "R2", "D2"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            anna          | 7
            ANNA MUSTER   | 7
            muster        | 7,1012
            muster anna   | 7
            ster          | 7,1012
            brandli       | 12
            Brändli       | 12
            chloe favre   | 101
            favre chloé   | 101
            muller        | 3
            anne          | 3
            an            | 7,12,3,1012
            li            | 12,44
            na            | 7,44
            12            | 12
            101           | 101
            1012          | 1012
            007           | ''
            2             | 5
            7             | 7
            99            | ''
            nobody        | ''
            ann mus       | 7
            """)
    void findsByBibOrEveryWordOfTheNameInStartListOrder(String query, String bibs) {
        List<Integer> expected = bibs.isEmpty() ? List.of() : Arrays.stream(bibs.split(",")).map(Integer::valueOf).toList();
        assertThat(StarterSearch.of(STARTERS, null).find(query, 50).stream().map(Starter::bib).toList())
                .isEqualTo(expected)
                .isEqualTo(scan(STARTERS, query, 50));
    }

    @Test
    void stopsAtTheLimitAndFindsNothingForABlankQuery() {
        StarterSearch search = StarterSearch.of(STARTERS, null);
        assertThat(search.find("an", 2).stream().map(Starter::bib).toList()).containsExactly(7, 12);
        assertThat(search.find("   ", 50)).isEmpty();
        assertThat(search.find(null, 50)).isEmpty();
    }

    @Test
    void aSnapshotOfTheSameStartListReusesItsSearch() {
        StarterSearch first = StarterSearch.of(STARTERS, null);
        assertThat(StarterSearch.of(STARTERS, first)).isSameAs(first);
        assertThat(StarterSearch.of(new ArrayList<>(STARTERS), first)).isNotSameAs(first);
    }

    @Test
    void aLargeStartListFindsWhatAScanFinds() {
        SplittableRandom random = new SplittableRandom(7);
        String[] firsts = {"Anna", "Beat", "Chloé", "Jürg", "Lea", "Marco", "Zoë", "Li"};
        String[] lasts = {"Muster", "Brändli", "Favre", "Keller", "Nguyen", "O'Neil", "Schmid", "Ødegaard"};
        List<Starter> many = new ArrayList<>();
        for (int bib = 1; bib <= 3_000; bib++) {
            many.add(starter(bib, firsts[random.nextInt(firsts.length)], lasts[random.nextInt(lasts.length)]));
        }
        StarterSearch search = StarterSearch.of(many, null);
        for (String query : List.of("anna muster", "keller", "zoe", "odegaard", "o'neil li", "eal", "12", "2999",
                "le", "marco schmid", "x")) {
            assertThat(search.find(query, 50).stream().map(Starter::bib).toList()).as(query)
                    .isEqualTo(scan(many, query, 50));
        }
    }

    /** The plain scan the search replaces, as the results API did it. */
    private static List<Integer> scan(List<Starter> starters, String query, int limit) {
        String q = StarterSearch.fold(query == null ? "" : query.strip());
        List<Integer> found = new ArrayList<>();
        if (q.isEmpty()) {
            return found;
        }
        String[] words = q.split("\\s+");
        for (Starter starter : starters) {
            String name = StarterSearch.fold(starter.firstName() + " " + starter.lastName());
            if (q.equals(String.valueOf(starter.bib())) || Arrays.stream(words).allMatch(name::contains)) {
                found.add(starter.bib());
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    private static Starter starter(int bib, String first, String last) {
        return new Starter(UUID.randomUUID(), null, bib, first, last, "F", LocalDate.of(1990, 1, 1), "CH", "W30", null,
                null, Map.of());
    }
}
