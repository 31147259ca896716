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
 * Results as JSON bytes, kept per race and view, whether the quick read or the controller asks first; a peak of
 * identical lookups costs a map read each. A kept body stays valid across snapshots for as long as what it shows is
 * the same: a new snapshot (every tick while passings arrive) costs building the view again and comparing it
 * without its version, and only a view that changed is serialised again, with a new ETag. So a tick that touched a
 * few athletes does not make the other 14,000 serialise again; their bytes and ETags stay.
 */
@Component
class ResultBodies {

    static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()
            .staleWhileRevalidate(Duration.ofSeconds(5));
    static final String CACHE_CONTROL = CACHING.getHeaderValue();

    /**
     * @param etag    names the bytes: the race and the snapshot they were serialised from
     * @param version the latest snapshot they were found to show
     * @param shown   what they show, without versions, to compare with a later snapshot's view
     */
    record Body(byte[] bytes, String etag, long version, Object shown) {
    }

    private final JsonMapper json;
    private final Cache<String, Body> bodies = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();

    ResultBodies(JsonMapper json) {
        this.json = json;
    }

    /** The view's body, or null (nothing kept) when the view is null: not found, which the caller answers. */
    Body body(UUID raceId, Snapshot snapshot, String what, Function<Snapshot, Object> view) {
        return body(raceId, snapshot, what, view, snapshot.version());
    }

    /**
     * An athlete's body: bytes kept from a snapshot at or after the one since which the athlete's results are the
     * same ({@link Snapshot#athletes()}) are served without building the view to compare.
     */
    Body athlete(UUID raceId, Snapshot snapshot, int bib, Function<Snapshot, Object> view) {
        return body(raceId, snapshot, "athlete|" + bib, view, snapshot.athletes().since(bib));
    }

    /** {@code sameSince}: the first snapshot version whose view is this snapshot's. */
    private Body body(UUID raceId, Snapshot snapshot, String what, Function<Snapshot, Object> view, long sameSince) {
        String key = raceId + "|" + what;
        Body kept = bodies.getIfPresent(key);
        if (kept != null && kept.version() >= Math.min(sameSince, snapshot.version())) {
            return kept;
        }
        Object current = view.apply(snapshot);
        if (current == null) {
            return null;
        }
        Object shown = unversioned(current);
        Body body = kept != null && shown.equals(kept.shown())
                ? new Body(kept.bytes(), kept.etag(), snapshot.version(), kept.shown())
                : new Body(json.writeValueAsBytes(current), etag(raceId, snapshot), snapshot.version(), shown);
        // a request that read an older snapshot must not replace what a newer one kept
        return bodies.asMap().merge(key, body, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    private static String etag(UUID raceId, Snapshot snapshot) {
        return "\"" + raceId.toString().substring(0, 8) + "-" + snapshot.version() + "\"";
    }

    /** What a view shows apart from the snapshot's version; a race's summary shows its time, so it is kept as is. */
    private static Object unversioned(Object view) {
        return switch (view) {
            case ResultViews.Athlete athlete -> athlete.unversioned();
            case ResultViews.RankingPage page -> page.unversioned();
            default -> view;
        };
    }
}
