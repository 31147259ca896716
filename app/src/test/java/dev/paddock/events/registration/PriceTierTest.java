package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTierTest {

    private static final List<PriceTier> TIERS = List.of(
            new PriceTier("regular", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"), 12000),
            new PriceTier("early", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"), 9500),
            new PriceTier("late", Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"), 15000));

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
            "2026-01-01T00:00:00Z, early, 9500",
            "2026-02-28T23:59:59Z, early, 9500",
            "2026-03-01T00:00:00Z, regular, 12000",
            "2026-04-30T23:59:59.999Z, regular, 12000",
            "2026-05-15T00:00:00Z, regular, 12000",
            "2026-06-01T00:00:00Z, late, 15000",
            "2026-06-30T23:59:59Z, late, 15000",
            "2026-07-01T00:00:00Z, late, 15000",
            "2025-12-31T23:59:59Z, early, 9500"})
    void theTierHoldingTheMomentPrices(String moment, String tier, long cents) {
        assertThat(PriceTier.at(TIERS, Instant.parse(moment))).map(PriceTier::name).contains(tier);
        assertThat(PriceTier.priceAt(TIERS, Instant.parse(moment))).isEqualTo(cents);
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
            "2026-03-10T00:00:00Z, wide",
            "2026-03-20T00:00:00Z, inner",
            "2026-04-15T00:00:00Z, inner",
            "2026-05-01T12:00:00Z, first-same-start",
            "2026-05-02T12:00:00Z, second-same-start",
            "2026-06-01T00:00:00Z, second-same-start",
            "2025-01-01T00:00:00Z, wide"})
    void overlappingWindowsPriceByTheEarliestStartAndTiesByTheListsOrder(String moment, String tier) {
        List<PriceTier> overlapping = List.of(
                new PriceTier("inner", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), 2),
                new PriceTier("wide", Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"), 1),
                new PriceTier("first-same-start", Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-02T00:00:00Z"), 3),
                new PriceTier("second-same-start", Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-03T00:00:00Z"), 4));

        assertThat(PriceTier.at(overlapping, Instant.parse(moment))).map(PriceTier::name).contains(tier);
    }

    @ParameterizedTest
    @CsvSource({"2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"})
    void aRaceWithoutTiersIsFree(String moment) {
        assertThat(PriceTier.at(List.of(), Instant.parse(moment))).isEmpty();
        assertThat(PriceTier.priceAt(List.of(), Instant.parse(moment))).isZero();
    }
}
