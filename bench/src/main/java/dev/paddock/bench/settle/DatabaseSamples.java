package dev.paddock.bench.settle;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sampling profile of the database side: every {@code interval} (20 ms by default), the statements PostgreSQL is
 * running for Paddock ({@code pg_stat_activity}), counted by their first line. A JVM profiler does not see this
 * time. Each sample is a query on the machine under test: at 20 ms, about 2.7% of a 2-core machine at an opening
 * rush's peak (the sampler's backend and thread, {@code perf}, session 14).
 */
public final class DatabaseSamples implements AutoCloseable {

    private final Connection connection;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private final long intervalMillis;
    private volatile boolean running = true;

    public DatabaseSamples(Connection connection) {
        this(connection, Duration.ofMillis(20));
    }

    public DatabaseSamples(Connection connection, Duration interval) {
        this.connection = connection;
        this.intervalMillis = interval.toMillis();
        this.sampler = Thread.ofPlatform().daemon().name("database-samples").start(this::sample);
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                samples.incrementAndGet();
                try (ResultSet active = statement.executeQuery("""
                        select coalesce(nullif(wait_event_type, ''), 'CPU') || ' | ' || left(regexp_replace(query,
                            '\\s+', ' ', 'g'), 110) from pg_stat_activity
                        where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'""")) {
                    while (active.next()) {
                        counts.computeIfAbsent(active.getString(1), q -> new AtomicLong()).incrementAndGet();
                    }
                }
                Thread.sleep(intervalMillis);
            }
        } catch (SQLException | InterruptedException stopped) {
            running = false;
        }
    }

    /** The most frequent statements: how many samples caught each running, of all samples taken. */
    public List<String> top(int n) {
        long taken = Math.max(1, samples.get());
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
                .limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%5.1f%%  %s", 100.0 * e.getValue().get() / taken,
                        e.getKey()))
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
