package dev.paddock.tote.settlement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code paddock.tote.settlement.*} (config/tote.yml).
 *
 * @param autoAfter    a race is settled by itself this long after its result became official; 0 leaves it to
 *                     operators ("Settle now", {@code POST /api/tote/races/{id}/settle})
 * @param sweep        how often the automatic settlement looks for due races
 * @param chunkTickets about this many tickets are paid per transaction (whole accounts: an account's tickets of a
 *                     race are always paid together, with one credit)
 * @param parallelPools settlements (a race's own pools together, or a Big 5 pool) run at once on a node
 * @param parallelChunks payment transactions of one settlement written at once (their accounts never overlap)
 * @param rules        the dividend rules, JSON: {@code {"ONLINE": {"SIMPLE_GAGNANT": PoolRules, ...}, "RETAIL": ...}}
 */
@ConfigurationProperties("paddock.tote.settlement")
record SettlementProperties(@DefaultValue("2m") Duration autoAfter, @DefaultValue("10s") Duration sweep,
        @DefaultValue("5000") int chunkTickets, @DefaultValue("3") int parallelPools,
        @DefaultValue("2") int parallelChunks,
        @DefaultValue("classpath:config/tote-rules.json") Resource rules) {

    SettlementProperties {
        if (autoAfter.isNegative()) {
            throw new IllegalStateException("paddock.tote.settlement.auto-after must not be negative");
        }
        if (chunkTickets < 1 || parallelPools < 1 || parallelChunks < 1) {
            throw new IllegalStateException(
                    "paddock.tote.settlement.chunk-tickets, parallel-pools and parallel-chunks are at least 1");
        }
    }
}
