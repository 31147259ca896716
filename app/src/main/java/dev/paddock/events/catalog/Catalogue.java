package dev.paddock.events.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's search pages, cached per search for the snapshot TTL like the event pages. */
@Component
class Catalogue {

    private record Summary(List<Integer> distances, boolean open) {
    }

    private final EventStore events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final LoadingCache<EventSearch, Snapshot<CatalogPage>> cache;

    Catalogue(EventStore events, JdbcClient jdbc, JsonMapper json, Clock clock, CatalogSettings settings) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.cache = SnapshotCache.of(settings.catalog().snapshotTtl(), 10_000, this::load);
    }

    Snapshot<CatalogPage> search(EventSearch search) {
        return cache.get(search);
    }

    private Snapshot<CatalogPage> load(EventSearch search) {
        Instant now = clock.instant();
        List<StoredEvent> found = events.search(search, now);
        boolean hasNext = found.size() > EventSearch.PAGE_SIZE;
        List<StoredEvent> shown = hasNext ? found.subList(0, EventSearch.PAGE_SIZE) : found;
        Map<UUID, Summary> summaries = summaries(shown.stream().map(StoredEvent::id).toList(), now);
        CatalogPage page = new CatalogPage(search.page(), hasNext, shown.stream().map(e -> {
            EventDetails d = e.details();
            Summary s = summaries.getOrDefault(e.id(), new Summary(List.of(), false));
            return new CatalogPage.Entry(e.id(), e.slug(), d.name(), d.sport().name(), d.venue(), d.region(),
                    d.country(), d.startsOn(), d.endsOn(), s.distances(), s.open());
        }).toList());
        return Snapshot.of(page, json.writeValueAsBytes(page));
    }

    private Map<UUID, Summary> summaries(List<UUID> eventIds, Instant now) {
        Map<UUID, Summary> summaries = new HashMap<>();
        if (eventIds.isEmpty()) {
            return summaries;
        }
        jdbc.sql("""
                select event_id, array_agg(distinct distance_m order by distance_m) as distances,
                    bool_or(registration <> 'CLOSED' and registration_closes_at > :now
                            and (registration = 'OPEN' or registration_opens_at <= :now)) as open
                from events.races where event_id = any(:ids) group by event_id""")
                .param("ids", eventIds.toArray(UUID[]::new)).param("now", Timestamp.from(now))
                .query((rs, n) -> summaries.put(rs.getObject("event_id", UUID.class), new Summary(
                        Arrays.stream((Integer[]) rs.getArray("distances").getArray()).toList(), rs.getBoolean("open"))))
                .list();
        return summaries;
    }
}
