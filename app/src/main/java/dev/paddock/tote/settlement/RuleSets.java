package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.PoolRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned dividend rules. At start-up the configured rules are read, written as canonical JSON (keys
 * sorted, no spaces) and digested with SHA-256; a digest not seen before becomes the next version in
 * tote.rule_sets. Settlement always uses the newest stored version, and records it, so that an auditor can
 * recompute any pool from the rules it was actually settled with.
 */
@Component
class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);
    // one lock key for "registering a rule set", so two nodes starting at once take versions one after the other
    private static final long REGISTER_LOCK = 0x70616464_72756c65L;
    private static final TypeReference<Map<ChannelFamily, Map<BetType, PoolRules>>> SHAPE = new TypeReference<>() {
    };

    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Integer, RuleSet> byVersion = new ConcurrentHashMap<>();

    RuleSets(SettlementProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        register(read(properties));
        log.info("Dividend rules: settlements use rule set version {}, the newest stored", newest().version());
    }

    /** The rules in a canonical order, whatever the order of the file. */
    static Map<ChannelFamily, Map<BetType, PoolRules>> read(SettlementProperties properties) {
        try (InputStream in = properties.rules().getInputStream()) {
            Map<ChannelFamily, Map<BetType, PoolRules>> rules = CANONICAL.readValue(in, SHAPE);
            Map<ChannelFamily, Map<BetType, PoolRules>> sorted = new EnumMap<>(ChannelFamily.class);
            rules.forEach((family, types) -> sorted.put(family, new EnumMap<>(types)));
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dividend rules " + properties.rules(), e);
        }
    }

    static String canonical(Map<ChannelFamily, Map<BetType, PoolRules>> rules) {
        Map<String, Map<String, PoolRules>> byName = new TreeMap<>();
        rules.forEach((family, types) -> {
            Map<String, PoolRules> named = new TreeMap<>();
            types.forEach((type, poolRules) -> named.put(type.name(), poolRules));
            byName.put(family.name(), named);
        });
        return CANONICAL.writeValueAsString(byName);
    }

    static String digest(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the rules under the next version unless the same rules are stored already; returns their version. */
    int register(Map<ChannelFamily, Map<BetType, PoolRules>> rules) {
        String json = canonical(rules);
        String digest = digest(json);
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", REGISTER_LOCK).query(Object.class).single();
            Optional<Integer> known = jdbc.sql("select version from tote.rule_sets where digest = :digest")
                    .param("digest", digest).query(Integer.class).optional();
            if (known.isPresent()) {
                return known.get();
            }
            int version = jdbc.sql("select coalesce(max(version), 0) + 1 from tote.rule_sets").query(Integer.class).single();
            jdbc.sql("""
                            insert into tote.rule_sets (version, digest, rules, loaded_at)
                            values (:version, :digest, cast(:rules as jsonb), :at)""")
                    .param("version", version).param("digest", digest).param("rules", json)
                    .param("at", Timestamp.from(clock.instant())).update();
            log.info("Dividend rules: new rule set version {} ({})", version, digest);
            return version;
        });
    }

    /** The newest stored rule set: what a new settlement uses. */
    RuleSet newest() {
        int version = jdbc.sql("select max(version) from tote.rule_sets").query(Integer.class).single();
        return version(version);
    }

    /** A stored rule set, e.g. the one a pool was settled with. */
    RuleSet version(int version) {
        return byVersion.computeIfAbsent(version, v -> {
            String json = jdbc.sql("select rules::text from tote.rule_sets where version = :version")
                    .param("version", v).query(String.class).single();
            Map<ChannelFamily, Map<BetType, PoolRules>> rules = CANONICAL.readValue(json, SHAPE);
            return new RuleSet(v, rules);
        });
    }
}
