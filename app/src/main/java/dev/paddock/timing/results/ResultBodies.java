package dev.paddock.timing.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.timing.board.Snapshot;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results as JSON bytes, serialised once per race, snapshot version and view, whether the quick read or the
 * controller asks first; a peak of identical lookups costs a map read each. A new snapshot (every tick while
 * passings arrive) starts new keys; the old ones age out.
 */
@Component
class ResultBodies {

    static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(5));
    static final String CACHE_CONTROL = CACHING.getHeaderValue();

    private final JsonMapper json;
    private final Cache<String, byte[]> bodies = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    ResultBodies(JsonMapper json) {
        this.json = json;
    }

    static String etag(UUID raceId, Snapshot snapshot) {
        return "\"" + raceId.toString().substring(0, 8) + "-" + snapshot.version() + "\"";
    }

    /** The view's body, or null (nothing kept) when the view is null: not found, which the caller answers. */
    byte[] body(UUID raceId, Snapshot snapshot, String what, Function<Snapshot, Object> view) {
        String key = raceId + "|" + snapshot.version() + "|" + what;
        byte[] body = bodies.getIfPresent(key);
        if (body == null) {
            Object shown = view.apply(snapshot);
            if (shown == null) {
                return null;
            }
            body = json.writeValueAsBytes(shown);
            bodies.put(key, body);
        }
        return body;
    }
}
