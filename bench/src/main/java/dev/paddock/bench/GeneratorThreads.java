package dev.paddock.bench;

import java.time.Duration;
import java.time.Instant;

/** Load generators of runners that run several at once, each on a platform thread of its own. */
public final class GeneratorThreads {

    private GeneratorThreads() {
    }

    /** What a generator's thread runs: usually {@link LoadGenerator#run}. */
    @FunctionalInterface
    public interface Generating {
        void run() throws InterruptedException;
    }

    /** A generator's thread, which waits until {@code at} (wall clock) before it starts its schedule. */
    public static Thread startAt(Instant at, String name, Generating generating) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                Duration wait = Duration.between(Instant.now(), at);
                if (!wait.isNegative()) {
                    Thread.sleep(wait);
                }
                generating.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
