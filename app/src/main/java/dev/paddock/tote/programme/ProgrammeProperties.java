package dev.paddock.tote.programme;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.tote.programme.*} (config/tote.yml).
 *
 * @param openBefore   a SCHEDULED race opens by itself this long before its start; 0 leaves opening to operators
 * @param tick         how often the automatic opening and stop signal look for due races
 * @param cardCacheTtl how long a node serves a race card from memory; every change made on this node
 *                     empties the cache at once, changes made on other nodes show after at most this long
 * @param zone         the time zone of the programme's days ("today") and of the times pages show
 * @param pools        the terms a new pool gets, per channel family and bet type; RETAIL falls back to
 *                     ONLINE for a bet type it does not list
 */
@ConfigurationProperties("paddock.tote.programme")
record ProgrammeProperties(@DefaultValue("2h") Duration openBefore, @DefaultValue("200ms") Duration tick,
        @DefaultValue("1s") Duration cardCacheTtl, @DefaultValue("Europe/Paris") ZoneId zone, Map<ChannelFamily, Map<BetType, PoolDefaults>> pools) {

    ProgrammeProperties {
        pools = pools == null ? Map.of() : pools;
        Map<BetType, PoolDefaults> online = pools.getOrDefault(ChannelFamily.ONLINE, Map.of());
        for (BetType type : BetType.values()) {
            if (!online.containsKey(type)) {
                throw new IllegalStateException(
                        "paddock.tote.programme.pools.ONLINE." + type + " is missing: every bet type needs default terms");
            }
        }
        if (openBefore.isNegative()) {
            throw new IllegalStateException("paddock.tote.programme.open-before must not be negative");
        }
    }

    /** The terms of a new pool of this bet type in this channel family. */
    PoolTerms defaults(BetType type, ChannelFamily family) {
        PoolDefaults d = pools.getOrDefault(family, Map.of()).get(type);
        return (d != null ? d : pools.get(ChannelFamily.ONLINE).get(type)).terms();
    }

    Map<BetType, PoolTerms> defaults(ChannelFamily family) {
        Map<BetType, PoolTerms> all = new EnumMap<>(BetType.class);
        for (BetType type : BetType.values()) {
            all.put(type, defaults(type, family));
        }
        return all;
    }

    /**
     * @param takeoutBp takeout in basis points
     * @param minStake  smallest ticket, in euros
     * @param unitStake price of one unit combination, in euros
     * @param maxStake  largest ticket, in euros
     * @param flexi     fractions of the unit stake allowed
     */
    record PoolDefaults(int takeoutBp, BigDecimal minStake, BigDecimal unitStake, BigDecimal maxStake,
            boolean flexi) {

        PoolTerms terms() {
            return new PoolTerms(takeoutBp, euros(minStake), euros(unitStake), euros(maxStake), flexi);
        }

        private static Money euros(BigDecimal value) {
            return Money.parse(value.toPlainString());
        }
    }
}
