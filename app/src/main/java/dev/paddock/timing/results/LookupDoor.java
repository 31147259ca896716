package dev.paddock.timing.results;

import dev.paddock.shared.QuickAnswer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sheds anonymous result lookups while the node is behind, so that the passings and the lookups it does take are
 * answered in time instead of everyone queueing together: past capacity, lookups, the timing lines' passings and the
 * public's view of the rankings all waited seconds. Requests run on virtual threads, and a request's wait happens
 * before any filter runs, while its thread waits for a carrier; so the door measures that wait directly: every
 * {@link #PROBE_EVERY} it starts a virtual thread, as Tomcat does for a request, and notes how long it took to run.
 * While the latest probe waited, or the one under way has waited, longer than {@code max-wait}, lookups are answered
 * 503 {@code overloaded} with {@code Retry-After: 1} from memory, at the cost of a map read (counted in
 * {@code paddock.timing.results.shed}). 0, the default, turns the door off: measured at 200 ms on a shared VM it shed
 * about an eighth of the lookups without bringing the ranking lag under a second (the queue was mostly in the clients,
 * whose connections bound what waits in the node).
 */
@Component
class LookupDoor {

    static final Duration PROBE_EVERY = Duration.ofMillis(20);

    private static final byte[] OVERLOADED = ("{\"type\":\"" + dev.paddock.shared.ProblemException.TYPE_BASE
            + "overloaded\",\"title\":\"Overloaded\",\"status\":503,\"detail\":\"Too many lookups right now; try again "
            + "in a second.\"}").getBytes(StandardCharsets.UTF_8);
    static final QuickAnswer SHED = new QuickAnswer(503, OVERLOADED, "application/problem+json", null, "no-store");

    private final long maxWaitNanos;
    private final Counter shed;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lookup-door").daemon().factory());
    private volatile long waited;
    /** When the probe under way was started ({@link System#nanoTime()}), or 0 while none is. */
    private final AtomicLong probing = new AtomicLong();

    LookupDoor(@Value("${paddock.timing.results.max-wait:0}") Duration maxWait, MeterRegistry meters) {
        this.maxWaitNanos = maxWait.toNanos();
        this.shed = Counter.builder("paddock.timing.results.shed")
                .description("Anonymous result lookups refused 503 while requests waited too long for a thread")
                .register(meters);
    }

    @EventListener(ContextRefreshedEvent.class)
    void start() {
        if (maxWaitNanos > 0) {
            probes.scheduleWithFixedDelay(this::probe, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }

    private void probe() {
        long started = System.nanoTime();
        if (probing.compareAndSet(0, started)) {
            Thread.ofVirtual().name("lookup-door-probe").start(() -> {
                waited = System.nanoTime() - started;
                probing.set(0);
            });
        }
    }

    /** How long a request starting now is likely to have waited for a thread: the longer of the last two probes'. */
    long waitNanos() {
        long since = probing.get();
        return since == 0 ? waited : Math.max(waited, System.nanoTime() - since);
    }

    /** The 503 to answer instead of a lookup while the node is behind, or null to answer it. */
    QuickAnswer refusal() {
        if (maxWaitNanos == 0 || waitNanos() <= maxWaitNanos) {
            return null;
        }
        shed.increment();
        return SHED;
    }
}
