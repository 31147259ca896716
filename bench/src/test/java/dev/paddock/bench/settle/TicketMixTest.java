package dev.paddock.bench.settle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Formulation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketMixTest {

    static final Map<BetType, Long> UNIT_STAKES = new EnumMap<>(Map.of(BetType.SIMPLE_GAGNANT, 150L,
            BetType.SIMPLE_PLACE, 150L, BetType.COUPLE_GAGNANT, 100L, BetType.COUPLE_PLACE, 100L, BetType.TIERCE, 100L,
            BetType.QUARTE_PLUS, 130L, BetType.QUINTE_PLUS, 200L, BetType.MULTI, 300L));

    @Test
    void theSameSeedGivesTheSameTickets() {
        assertThat(tickets(42, 1_000)).isEqualTo(tickets(42, 1_000)).isNotEqualTo(tickets(43, 1_000));
    }

    @Test
    void theMixIsMostlySimpleAndCoupleWithSomeCombinedAndChampTickets() {
        List<TicketMix.Ticket> tickets = tickets(7, 20_000);
        Map<BetType, Integer> byType = new EnumMap<>(BetType.class);
        tickets.forEach(t -> byType.merge(t.type(), 1, Integer::sum));
        assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(TicketMix.betTypes());
        assertThat(byType.get(BetType.SIMPLE_GAGNANT)).isBetween(6_600, 7_400);
        assertThat(byType.get(BetType.MULTI)).isBetween(200, 400);
        assertThat(tickets).anySatisfy(t -> assertThat(t.stored()).startsWith("C:"))
                .anySatisfy(t -> assertThat(t.stored()).startsWith("H:"));
        assertThat(tickets).allSatisfy(t -> {
            assertThat(t.totalStakeCents()).isEqualTo(t.combinations() * t.stakeCents());
            assertThat(t.stakeCents() % UNIT_STAKES.get(t.type())).isZero();
            if (t.formulation() instanceof Formulation.Champ champ && t.type() == BetType.QUINTE_PLUS) {
                // a champ total is stored with every other starter as partner
                assertThat(champ.bases().size() + champ.partners().size()).isEqualTo(TicketMix.RUNNERS);
                assertThat(t.combinations()).isEqualTo(12 * 120);
            }
        });
    }

    @Test
    void formulationsAreStoredAsTheBetWriterStoresThem() {
        assertThat(TicketMix.stored(new Formulation.Unit(List.of(3, 1, 7)))).isEqualTo("U:3,1,7");
        assertThat(TicketMix.stored(new Formulation.Combined(List.of(1, 2, 5, 9)))).isEqualTo("C:1,2,5,9");
        assertThat(TicketMix.stored(new Formulation.Champ(List.of(4, 2), List.of(1, 3)))).isEqualTo("H:4,2/1,3");
    }

    private static List<TicketMix.Ticket> tickets(long seed, int count) {
        TicketMix mix = new TicketMix(seed);
        List<TicketMix.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(mix.next(UNIT_STAKES));
        }
        return tickets;
    }
}
