package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.tote.results.ResultFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class Big5SettlementIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ResultFixtures results;

    @Autowired
    SettlementFixtures settled;

    @Autowired
    RecordedDividends published;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    RaceSettlements settlements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBig5WithACancelledLegAndANonRunnerIsSettledWhenItsLastLegIs() throws Exception {
        List<RaceCard> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            legs.add(tote.openRace());
        }
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).stream()
                .filter(p -> p.family() == ChannelFamily.ONLINE).findFirst().orElseThrow();
        AccountId ann = tote.player("100.00");
        AccountId bob = tote.player("100.00");
        AccountId cat = tote.player("100.00");
        AccountId dan = tote.player("100.00");
        UUID annBet = settled.bet(mvc, ann, big5.id(), legs(List.of(1), List.of(2), List.of(9), List.of(4), List.of(5)), 100);
        UUID bobBet = settled.bet(mvc, bob, big5.id(), legs(List.of(1), List.of(2), List.of(3), List.of(4), List.of(6)), 100);
        UUID catBet = settled.bet(mvc, cat, big5.id(), legs(List.of(1, 7), List.of(2), List.of(3), List.of(4), List.of(5)), 100);
        UUID danBet = settled.bet(mvc, dan, big5.id(), legs(List.of(1), List.of(2), List.of(3), List.of(8), List.of(5)), 100);
        // leg 4's favourite: runner 4 holds the largest Simple Gagnant stake
        settled.bet(mvc, bob, ToteFixtures.pool(legs.get(3), BetType.SIMPLE_GAGNANT).id(), unit(4), 1500);
        settled.bet(mvc, bob, ToteFixtures.pool(legs.get(3), BetType.SIMPLE_GAGNANT).id(), unit(6), 300);
        desk.declareNonRunner(legs.get(3).id(), 8);

        desk.cancel(legs.get(2).id());
        settlements.settle(legs.get(2).id());
        String[] finishes = {"1 2 3 4 5", "2 1 3 4 5", null, "4 1 2 3 5", "5 1 2 3 4"};
        for (int i = 0; i < 5; i++) {
            if (finishes[i] != null) {
                assertThat(settled.poolStatus(big5.id())).as("the Big 5 waits for its last leg").isNull();
                desk.close(legs.get(i).id());
                results.official(legs.get(i).id(), finishes[i], "");
                settlements.settle(legs.get(i).id());
            }
        }

        // 5.00 staked, 75 % of it shared by the 3 winning units: floor_0.10(3.75 / 3.00) = 1.20 per euro
        SettlementFixtures.assertPaidOnce(settled.paid(annBet), 120L, null);
        SettlementFixtures.assertPaidOnce(settled.paid(catBet), 120L, null);
        SettlementFixtures.assertPaidOnce(settled.paid(danBet), 120L, null);
        assertThat(settled.paid(bobBet).settled()).isFalse();
        settled.assertWalletMatchesLedger(cat, 100_00 - 200 + 120);
        assertThat(settled.poolStatus(big5.id())).isEqualTo("PAID");
        assertThat(jdbc.sql("select arrivals ->> :leg from tote.pool_settlements where pool_id = :pool")
                .param("leg", legs.get(2).id().toString()).param("pool", big5.id()).query(String.class).single())
                .isEqualTo("0");
        assertThat(published.withPool(big5.id())).singleElement().satisfies(event -> {
            assertThat(event.raceId()).isEqualTo(legs.get(4).id());
            assertThat(event.pools().getFirst().dividends()).extracting(DividendsPublished.Dividend::dividendCents)
                    .containsOnly(120L);
        });
    }

    @Test
    void aBig5WhoseLegsAreAllCancelledIsRefunded() throws Exception {
        List<RaceCard> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            legs.add(tote.openRace());
        }
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).getFirst();
        AccountId ann = tote.player("10.00");
        UUID bet = settled.bet(mvc, ann, big5.id(), legs(List.of(1, 2), List.of(2), List.of(3), List.of(4), List.of(5)), 100);

        for (RaceCard leg : legs) {
            desk.cancel(leg.id());
            settlements.settle(leg.id());
        }

        SettlementFixtures.assertPaidOnce(settled.paid(bet), null, 200L);
        settled.assertWalletMatchesLedger(ann, 10_00);
    }

    private static String legs(List<?>... legs) {
        return "{\"type\":\"LEGS\",\"legs\":" + List.of(legs) + "}";
    }
}
