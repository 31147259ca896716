package dev.paddock.events.fields;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Compiled answer schemas, one per race and version of its fields: an opening rush of thousands of
 * registrations for one race compiles its schema once. A race whose fields change gets a new version, hence
 * a new entry; old ones age out of the bounded cache.
 */
@Component
public class AnswerSchemas {

    private final Cache<Key, AnswerSchema> compiled = Caffeine.newBuilder().maximumSize(2_000).build();

    /** The race's schema for this version of its fields, compiled on first use. */
    public AnswerSchema of(UUID raceId, long version, List<FieldDefinition> fields) {
        return compiled.get(new Key(raceId, version, List.copyOf(fields)), key -> AnswerSchema.of(key.fields()));
    }

    /** The fields are part of the key, so a change stored without a version bump is never served stale. */
    private record Key(UUID raceId, long version, List<FieldDefinition> fields) {
    }
}
