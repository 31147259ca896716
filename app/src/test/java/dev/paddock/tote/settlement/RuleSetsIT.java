package dev.paddock.tote.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.PoolRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rule set versions. The changed rules only touch RETAIL Pick5's takeout, which no test bets on and which a pool's
 * own takeout overrides anyway, so the other tests' settlements are unaffected.
 */
@SpringBootTest
@ActiveProfiles("test")
class RuleSetsIT {

    @Autowired
    RuleSets ruleSets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShippedRulesAreStoredOnceAndEveryChangeIsTheNextVersion() throws Exception {
        int shipped = ruleSets.register(ShippedRulesTest.SHIPPED);
        assertThat(ruleSets.register(ShippedRulesTest.SHIPPED)).isEqualTo(shipped);
        assertThat(digest(shipped)).isEqualTo(RuleSets.digest(RuleSets.canonical(ShippedRulesTest.SHIPPED)));
        int before = ruleSets.newest().version();

        int changed = ruleSets.register(retailPick5Takeout(3600 + before));
        assertThat(changed).isEqualTo(before + 1);
        assertThat(ruleSets.newest().version()).isEqualTo(changed);
        assertThat(ruleSets.version(changed).of(ChannelFamily.RETAIL, BetType.PICK5).takeoutBp()).isEqualTo(3600 + before);
        assertThat(ruleSets.version(changed).of(ChannelFamily.ONLINE, BetType.PICK5))
                .isEqualTo(ShippedRulesTest.SHIPPED.get(ChannelFamily.ONLINE).get(BetType.PICK5));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> nodes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                nodes.add(threads.submit(() -> {
                    start.await();
                    return ruleSets.register(retailPick5Takeout(3700 + before));
                }));
            }
            start.countDown();
            assertThat(nodes.get(0).get()).isEqualTo(nodes.get(1).get()).isEqualTo(changed + 1);
        }
        assertThat(jdbc.sql("select count(*) from tote.rule_sets").query(Long.class).single()).isEqualTo(changed + 1L);
    }

    private String digest(int version) {
        return jdbc.sql("select digest from tote.rule_sets where version = :v").param("v", version)
                .query(String.class).single();
    }

    private static Map<ChannelFamily, Map<BetType, PoolRules>> retailPick5Takeout(int takeoutBp) {
        Map<ChannelFamily, Map<BetType, PoolRules>> rules = new EnumMap<>(ShippedRulesTest.SHIPPED);
        Map<BetType, PoolRules> retail = new EnumMap<>(rules.get(ChannelFamily.RETAIL));
        retail.put(BetType.PICK5, retail.get(BetType.PICK5).withTakeout(takeoutBp));
        rules.put(ChannelFamily.RETAIL, retail);
        return rules;
    }
}
