package dev.paddock.tote.betting;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A read-through cache for the request path that never sends a crowd to the database: the first reader of
 * a key loads it while the others wait for that one load; once a value is older than its time to live, one
 * reader reloads it while the others keep using the old value. At thousands of bets a second on a few races,
 * a plain expiring cache would send every request waiting at the expiry instant to the connection pool at
 * once, and the bet writer would wait behind them.
 */
final class SharedCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis, AtomicBoolean refreshing) {
    }

    private final Map<K, CompletableFuture<Entry<V>>> entries = new ConcurrentHashMap<>();
    private final Function<K, V> loader;
    private final long ttlMillis;
    private final LongSupplier millis;
    private final int maxEntries;

    SharedCache(Function<K, V> loader, long ttlMillis, LongSupplier millis, int maxEntries) {
        this.loader = loader;
        this.ttlMillis = ttlMillis;
        this.millis = millis;
        this.maxEntries = maxEntries;
    }

    V get(K key) {
        CompletableFuture<Entry<V>> entry = entries.get(key);
        if (entry == null) {
            CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
            entry = entries.putIfAbsent(key, mine);
            if (entry == null) {
                if (entries.size() > maxEntries) {
                    entries.clear();
                    entries.put(key, mine);
                }
                return load(key, mine).value();
            }
        }
        Entry<V> current = entry.join();
        if (current.expiresAtMillis() <= millis.getAsLong() && current.refreshing().compareAndSet(false, true)) {
            return load(key, new CompletableFuture<>()).value();
        }
        return current.value();
    }

    private Entry<V> load(K key, CompletableFuture<Entry<V>> slot) {
        try {
            Entry<V> loaded = new Entry<>(loader.apply(key), millis.getAsLong() + ttlMillis, new AtomicBoolean());
            slot.complete(loaded);
            entries.put(key, slot);
            return loaded;
        } catch (RuntimeException e) {
            entries.remove(key, slot);
            slot.completeExceptionally(e);
            throw e;
        }
    }

    /** The next reader loads afresh. */
    void forget(K key) {
        entries.remove(key);
    }

    void forgetAll() {
        entries.clear();
    }
}
