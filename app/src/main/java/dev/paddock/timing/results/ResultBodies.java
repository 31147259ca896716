package dev.paddock.timing.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.events.Starter;
import dev.paddock.rankings.RaceTime;
import dev.paddock.timing.board.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /**
     * A ranking page's body, or null for no such ranking. A ranking page shows its group's total, which changes with
     * every tick at a finish, while its rows often do not (the first pages of a group, finishers arriving at its
     * end): a page holding the very same placings as the kept one (same start list, same display) keeps its rows'
     * bytes, and only its heading is serialised again.
     */
    Body ranking(UUID raceId, Snapshot snapshot, String code, String group, int page, int size) {
        String key = raceId + "|ranking|" + code + "|" + group + "|" + page + "|" + size;
        Body kept = bodies.getIfPresent(key);
        if (kept != null && kept.version() >= snapshot.version()) {
            return kept;
        }
        ResultViews.PageSlice slice = ResultViews.slice(snapshot, code, group, page, size);
        if (slice == null) {
            return null;
        }
        Body body;
        if (kept != null && kept.shown() instanceof PageShown shown && shown.sameRows(slice, snapshot)) {
            body = shown.slice().sameHeading(slice) ? new Body(kept.bytes(), kept.etag(), snapshot.version(), shown)
                    : new Body(withRows(heading(slice, snapshot), shown.rows()), etag(raceId, snapshot),
                            snapshot.version(), new PageShown(slice, snapshot, shown.rows()));
        } else {
            byte[] rows = json.writeValueAsBytes(ResultViews.page(snapshot, slice).rows());
            body = new Body(withRows(heading(slice, snapshot), rows), etag(raceId, snapshot), snapshot.version(),
                    new PageShown(slice, snapshot, rows));
        }
        return bodies.asMap().merge(key, body, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /**
     * What a ranking page's bytes show: its slice, the start list and display its rows were made from, and the rows'
     * bytes.
     */
    private record PageShown(ResultViews.PageSlice slice, Map<Integer, Starter> starters, RaceTime.Precision precision,
            byte[] rows) {

        PageShown(ResultViews.PageSlice slice, Snapshot snapshot, byte[] rows) {
            this(slice, snapshot.starters(), snapshot.timing().precision(), rows);
        }

        boolean sameRows(ResultViews.PageSlice other, Snapshot snapshot) {
            return starters == snapshot.starters() && precision == snapshot.timing().precision()
                    && slice.samePlacings(other);
        }
    }

    /** The page without rows, serialised: its rows are added by {@link #withRows}. */
    private byte[] heading(ResultViews.PageSlice slice, Snapshot snapshot) {
        return json.writeValueAsBytes(new ResultViews.RankingPage(slice.ranking(), slice.group(), slice.groups(),
                snapshot.version(), slice.total(), slice.page(), slice.size(), List.of()));
    }

    /**
     * A page serialised without rows ({@code ..."rows":[]}}: rows are its last property) with serialised rows put in
     * their place: the bytes of the whole page serialised at once.
     */
    static byte[] withRows(byte[] heading, byte[] rows) {
        int end = heading.length - EMPTY_ROWS.length;
        if (end < 0 || !Arrays.equals(heading, end, heading.length, EMPTY_ROWS, 0, EMPTY_ROWS.length)) {
            throw new IllegalStateException("A ranking page's heading does not end with its empty rows");
        }
        byte[] page = Arrays.copyOf(heading, end + ROWS.length + rows.length + 1);
        System.arraycopy(ROWS, 0, page, end, ROWS.length);
        System.arraycopy(rows, 0, page, end + ROWS.length, rows.length);
        page[page.length - 1] = '}';
        return page;
    }

    private static final byte[] ROWS = "\"rows\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_ROWS = "\"rows\":[]}".getBytes(StandardCharsets.UTF_8);

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
