package dev.paddock.parimutuel;

import java.util.Map;

/**
 * Probable Couplé dividends per unordered pair of runners, per 1 EUR in cents.
 *
 * @param dividendsByPair dividend by the pair's {@link CombinationKey#encodeUnordered unordered key}
 */
public record CoupleOdds(Map<Long, Long> dividendsByPair) {

    public CoupleOdds {
        dividendsByPair = Map.copyOf(dividendsByPair);
    }

    /** The dividend if runners a and b finish first and second, in either order; 0 when nobody backed the pair. */
    public long dividend(int a, int b) {
        return dividendsByPair.getOrDefault(CombinationKey.encodeUnordered(a, b), 0L);
    }
}
