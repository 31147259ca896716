package dev.paddock.parimutuel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The general method of {@code shared/docs/tote-rules.md}, for any bet type once its combinations are judged:
 * <pre>
 * net    = (T - R) - takeout;  minus the reserve fund's share of it (Quinté+)
 * profit = net (+ a guaranteed pool's top-up) - c x winning stakes
 * each rank gets its share of the profit (plus, for the top rank, the reserve draw), split equally between its
 * groups, then pro rata to the stakes within a group
 * dividend = c + the increments of every rank the combination wins, rounded down, less the progressive
 * deduction, never below the minimum
 * </pre>
 * Fractions stay exact until each dividend is rounded. The minimum is funded by cutting the takeout, down to
 * the minimum margin; beyond that the whole pool is refunded. Money taken by the progressive deduction goes
 * to the takeout (it is a levy, like the takeout). Payouts are, per winning combination, its stake x its
 * dividend, summed, rounded to the nearest cent once (tickets round theirs, so what they are paid differs from it
 * by less than a cent per winning ticket); breakage is what the rounding of the dividends left in the pool.
 */
final class ProfitSharing {

    private static final long BASIS = 10_000;

    /** A settled pool before it is wrapped for tickets: its winning combinations in reading order (1-2 before 2-1). */
    record Shared(PoolAccounts accounts, List<RankDividend> ranks, long[] keys, long[] dividends) {

        static Shared refunded(long stakes) {
            return new Shared(new PoolAccounts(stakes, stakes, 0, 0, 0, 0, 0, 0, true), List.of(), new long[0],
                    new long[0]);
        }
    }

    private record Winner(long key, long stake, Verdict verdict) {
    }

    private record Group(int rank, long id) {
    }

    private ProfitSharing() {
    }

    static Shared share(List<String> rankNames, PoolRules rules, PoolTotals stakes, PoolExtras extras,
            LongFunction<Verdict> judge) {
        int[] shares = shares(rankNames, rules);
        long total = stakes.total();
        List<Winner> winners = new ArrayList<>();
        long refunds = judge(stakes, judge, winners);
        long kept = total - refunds;
        long net = Ratio.of(kept).times(BASIS - rules.takeoutBp()).over(BASIS).floor();
        long takeout = kept - net;
        long reserveFundIn = Ratio.of(net).times(rules.reserveFundBp()).over(BASIS).floor();
        long pool = net - reserveFundIn;

        Map<Group, Ratio> groupStakes = new HashMap<>();
        Ratio winningStakes = groupStakes(winners, groupStakes);
        int[] groupsPerRank = new int[rankNames.size()];
        groupStakes.keySet().forEach(group -> groupsPerRank[group.rank]++);

        boolean anyWinner = !winners.isEmpty();
        long reserveOut = groupsPerRank[0] > 0 ? extras.reserveDrawCents() : 0;
        long operatorTopUp = anyWinner ? Math.max(0, extras.guaranteedPoolCents() - pool - reserveOut) : 0;
        Ratio c = Ratio.of(rules.reserveCoefficientBp(), BASIS);
        Ratio profit = Ratio.of(pool + operatorTopUp).minus(c.times(winningStakes));
        if (profit.signum() < 0) {
            // The winners' stakes exceed the pool: every dividend is c, raised to the minimum below.
            profit = Ratio.ZERO;
        }

        long[] effectiveShares = flowEmptyRanks(shares, groupsPerRank, rules.emptyRank());
        long emptyRanksIn = profit.times(effectiveShares[shares.length]).over(BASIS).floor();

        Map<Group, Ratio> increments = new HashMap<>();
        for (Map.Entry<Group, Ratio> group : groupStakes.entrySet()) {
            int rank = group.getKey().rank;
            Ratio money = profit.times(effectiveShares[rank]).over(BASIS);
            if (rank == 0) {
                money = money.plus(Ratio.of(reserveOut));
            }
            increments.put(group.getKey(), money.times(100).over(groupsPerRank[rank]).over(group.getValue()));
        }

        Map<List<Object>, long[]> memo = new HashMap<>();
        Dividend dividend = new Dividend(rules, c.times(100), increments);
        long[] keys = new long[winners.size()];
        long[] dividends = new long[winners.size()];
        long payoutsHundredths = 0;
        long deductedHundredths = 0;
        List<List<CombinationDividend>> byRank = new ArrayList<>();
        rankNames.forEach(name -> byRank.add(new ArrayList<>()));
        for (int i = 0; i < keys.length; i++) {
            Winner winner = winners.get(i);
            long[] value = memo.computeIfAbsent(dividend.signature(winner.verdict), s -> dividend.of(winner.verdict));
            keys[i] = winner.key;
            dividends[i] = value[1];
            payoutsHundredths = Math.addExact(payoutsHundredths, Math.multiplyExact(winner.stake, value[1]));
            deductedHundredths = Math.addExact(deductedHundredths, Math.multiplyExact(winner.stake, value[0] - value[1]));
            byRank.get(winner.verdict.topRank()).add(new CombinationDividend(winner.key, value[1], winner.stake));
        }

        long payouts = (payoutsHundredths + 50) / 100;
        long deducted = deductedHundredths / 100;
        long available = pool + reserveOut + operatorTopUp;
        long shortfall = payouts + emptyRanksIn + deducted - available;
        long finalTakeout = takeout + deducted - Math.max(0, shortfall);
        long minimumMargin = Ratio.of(kept).times(rules.minimumMarginBp()).over(BASIS).plus(Ratio.of(BASIS - 1, BASIS))
                .floor();
        if (shortfall > 0 && finalTakeout < minimumMargin) {
            return Shared.refunded(total);
        }
        List<RankDividend> ranks = new ArrayList<>();
        for (int rank = 0; rank < byRank.size(); rank++) {
            List<CombinationDividend> combinations = byRank.get(rank);
            if (!combinations.isEmpty()) {
                ranks.add(new RankDividend(rankNames.get(rank),
                        combinations.stream().mapToLong(CombinationDividend::stakeCents).sum(), combinations));
            }
        }
        PoolAccounts accounts = new PoolAccounts(total, refunds, finalTakeout, reserveFundIn + emptyRanksIn,
                reserveOut, operatorTopUp, payouts, Math.max(0, -shortfall), false);
        return new Shared(accounts, ranks, keys, dividends);
    }

    /** Judges every combination: returns the refunded stakes, and fills the winners in reading order. */
    private static long judge(PoolTotals stakes, LongFunction<Verdict> judge, List<Winner> winners) {
        long[] refunds = {0};
        stakes.forEach((key, stake) -> {
            Verdict verdict = judge.apply(key);
            if (verdict.refunded()) {
                refunds[0] += stake;
            } else if (verdict.won()) {
                winners.add(new Winner(key, stake, verdict));
            }
        });
        winners.sort(Comparator.comparingLong(winner -> readingOrder(winner.key)));
        return refunds[0];
    }

    /** The key with its first runner in the highest bits: sorts combinations as they read, 1-2 before 2-1. */
    private static long readingOrder(long key) {
        long order = 0;
        for (int i = 0; i < CombinationKey.MAX_RUNNERS; i++) {
            order = order << CombinationKey.BITS | CombinationKey.runner(key, i);
        }
        return order;
    }

    /** Stake x dividend (cents per euro), rounded to the nearest cent. */
    static long cents(long stakeCents, long dividendCents) {
        return (Math.multiplyExact(stakeCents, dividendCents) + 50) / 100;
    }

    /** Fills the stakes of each group; returns the winning stakes (each winning unit bet counted once). */
    private static Ratio groupStakes(List<Winner> winners, Map<Group, Ratio> groupStakes) {
        Ratio winningStakes = Ratio.ZERO;
        for (Winner winner : winners) {
            Verdict verdict = winner.verdict;
            Ratio unitStake = Ratio.of(winner.stake, verdict.units());
            for (int i = 0; i < verdict.ranks().length; i++) {
                groupStakes.merge(new Group(verdict.ranks()[i], verdict.groups()[i]), unitStake, Ratio::plus);
            }
            winningStakes = winningStakes.plus(unitStake.times(verdict.winningUnits()));
        }
        return winningStakes;
    }

    /** Each rank's share once the empty ranks' shares have moved; the last element is the reserve fund's. */
    private static long[] flowEmptyRanks(int[] shares, int[] groupsPerRank, PoolRules.EmptyRank emptyRank) {
        long[] effective = new long[shares.length + 1];
        for (int rank = 0; rank < shares.length; rank++) {
            int receiver = groupsPerRank[rank] > 0 ? rank
                    : emptyRank == PoolRules.EmptyRank.NEXT_RANK ? receiver(groupsPerRank, rank) : -1;
            effective[receiver < 0 ? shares.length : receiver] += shares[rank];
        }
        return effective;
    }

    /** An empty rank's share goes to the next rank down with a winner, else to the nearest one above. */
    private static int receiver(int[] groupsPerRank, int empty) {
        for (int rank = empty + 1; rank < groupsPerRank.length; rank++) {
            if (groupsPerRank[rank] > 0) {
                return rank;
            }
        }
        for (int rank = empty - 1; rank >= 0; rank--) {
            if (groupsPerRank[rank] > 0) {
                return rank;
            }
        }
        return -1;
    }

    /** The dividend of a winning combination, from the increments of its groups. */
    private record Dividend(PoolRules rules, Ratio coefficientCents, Map<Group, Ratio> increments) {

        List<Object> signature(Verdict verdict) {
            List<Object> signature = new ArrayList<>();
            signature.add(verdict.units());
            signature.add(verdict.winningUnits());
            for (int i = 0; i < verdict.ranks().length; i++) {
                signature.add(new Group(verdict.ranks()[i], verdict.groups()[i]));
            }
            return signature;
        }

        /** {before the progressive deduction, paid}, in cents per euro. */
        long[] of(Verdict verdict) {
            Ratio exact = coefficientCents.times(verdict.winningUnits());
            for (int i = 0; i < verdict.ranks().length; i++) {
                exact = exact.plus(increments.get(new Group(verdict.ranks()[i], verdict.groups()[i])));
            }
            long rounded = roundedDown(exact.over(verdict.units()).floor());
            long deducted = roundedDown(rounded - deduction(rounded));
            return new long[] {Math.max(rules.minimumDividendCents(), rounded),
                    Math.max(rules.minimumDividendCents(), deducted)};
        }

        private long roundedDown(long cents) {
            return Math.floorDiv(cents, rules.roundingCents()) * rules.roundingCents();
        }

        /** Each bracket's rate on the part of the dividend between its threshold and the next one. */
        private long deduction(long dividend) {
            List<PoolRules.Deduction> brackets = rules.deductions();
            Ratio deduction = Ratio.ZERO;
            for (int i = 0; i < brackets.size(); i++) {
                long from = brackets.get(i).aboveCents();
                long to = i + 1 < brackets.size() ? brackets.get(i + 1).aboveCents() : Long.MAX_VALUE;
                long part = Math.min(dividend, to) - from;
                if (part > 0) {
                    deduction = deduction.plus(Ratio.of(part).times(brackets.get(i).bp()).over(BASIS));
                }
            }
            return deduction.floor();
        }
    }

    private static int[] shares(List<String> rankNames, PoolRules rules) {
        int[] shares = new int[rankNames.size()];
        long sum = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = rules.rankSharesBp().getOrDefault(rankNames.get(i), 0);
            sum += shares[i];
        }
        if (sum != BASIS || Arrays.stream(shares).anyMatch(share -> share < 0)) {
            throw new IllegalArgumentException("the rank shares of " + rankNames + " must sum to 10000, not "
                    + rules.rankSharesBp());
        }
        return shares;
    }
}
