package dev.paddock.events.catalog;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.events.default-zone} and {@code paddock.events.catalog.*} (config/events.yml).
 *
 * @param defaultZone the zone of an event created without one
 * @param catalog     the public catalogue's settings
 */
@ConfigurationProperties("paddock.events")
record CatalogSettings(@DefaultValue("Europe/Zurich") ZoneId defaultZone, @DefaultValue Catalog catalog) {

    /**
     * @param snapshotTtl how long a node serves an event page, its JSON and its participant lists from
     *                    memory (at most 1 s, the freshness the public pages promise)
     * @param maxInFlight public catalogue reads (pages and JSON) handled at once by a node; beyond, 503
     *                    {@code overloaded} at the door, so a rush of readers cannot fill the heap with waiting
     *                    requests
     */
    record Catalog(@DefaultValue("1s") Duration snapshotTtl, @DefaultValue("256") int maxInFlight) {

        Catalog {
            if (snapshotTtl.isNegative() || snapshotTtl.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalStateException("paddock.events.catalog.snapshot-ttl is between 0 and 1s");
            }
        }
    }
}
