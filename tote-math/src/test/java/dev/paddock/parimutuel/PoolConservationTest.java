package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties of every pool, over seeded random pools built from random tickets and random arrivals (dead heats,
 * non-runners, disqualifications, cancelled races and legs, random rules): the conservation law to the cent,
 * and the tickets' payments adding up to the pool's accounts.
 */
class PoolConservationTest {

    private static final int CASES_PER_TYPE = 250;

    @TestFactory
    List<DynamicTest> everyPoolConservesItsMoney() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BetType type : BetType.values()) {
            tests.add(DynamicTest.dynamicTest(type.name(), () -> {
                for (int seed = 0; seed < CASES_PER_TYPE; seed++) {
                    check(new RandomPools(seed * 31L + type.ordinal()).scenario(type), seed);
                }
            }));
        }
        return tests;
    }

    /** Settling the same pool again, its stakes added in another order, gives the same result: reports are stable. */
    @TestFactory
    List<DynamicTest> theResultDoesNotDependOnTheOrderStakesWereAdded() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BetType type : BetType.values()) {
            tests.add(DynamicTest.dynamicTest(type.name(), () -> {
                for (int seed = 0; seed < 40; seed++) {
                    RandomPools.Scenario scenario = new RandomPools(seed * 17L + type.ordinal()).scenario(type);
                    List<long[]> combinations = new ArrayList<>();
                    scenario.stakes().forEach((key, stake) -> combinations.add(new long[] {key, stake}));
                    Collections.shuffle(combinations, new Random(seed));
                    PoolTotals reordered = new PoolTotals(1);
                    combinations.forEach(combination -> reordered.add(combination[0], combination[1]));
                    PoolResult first = scenario.compute();
                    PoolResult again = PoolDividends.compute(type, scenario.rules(), scenario.legs(), reordered,
                            scenario.extras());
                    assertThat(again.ranks()).isEqualTo(first.ranks());
                    assertThat(again.accounts()).isEqualTo(first.accounts());
                }
            }));
        }
        return tests;
    }

    private static void check(RandomPools.Scenario scenario, int seed) {
        PoolResult result = scenario.compute();
        PoolAccounts accounts = result.accounts();
        String context = scenario.type() + " seed " + seed + ": " + accounts + " " + scenario.legs() + " " + scenario.rules();
        assertThat(accounts.stakesCents()).as(context).isEqualTo(scenario.stakes().total());
        assertThat(List.of(accounts.refundsCents(), accounts.takeoutCents(), accounts.reserveInCents(),
                accounts.reserveOutCents(), accounts.operatorTopUpCents(), accounts.payoutsCents(),
                accounts.breakageCents())).as(context).allMatch(term -> term >= 0);
        assertThat(accounts.stakesCents() + accounts.reserveOutCents() + accounts.operatorTopUpCents())
                .as(context)
                .isEqualTo(accounts.refundsCents() + accounts.takeoutCents() + accounts.reserveInCents()
                        + accounts.payoutsCents() + accounts.breakageCents());
        for (RankDividend rank : result.ranks()) {
            assertThat(rank.combinations()).as(context)
                    .allMatch(combination -> combination.dividendCents() >= scenario.rules().minimumDividendCents());
        }

        Map<Long, Long> dividends = new HashMap<>();
        result.ranks().forEach(rank -> rank.combinations()
                .forEach(combination -> dividends.put(combination.key(), combination.dividendCents())));
        long winnings = 0;
        long refunds = 0;
        int winningTickets = 0;
        for (RandomPools.Ticket ticket : scenario.tickets()) {
            TicketPayment payment = result.pay(ticket.formulation(), ticket.unitStakeCents());
            long[] enumerated = {0};
            Combinations.forEach(scenario.type(), ticket.formulation(), scenario.fields(),
                    key -> enumerated[0] += dividends.getOrDefault(key, 0L));
            assertThat(payment.winningsCents()).as(context + " " + ticket)
                    .isEqualTo((ticket.unitStakeCents() * enumerated[0] + 50) / 100);
            winnings += payment.winningsCents();
            refunds += payment.refundCents();
            winningTickets += payment.winningsCents() > 0 ? 1 : 0;
        }
        assertThat(refunds).as(context).isEqualTo(accounts.refundsCents());
        assertThat(winnings).as(context).isBetween(accounts.payoutsCents() - winningTickets,
                accounts.payoutsCents() + winningTickets);
    }
}
