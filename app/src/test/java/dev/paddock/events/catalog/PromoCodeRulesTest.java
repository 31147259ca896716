package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromoCodeRulesTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final UUID RACE = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    static PromoCode amount(String code, Long cents) {
        return new PromoCode(code, PromoCode.Kind.AMOUNT, cents, null, null, null, null, false);
    }

    static PromoCode percent(Integer percent) {
        return new PromoCode("EARLY", PromoCode.Kind.PERCENT, null, percent, null, null, null, false);
    }

    static Stream<Arguments> codes() {
        PromoCode ok = amount("CLUB-2030", 500L);
        return Stream.of(
                Arguments.of("amount", ok, List.of()),
                Arguments.of("percent", percent(10), List.of()),
                Arguments.of("100 percent", percent(100), List.of()),
                Arguments.of("0 percent", percent(0), List.of("percent:range")),
                Arguments.of("101 percent", percent(101), List.of("percent:range")),
                Arguments.of("percent without value", percent(null), List.of("percent:range")),
                Arguments.of("percent with cents", new PromoCode("EARLY", PromoCode.Kind.PERCENT, 100L, 10, null, null, null,
                        false), List.of("valueCents:not-allowed")),
                Arguments.of("amount with percent", new PromoCode("EARLY", PromoCode.Kind.AMOUNT, 100L, 10, null, null, null,
                        false), List.of("percent:not-allowed")),
                Arguments.of("zero amount", amount("ZERO", 0L), List.of("valueCents:range")),
                Arguments.of("no amount", amount("NONE", null), List.of("valueCents:range")),
                Arguments.of("lower case", amount("club", 1L), List.of("code:pattern")),
                Arguments.of("too short", amount("AB", 1L), List.of("code:pattern")),
                Arguments.of("too long", amount("A".repeat(31), 1L), List.of("code:pattern")),
                Arguments.of("no kind", new PromoCode("EARLY", null, 1L, null, null, null, null, false), List.of("kind:required")),
                Arguments.of("own race", withRaces(ok, RACE), List.of()),
                Arguments.of("other event's race", withRaces(ok, RACE, OTHER), List.of("raceIds[1]:unknown-race")),
                Arguments.of("race twice", withRaces(ok, RACE, RACE), List.of("raceIds[1]:unknown-race")),
                Arguments.of("null race", withRaces(ok, (UUID) null), List.of("raceIds[0]:unknown-race")),
                Arguments.of("no race", withRaces(ok), List.of("raceIds:size")),
                Arguments.of("expired", new PromoCode("OLD", PromoCode.Kind.AMOUNT, 1L, null, null, NOW, null, false),
                        List.of("validUntil:past")),
                Arguments.of("valid later", new PromoCode("NEW", PromoCode.Kind.AMOUNT, 1L, null, null, NOW.plusSeconds(1),
                        5, true), List.of()),
                Arguments.of("no use", new PromoCode("NONE", PromoCode.Kind.AMOUNT, 1L, null, null, null, 0, false),
                        List.of("maxUses:range")));
    }

    static PromoCode withRaces(PromoCode p, UUID... races) {
        return new PromoCode(p.code(), p.kind(), p.valueCents(), p.percent(), Arrays.asList(races), p.validUntil(),
                p.maxUses(), p.firstTimeOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void problems(String title, PromoCode promo, List<String> expected) {
        assertThat(PromoCodeRules.problems(promo, Set.of(RACE), NOW).stream().map(p -> p.field() + ":" + p.code()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
