package dev.paddock.tote.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.CombinationKey;
import dev.paddock.tote.settlement.TicketPayments.Due;
import dev.paddock.wallet.BatchCredit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayoutCreditsTest {

    static final UUID POOL = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void oneCreditPerAccountForItsWinningsAndOneForItsRefunds() {
        // a Big 5 pool paid on its own
        List<Due> dues = List.of(due(ANN, 250, 0), due(ANN, 100, 150), due(BOB, 0, 300), due(BOB, 0, 100));

        List<BatchCredit> credits = PoolPayer.credits(PoolPayer.Payment.pool(POOL), dues);

        assertThat(credits).extracting(c -> c.account().value() + " " + c.amount().cents() + " " + c.key()
                        + " " + c.purpose().counterAccount() + " " + c.purpose().reference())
                .containsExactly(
                        ANN + " 350 tote-settle:" + POOL + ":" + ANN + " tote:payouts payout:pool:" + POOL,
                        ANN + " 150 tote-settle:" + POOL + ":" + ANN + ":refund tote:pools refund:pool:" + POOL,
                        BOB + " 400 tote-settle:" + POOL + ":" + BOB + ":refund tote:pools refund:pool:" + POOL);
    }

    @Test
    void aRaceIsCreditedOncePerAccountWhateverItsPoolsAndTickets() {
        // dues of several pools of the race, sorted by account as the payer sorts them
        List<Due> dues = List.of(due(ANN, 250, 0), due(ANN, 1290, 0), due(ANN, 0, 300), due(BOB, 70, 0));

        List<BatchCredit> credits = PoolPayer.credits(PoolPayer.Payment.race(RACE), dues);

        assertThat(credits).extracting(c -> c.account().value() + " " + c.amount().cents() + " " + c.key()
                        + " " + c.purpose().counterAccount() + " " + c.purpose().reference())
                .containsExactly(
                        ANN + " 1540 tote-settle:race:" + RACE + ":" + ANN + " tote:payouts payout:race:" + RACE,
                        ANN + " 300 tote-settle:race:" + RACE + ":" + ANN + ":refund tote:pools refund:race:" + RACE,
                        BOB + " 70 tote-settle:race:" + RACE + ":" + BOB + " tote:payouts payout:race:" + RACE);
    }

    @Test
    void noDuesNoCredits() {
        assertThat(PoolPayer.credits(PoolPayer.Payment.race(RACE), List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"SIMPLE_GAGNANT, 7, 7", "TIERCE, 3;1;7, 3-1-7", "TRIO, 1;3;7, 1-3-7", "BIG5, 3;1;7;2;5, 3/1/7/2/5",
            "QUINTE_PLUS, 12;1;30;2;5, 12-1-30-2-5"})
    void combinationsReadAsPeopleWriteThem(BetType type, String runners, String expected) {
        int[] numbers = java.util.Arrays.stream(runners.split(";")).mapToInt(Integer::parseInt).toArray();

        assertThat(Runners.of(type, CombinationKey.encode(numbers))).isEqualTo(expected);
    }

    private static Due due(UUID account, long winnings, long refund) {
        return new Due(UUID.randomUUID(), account, winnings, refund);
    }
}
