package dev.paddock.parimutuel;

/**
 * PMU's online rules of 5 February 2020 as {@link PoolRules}, per bet type, with the rank names each bet type
 * uses. The application's rule configuration starts from these.
 */
public final class PmuRules {

    private PmuRules() {
    }

    public static PoolRules online2020(BetType type) {
        throw new UnsupportedOperationException("not yet");
    }
}
