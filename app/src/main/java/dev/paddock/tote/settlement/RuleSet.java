package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.PoolRules;
import java.util.Map;

/** One numbered version of the dividend rules, per channel family and bet type, as stored in tote.rule_sets. */
record RuleSet(int version, Map<ChannelFamily, Map<BetType, PoolRules>> rules) {

    RuleSet {
        rules = Map.copyOf(rules);
    }

    PoolRules of(ChannelFamily family, BetType type) {
        PoolRules found = rules.getOrDefault(family, Map.of()).get(type);
        if (found == null) {
            throw new IllegalStateException("Rule set " + version + " has no rules for " + family + " " + type);
        }
        return found;
    }
}
