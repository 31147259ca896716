package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.betting.ToteFixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The automatic settlement and the start-up resume, run on the test's thread. */
class SettlementJobsIT extends SettlementIT {

    @Autowired
    MutableClock clock;

    @Autowired
    Programme programme;

    @Autowired
    PoolPayer payer;

    @AfterEach
    void reset() {
        clock.reset();
        payer.listen((pool, chunk) -> {
        });
    }

    @Test
    void aRaceIsSettledByItselfAutoAfterItsOfficialResultAndNeverWhenAutoIsOff() throws Exception {
        RaceCard race = officialRaceWithABet();
        SettlementJobs auto = jobs(Duration.ofMinutes(2));
        SettlementJobs manual = jobs(Duration.ZERO);

        auto.settleDue();
        assertThat(status(race)).isEqualTo(RaceStatus.RESULT_OFFICIAL);
        clock.advance(Duration.ofMinutes(3));
        manual.settleDue();
        assertThat(status(race)).isEqualTo(RaceStatus.RESULT_OFFICIAL);
        auto.settleDue();
        assertThat(status(race)).isEqualTo(RaceStatus.SETTLED);
    }

    @Test
    void theStartUpJobFinishesASettlementAStoppedNodeLeftHalfDone() throws Exception {
        RaceCard race = officialRaceWithABet();
        UUID pool = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id();
        payer.listen((payment, chunk) -> {
            if (payment.equals(race.id())) {
                throw new IllegalStateException("the node stopped");
            }
        });
        try {
            settlements.settle(race.id());
        } catch (IllegalStateException stopped) {
            assertThat(stopped).hasMessageContaining("stopped");
        }
        assertThat(settled.poolStatus(pool)).isEqualTo("COMPUTED");
        reset();

        jobs(Duration.ZERO).resume();

        assertThat(settled.poolStatus(pool)).isEqualTo("PAID");
        assertThat(status(race)).isEqualTo(RaceStatus.SETTLED);
    }

    private RaceCard officialRaceWithABet() throws Exception {
        RaceCard race = tote.openRace();
        AccountId ann = tote.player("10.00");
        settled.bet(mvc, ann, ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id(), unit(2), 150);
        desk.close(race.id());
        results.official(race.id(), "2 1 3 4 5", "");
        return race;
    }

    private SettlementJobs jobs(Duration autoAfter) {
        return new SettlementJobs(settlements, store, new SettlementProperties(autoAfter, Duration.ofSeconds(10), 3, 1, 2,
                new ClassPathResource("config/tote-rules.json")), clock, Runnable::run);
    }

    private RaceStatus status(RaceCard race) {
        return programme.race(race.id()).orElseThrow().status();
    }
}
