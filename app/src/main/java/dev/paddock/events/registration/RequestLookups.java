package dev.paddock.events.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stored requests of concurrent callers looked up together: one statement for all the keys waiting, instead of
 * one JDBC call each. Used for the refusals of a race known full (7,500 of an opening's 20,000 attempts, each looked
 * up so that a retry of a success answered by another node is replayed): one call each was ~0.14 ms of the server's
 * CPU (session 9's profile). No thread of its own: the first caller to find no look-up running runs one for every key
 * waiting, again while keys arrive, and the others wait for their answer.
 */
@Component
class RequestLookups {

    /** How many keys one statement looks up at most. */
    static final int MAX_KEYS = 256;

    private record Pending(UUID account, String requestId, CompletableFuture<RegistrationStore.StoredRequest> found) {
    }

    private final BiFunction<UUID[], String[], Map<String, RegistrationStore.StoredRequest>> lookUp;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    @Autowired
    RequestLookups(RegistrationRows rows) {
        this(rows::requests);
    }

    /** @param lookUp the stored requests of these keys, by {@link RegistrationRows#key} */
    RequestLookups(BiFunction<UUID[], String[], Map<String, RegistrationStore.StoredRequest>> lookUp) {
        this.lookUp = lookUp;
    }

    /** The request stored under this key, if any, looked up with the other callers' keys waiting. */
    Optional<RegistrationStore.StoredRequest> find(UUID account, String requestId) {
        Pending mine = new Pending(account, requestId, new CompletableFuture<>());
        waiting.add(mine);
        // a key added while a look-up runs is taken by that caller's next round, or after it lets go (it checks again)
        while (!waiting.isEmpty() && running.compareAndSet(false, true)) {
            try {
                lookUpWaiting();
            } finally {
                running.set(false);
            }
        }
        try {
            return Optional.ofNullable(mine.found().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking up a requestId", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void lookUpWaiting() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            for (Pending next; batch.size() < MAX_KEYS && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                Map<String, RegistrationStore.StoredRequest> found = lookUp.apply(
                        batch.stream().map(Pending::account).toArray(UUID[]::new),
                        batch.stream().map(Pending::requestId).toArray(String[]::new));
                batch.forEach(p -> p.found().complete(found.get(RegistrationRows.key(p.account(), p.requestId()))));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.found().completeExceptionally(e));
            }
        }
    }
}
