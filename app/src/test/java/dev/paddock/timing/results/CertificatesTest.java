package dev.paddock.timing.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificatesTest {

    static ResultViews.Athlete athlete(ResultViews.Places places, List<ResultViews.RankingPlace> rankings) {
        return new ResultViews.Athlete(7, "Eva Roth", "F", "W40", "CH", Map.of(), null, "FINISHED", "36:00", "35:50",
                "36:00", "3:36", places, List.of(), 3, rankings, List.of());
    }

    static Stream<Arguments> athletes() {
        List<ResultViews.RankingPlace> own = List.of(new ResultViews.RankingPlace("club", "Clubs", "LC Zürich", 3, false),
                new ResultViews.RankingPlace("women", null, "", 2, false));
        return Stream.of(
                Arguments.of(new ResultViews.Places(12, 5, 2, "W40"), own, "Place 12 overall · 5 among women · 2 in W40"),
                Arguments.of(new ResultViews.Places(12, null, null, null), own, "Place 12 overall"),
                Arguments.of(new ResultViews.Places(null, null, null, null), own, "Place 3 in Clubs (LC Zürich) · 2 in women"),
                Arguments.of(new ResultViews.Places(null, null, null, null), List.of(), ""));
    }

    @ParameterizedTest
    @MethodSource("athletes")
    void aCertificateGivesTheMainPlacesOrElseTheRacesOwnRankings(ResultViews.Places places,
            List<ResultViews.RankingPlace> rankings, String expected) {
        assertThat(Certificates.places(athlete(places, rankings))).isEqualTo(expected);
    }
}
