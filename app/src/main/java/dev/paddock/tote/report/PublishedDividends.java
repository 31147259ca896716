package dev.paddock.tote.report;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A race's dividends as the public sees them (PMU's "rapports"): per paid pool, per rank, each winning
 * combination with its dividend per 1 EUR in cents. Only pools whose every ticket is paid are published, so a
 * figure shown is never withdrawn.
 */
public record PublishedDividends(UUID raceId, List<Pool> pools) {

    static PublishedDividends of(SettlementReport report) {
        return new PublishedDividends(report.raceId(), report.pools().stream()
                .filter(pool -> pool.status().equals("PAID"))
                .map(pool -> new Pool(pool.poolId(), pool.betType(), pool.family(), pool.wholePoolRefunded(),
                        pool.ranks().stream().map(rank -> new Rank(rank.name(), rank.order(), rank.winners().stream()
                                .map(w -> new Combination(w.runners(), w.dividendCents())).toList())).toList()))
                .toList());
    }

    /** @param refunded the whole pool was refunded (no dividend) */
    public record Pool(UUID poolId, BetType betType, ChannelFamily channelFamily, boolean refunded, List<Rank> ranks) {
    }

    public record Rank(String rank, int order, List<Combination> combinations) {

        /** For the page: the message key of the rank's name (the engine's, {@code PmuRules}). */
        public String labelKey() {
            return "dividends.rank." + rank;
        }
    }

    /** @param dividend cents per 1 EUR staked, stake included */
    public record Combination(String runners, long dividend) {

        /** For the page: the dividend in euros. */
        public BigDecimal euros() {
            return BigDecimal.valueOf(dividend, 2);
        }
    }
}
