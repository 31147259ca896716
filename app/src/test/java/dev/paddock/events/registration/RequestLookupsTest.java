package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent callers' requestIds looked up together: each caller gets its own stored request (or none), whatever
 * batch it fell in; a failed look-up fails its callers, not the next ones.
 */
class RequestLookupsTest {

    private final Map<String, RegistrationStore.StoredRequest> stored = new HashMap<>();
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger keysLookedUp = new AtomicInteger();

    private Map<String, RegistrationStore.StoredRequest> lookUp(UUID[] accounts, String[] requestIds) {
        statements.incrementAndGet();
        keysLookedUp.addAndGet(accounts.length);
        Map<String, RegistrationStore.StoredRequest> found = new HashMap<>();
        for (int i = 0; i < accounts.length; i++) {
            String key = RegistrationRows.key(accounts[i], requestIds[i]);
            if (stored.containsKey(key)) {
                found.put(key, stored.get(key));
            }
        }
        return found;
    }

    @Test
    void aCallerAloneGetsItsStoredRequestOrNone() {
        UUID buyer = UUID.randomUUID();
        stored.put(RegistrationRows.key(buyer, "r-1"), new RegistrationStore.StoredRequest("fp-1", "{}"));
        RequestLookups lookups = new RequestLookups(this::lookUp);

        assertThat(lookups.find(buyer, "r-1")).contains(new RegistrationStore.StoredRequest("fp-1", "{}"));
        assertThat(lookups.find(buyer, "r-2")).isEmpty();
        assertThat(lookups.find(UUID.randomUUID(), "r-1")).isEmpty();
        assertThat(statements).hasValue(3);
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswerWithFewerStatementsThanKeysWhenTheyWait() throws Exception {
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            UUID buyer = UUID.randomUUID();
            buyers.add(buyer);
            if (i % 3 == 0) {
                stored.put(RegistrationRows.key(buyer, "r-" + i), new RegistrationStore.StoredRequest("fp-" + i, null));
            }
        }
        CountDownLatch firstLookUp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RequestLookups lookups = new RequestLookups((accounts, requestIds) -> {
            if (firstLookUp.getCount() > 0) {
                // the first statement waits while the others queue: they must be looked up together after it
                firstLookUp.countDown();
                await(release);
            }
            return lookUp(accounts, requestIds);
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<RegistrationStore.StoredRequest>>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> lookups.find(buyers.getFirst(), "r-0")));
            firstLookUp.await();
            for (int i = 1; i < buyers.size(); i++) {
                int n = i;
                answers.add(callers.submit(() -> lookups.find(buyers.get(n), "r-" + n)));
            }
            release.countDown();
            for (int i = 0; i < buyers.size(); i++) {
                assertThat(answers.get(i).get()).as("caller %d", i).isEqualTo(i % 3 == 0
                        ? Optional.of(new RegistrationStore.StoredRequest("fp-" + i, null)) : Optional.empty());
            }
        }
        assertThat(keysLookedUp).as("every key looked up once").hasValue(buyers.size());
        assertThat(statements.get()).as("statements for %d keys", buyers.size()).isLessThan(buyers.size());
    }

    @Test
    void aFailedLookUpFailsItsCallersAndTheNextCallerIsLookedUpAgain() {
        AtomicInteger calls = new AtomicInteger();
        RequestLookups lookups = new RequestLookups((accounts, requestIds) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("connection lost");
            }
            return lookUp(accounts, requestIds);
        });
        UUID buyer = UUID.randomUUID();
        stored.put(RegistrationRows.key(buyer, "r-1"), new RegistrationStore.StoredRequest("fp-1", "{}"));

        assertThatThrownBy(() -> lookups.find(buyer, "r-1")).hasMessage("connection lost");
        assertThat(lookups.find(buyer, "r-1")).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
