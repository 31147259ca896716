package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventSearchTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    static EventSearch none() {
        return new EventSearch(null, null, null, null, null, null, null, null, false, 0);
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of(none(), "e.status = 'PUBLISHED'", Map.of()),
                Arguments.of(new EventSearch("  ", "", null, null, " ", "", null, null, false, 0), "e.status = 'PUBLISHED'", Map.of()),
                Arguments.of(new EventSearch("zürich", null, null, null, null, null, null, null, false, 0),
                        "e.status = 'PUBLISHED' and (e.name ilike :q escape '\\' or e.venue ilike :q escape '\\')",
                        Map.of("q", "%zürich%")),
                Arguments.of(new EventSearch("50%_off\\", null, null, null, null, null, null, null, false, 0),
                        "e.status = 'PUBLISHED' and (e.name ilike :q escape '\\' or e.venue ilike :q escape '\\')",
                        Map.of("q", "%50\\%\\_off\\\\%")),
                Arguments.of(new EventSearch(null, "trail", null, null, "ch", null, null, null, false, 0),
                        "e.status = 'PUBLISHED' and e.sport = :sport and e.country = :country",
                        Map.of("sport", "TRAIL", "country", "CH")),
                Arguments.of(new EventSearch(null, null, LocalDate.of(2030, 6, 1), LocalDate.of(2030, 6, 30), null, "Valais",
                        null, null, false, 0),
                        "e.status = 'PUBLISHED' and e.ends_on >= :from and e.starts_on <= :to and lower(e.region) = lower(:region)",
                        Map.of("from", LocalDate.of(2030, 6, 1), "to", LocalDate.of(2030, 6, 30), "region", "Valais")),
                Arguments.of(new EventSearch(null, null, null, null, null, null, 20_000, 43_000, false, 0),
                        "e.status = 'PUBLISHED' and exists (select 1 from events.races r where r.event_id = e.id and "
                                + "r.distance_m >= :minDistance and r.distance_m <= :maxDistance)",
                        Map.of("minDistance", 20_000, "maxDistance", 43_000)));
    }

    @ParameterizedTest
    @MethodSource("searches")
    void buildsTheCondition(EventSearch search, String sql, Map<String, Object> params) {
        EventSearch.Condition condition = search.condition(NOW);
        assertThat(condition.sql()).isEqualTo(sql);
        assertThat(condition.params()).isEqualTo(params);
    }

    @Test
    void openNowAsksTheSameRaceForDistanceAndRegistration() {
        EventSearch.Condition condition = new EventSearch(null, null, null, null, null, null, 40_000, null, true, 0)
                .condition(NOW);
        assertThat(condition.sql()).containsOnlyOnce("exists (").contains("r.distance_m >= :minDistance and r.registration <> 'CLOSED'");
        assertThat(condition.params()).containsEntry("now", java.sql.Timestamp.from(NOW));
    }

    @Test
    void aNegativePageIsTheFirst() {
        assertThat(new EventSearch(null, null, null, null, null, null, null, null, false, -3).page()).isZero();
    }
}
