package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BibOrderTest {

    static final UUID RED = UUID.randomUUID();
    static final UUID BLUE = UUID.randomUUID();

    static final List<Entrant> ENTRANTS = List.of(
            person("Zoé", "Müller", null, null, false, 12_000),
            person("anna", "muller", null, null, false, null),
            person("Bob", "Meier", null, null, false, 10_800),
            person("Eve", "Abt", RED, "Red", true, 9_000),
            person("Dan", "Zurbriggen", RED, "Red", false, 14_000),
            person("Cat", "Bär", BLUE, "Blue", false, null),
            person("Al", "Aebi", BLUE, "Blue", false, 13_000));

    static Stream<Arguments> orders() {
        return Stream.of(
                // by name, accents beside plain letters, case aside; teams by their name, members before substitutes
                Arguments.of(BibOrder.NAME, List.of("Blue:Aebi", "Blue:Bär", "Meier", "muller", "Müller", "Red:Zurbriggen",
                        "Red:Abt")),
                // fastest first; a team counts its fastest member (a substitute too); no time last
                Arguments.of(BibOrder.PREDICTED_TIME, List.of("Red:Zurbriggen", "Red:Abt", "Meier", "Müller", "Blue:Aebi",
                        "Blue:Bär", "muller")));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void ordersUnits(BibOrder order, List<String> expected) {
        Map<UUID, Entrant> byId = ENTRANTS.stream().collect(Collectors.toMap(Entrant::id, Function.identity()));
        List<String> numbered = order.units(ENTRANTS).stream().flatMap(List::stream).map(byId::get)
                .map(e -> e.teamId() == null ? e.lastName() : e.teamName() + ":" + e.lastName()).toList();
        assertThat(numbered).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("orders")
    void keepsATeamTogetherAsOneUnit(BibOrder order, List<String> ignored) {
        List<List<UUID>> units = order.units(ENTRANTS);
        assertThat(units).hasSize(5);
        assertThat(units.stream().filter(unit -> unit.size() == 2)).hasSize(2);
    }

    static Entrant person(String first, String last, UUID team, String teamName, boolean substitute, Integer seconds) {
        return new Entrant(UUID.randomUUID(), first, last, team, teamName, substitute, seconds);
    }
}
