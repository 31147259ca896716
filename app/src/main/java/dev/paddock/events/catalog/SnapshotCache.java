package dev.paddock.events.catalog;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;

/**
 * The caches behind the public answers. An entry is refreshed in the background once it is half a TTL old,
 * while readers keep getting it, so a reader waits on the database only for an entry nobody asked for in
 * the last TTL; no entry is served older than the TTL. Concurrent misses of one key wait for one load.
 */
final class SnapshotCache {

    private SnapshotCache() {
    }

    static <K, V> LoadingCache<K, V> of(Duration ttl, long maximumSize, CacheLoader<K, V> loader) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize);
        if (ttl.toMillis() >= 2) {
            builder.refreshAfterWrite(ttl.dividedBy(2));
        }
        return builder.build(loader);
    }
}
