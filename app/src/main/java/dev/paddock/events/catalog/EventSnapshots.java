package dev.paddock.events.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public event views cached per slug for at most {@code snapshot-ttl} (1 s): during an opening rush the
 * event page and its JSON cost one lookup, and the database sees three statements per event per second
 * per node (event, races with tiers, one grouped count of free places), refreshed in the background
 * (see {@link SnapshotCache}). Edits made on this node drop the
 * snapshot at once; other nodes show them within the TTL. Drafts and unknown slugs are cached as absent.
 */
@Component("catalogEventSnapshots")
class EventSnapshots {

    private final EventStore events;
    private final RaceStore races;
    private final JsonMapper json;
    private final Clock clock;
    private final LoadingCache<String, Optional<Snapshot<PublicEvent>>> cache;

    EventSnapshots(EventStore events, RaceStore races, JsonMapper json, Clock clock, CatalogSettings settings) {
        this.events = events;
        this.races = races;
        this.json = json;
        this.clock = clock;
        this.cache = SnapshotCache.of(settings.catalog().snapshotTtl(), 10_000, this::load);
    }

    /** The published (or cancelled) event, never a draft. */
    Optional<Snapshot<PublicEvent>> get(String slug) {
        return cache.get(slug);
    }

    /** The snapshot if this node holds one for the slug (never loads): null when not held or unknown. */
    Snapshot<PublicEvent> held(String slug) {
        Optional<Snapshot<PublicEvent>> held = cache.getIfPresent(slug);
        return held == null ? null : held.orElse(null);
    }

    void forget(String slug) {
        cache.invalidate(slug);
    }

    private Optional<Snapshot<PublicEvent>> load(String slug) {
        return events.bySlug(slug).filter(e -> e.status() != StoredEvent.Status.DRAFT).map(event -> {
            List<StoredRace> list = races.ofEvent(event.id());
            PublicEvent view = PublicEvent.of(event, list, races.freePlaces(list.stream().map(StoredRace::id).toList()),
                    clock.instant());
            return Snapshot.of(view, json.writeValueAsBytes(view));
        });
    }
}
