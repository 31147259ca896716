package dev.paddock.tote.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.PmuRules;
import dev.paddock.parimutuel.PoolRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;

class ShippedRulesTest {

    static final Map<ChannelFamily, Map<BetType, PoolRules>> SHIPPED = RuleSets.read(new SettlementProperties(
            Duration.ZERO, Duration.ofSeconds(10), 10, 1, 1, new ClassPathResource("config/tote-rules.json")));

    @ParameterizedTest
    @EnumSource(BetType.class)
    void theShippedRulesOfEveryFamilyArePmusOnlineRulesOf2020(BetType type) {
        for (ChannelFamily family : ChannelFamily.values()) {
            assertThat(SHIPPED.get(family).get(type)).as(family + " " + type).isEqualTo(PmuRules.online2020(type));
        }
    }

    @Test
    void theCanonicalFormDoesNotDependOnTheOrderOfTheFile() {
        Map<ChannelFamily, Map<BetType, PoolRules>> reversed = new LinkedHashMap<>();
        reversed.put(ChannelFamily.RETAIL, reversedTypes(SHIPPED.get(ChannelFamily.RETAIL)));
        reversed.put(ChannelFamily.ONLINE, reversedTypes(SHIPPED.get(ChannelFamily.ONLINE)));

        assertThat(RuleSets.canonical(reversed)).isEqualTo(RuleSets.canonical(SHIPPED));
        assertThat(RuleSets.digest(RuleSets.canonical(reversed))).isEqualTo(RuleSets.digest(RuleSets.canonical(SHIPPED)))
                .hasSize(64);
        assertThat(RuleSets.canonical(SHIPPED)).startsWith("{\"ONLINE\":{\"BIG5\":{\"deductions\":[],\"emptyRank\"")
                .doesNotContain(" ");
    }

    @Test
    void anyChangeOfARateChangesTheDigest() {
        Map<ChannelFamily, Map<BetType, PoolRules>> changed = new LinkedHashMap<>(SHIPPED);
        Map<BetType, PoolRules> retail = new LinkedHashMap<>(SHIPPED.get(ChannelFamily.RETAIL));
        retail.put(BetType.TRIO, retail.get(BetType.TRIO).withTakeout(2516));
        changed.put(ChannelFamily.RETAIL, retail);

        assertThat(RuleSets.digest(RuleSets.canonical(changed))).isNotEqualTo(RuleSets.digest(RuleSets.canonical(SHIPPED)));
    }

    private static Map<BetType, PoolRules> reversedTypes(Map<BetType, PoolRules> types) {
        Map<BetType, PoolRules> reversed = new LinkedHashMap<>();
        types.keySet().stream().sorted(java.util.Comparator.reverseOrder()).forEach(t -> reversed.put(t, types.get(t)));
        return reversed;
    }
}
