package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriceTiersTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static Instant day(int d) {
        return T0.plusSeconds(86_400L * d);
    }

    static PriceTier tier(String name, int from, int to, long cents) {
        return new PriceTier(name, day(from), day(to), cents);
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("empty", List.of(), List.of()),
                Arguments.of("one", List.of(tier("Early", 0, 10, 5000)), List.of()),
                Arguments.of("contiguous", List.of(tier("Early", 0, 10, 5000), tier("Regular", 10, 20, 7000)), List.of()),
                Arguments.of("contiguous, given out of order",
                        List.of(tier("Late", 20, 30, 9000), tier("Early", 0, 10, 5000), tier("Regular", 10, 20, 7000)),
                        List.of()),
                Arguments.of("overlap", List.of(tier("Early", 0, 10, 5000), tier("Regular", 9, 20, 7000)),
                        List.of("[1].startsAt:overlap")),
                Arguments.of("overlap named at the later one whatever the order",
                        List.of(tier("Regular", 9, 20, 7000), tier("Early", 0, 10, 5000)), List.of("[0].startsAt:overlap")),
                Arguments.of("same window twice", List.of(tier("A", 0, 10, 1), tier("B", 0, 10, 2)),
                        List.of("[1].startsAt:overlap")),
                Arguments.of("gap", List.of(tier("Early", 0, 10, 5000), tier("Regular", 11, 20, 7000)),
                        List.of("[1].startsAt:gap")),
                Arguments.of("ends before it starts", List.of(tier("Early", 10, 5, 5000)), List.of("[0].endsAt:range")),
                Arguments.of("empty window", List.of(tier("Early", 5, 5, 5000)), List.of("[0].endsAt:range")),
                Arguments.of("negative price", List.of(tier("Early", 0, 5, -1)), List.of("[0].priceCents:range")),
                Arguments.of("free is a price", List.of(tier("Free", 0, 5, 0)), List.of()),
                Arguments.of("blank name", List.of(tier(" ", 0, 5, 1)), List.of("[0].name:size")),
                Arguments.of("long name", List.of(tier("x".repeat(61), 0, 5, 1)), List.of("[0].name:size")),
                Arguments.of("no start", List.of(new PriceTier("A", null, day(1), 1)), List.of("[0].startsAt:required")),
                Arguments.of("no end", List.of(new PriceTier("A", day(0), null, 1)), List.of("[0].endsAt:required")),
                Arguments.of("broken tier is left out of the order check",
                        List.of(tier("A", 0, 10, 1), tier("B", 5, 3, 1), tier("C", 10, 20, 1)), List.of("[1].endsAt:range")),
                Arguments.of("null tier", Collections.singletonList(null), List.of("[0]:required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void problems(String title, List<PriceTier> tiers, List<String> expected) {
        assertThat(PriceTiers.problems("", tiers).stream().map(p -> p.field() + ":" + p.code()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void tooManyTiers() {
        List<PriceTier> tiers = new ArrayList<>();
        for (int i = 0; i <= PriceTiers.MAX_TIERS; i++) {
            tiers.add(tier("T" + i, i, i + 1, 100));
        }
        assertThat(PriceTiers.problems("priceTiers", tiers)).extracting(FieldProblem::field).containsExactly("priceTiers");
    }

    @Test
    void theTierInForceHoldsItsStartButNotItsEnd() {
        List<PriceTier> tiers = List.of(tier("Early", 0, 10, 5000), tier("Regular", 10, 20, 7000));
        assertThat(PriceTiers.at(tiers, day(0))).map(PriceTier::name).contains("Early");
        assertThat(PriceTiers.at(tiers, day(10).minusMillis(1))).map(PriceTier::name).contains("Early");
        assertThat(PriceTiers.at(tiers, day(10))).map(PriceTier::name).contains("Regular");
        assertThat(PriceTiers.at(tiers, day(20))).isEmpty();
        assertThat(PriceTiers.at(tiers, day(-1))).isEmpty();
        assertThat(PriceTiers.next(tiers, day(-1))).map(PriceTier::name).contains("Early");
        assertThat(PriceTiers.next(tiers, day(0))).map(PriceTier::name).contains("Regular");
        assertThat(PriceTiers.next(tiers, day(10))).isEmpty();
    }

    /** Law: a list the check accepts gives every moment between its first start and last end exactly one price. */
    @RepeatedTest(200)
    void anAcceptedListPricesEveryMomentOfItsSpanOnce() {
        Random random = new Random();
        List<PriceTier> tiers = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            int from = random.nextInt(30);
            tiers.add(tier("T" + i, from, from + 1 + random.nextInt(10), random.nextInt(10_000)));
        }
        boolean accepted = PriceTiers.problems("", tiers).isEmpty();
        Instant first = tiers.stream().map(PriceTier::startsAt).min(Instant::compareTo).orElseThrow();
        Instant last = tiers.stream().map(PriceTier::endsAt).max(Instant::compareTo).orElseThrow();
        boolean everyMomentOnce = true;
        for (Instant at = first; at.isBefore(last); at = at.plusSeconds(43_200)) {
            Instant moment = at;
            everyMomentOnce &= tiers.stream().filter(t -> t.holds(moment)).count() == 1;
        }
        assertThat(accepted).isEqualTo(everyMomentOnce);
    }
}
