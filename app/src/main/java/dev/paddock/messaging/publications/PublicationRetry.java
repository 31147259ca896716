package dev.paddock.messaging.publications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed event listeners. Spring Modulith marks a publication FAILED when its listener throws
 * (and, through its staleness monitor, when it stays published or processing too long); this job hands
 * failed publications back to their listener once {@code retry-after} has passed since the last attempt,
 * up to {@code max-attempts}. Claiming a publication is an atomic update in the registry, so several
 * nodes may run the job at once. It also keeps the {@code paddock.events.publications} gauges current and
 * deletes completed publications older than {@code keep-completed}.
 */
@Component
@EnableConfigurationProperties(EventsProperties.class)
class PublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final Publications publications;
    private final EventsProperties properties;
    private final Clock clock;
    private final Counter resubmitted;
    private final Map<Status, Long> counts = new ConcurrentHashMap<>();

    PublicationRetry(FailedEventPublications failed, CompletedEventPublications completed,
            Publications publications, EventsProperties properties, Clock clock, MeterRegistry meters) {
        this.failed = failed;
        this.completed = completed;
        this.publications = publications;
        this.properties = properties;
        this.clock = clock;
        this.resubmitted = Counter.builder("paddock.events.resubmitted")
                .description("Failed event publications handed back to their listener").register(meters);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
            Gauge.builder("paddock.events.publications", counts, c -> c.getOrDefault(status, 0L))
                    .description("Event publications in the registry, by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    @Scheduled(initialDelayString = "${paddock.events.retry-interval:30s}",
            fixedDelayString = "${paddock.events.retry-interval:30s}")
    void retryOnSchedule() {
        retryFailed();
    }

    /** Failed publications whose last attempt is old enough and that have attempts left. */
    int retryFailed() {
        Instant due = clock.instant().minus(properties.retryAfter());
        int count = resubmit(publication -> lastAttempt(publication).isBefore(due)
                && publication.getCompletionAttempts() < properties.maxAttempts());
        refreshCounts();
        return count;
    }

    /** An operator's "resubmit now": every failed publication, whatever its age and attempts. */
    int resubmitAllFailed() {
        int count = resubmit(publication -> true);
        refreshCounts();
        return count;
    }

    @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
    void deleteOldCompleted() {
        completed.deletePublicationsOlderThan(properties.keepCompleted());
    }

    void refreshCounts() {
        counts.putAll(publications.countByStatus());
    }

    private int resubmit(Predicate<EventPublication> which) {
        AtomicInteger count = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> {
            boolean chosen = which.test(publication);
            if (chosen) {
                count.incrementAndGet();
            }
            return chosen;
        }));
        if (count.get() > 0) {
            log.info("Resubmitted {} failed event publication(s)", count.get());
            resubmitted.increment(count.get());
        }
        return count.get();
    }

    private static Instant lastAttempt(EventPublication publication) {
        Instant last = publication.getLastResubmissionDate();
        return last != null ? last : publication.getPublicationDate();
    }
}
