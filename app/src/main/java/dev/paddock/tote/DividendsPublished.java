package dev.paddock.tote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A race's pools were settled and paid: their official dividends are public. A Big 5 pool is announced on its
 * own, with the leg whose result completed it.
 *
 * @param pools the pools paid, each with its dividends (none for a refunded pool)
 */
public record DividendsPublished(UUID raceId, List<Pool> pools, Instant at) {

    public DividendsPublished {
        pools = List.copyOf(pools);
    }

    /** @param betType a {@code BetType} name; @param channelFamily ONLINE or RETAIL */
    public record Pool(UUID poolId, String betType, String channelFamily, boolean refunded, List<Dividend> dividends) {

        public Pool {
            dividends = List.copyOf(dividends);
        }
    }

    /**
     * @param rank          the paid rank, e.g. "ordre"
     * @param runners       the winning combination as people read it, "3-1-7" (Big 5: "3/1/7/2/5")
     * @param dividendCents what 1 EUR staked returns, stake included
     */
    public record Dividend(String rank, String runners, long dividendCents) {
    }
}
