package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The writers' shared line: oldest first, a buyer in one batch at a time, the others' buyers taken meanwhile.
 * Registrations here are "buyer:n" strings.
 */
class WaitingRegistrationsTest {

    private static WaitingRegistrations<String, String> line(int capacity) {
        return new WaitingRegistrations<>(item -> item.substring(0, item.indexOf(':')), capacity);
    }

    private static List<String> take(WaitingRegistrations<String, String> line, int most) throws InterruptedException {
        return line.take(most, 0, TimeUnit.MILLISECONDS);
    }

    private static void offerAll(WaitingRegistrations<String, String> line, String... items) {
        for (String item : items) {
            assertThat(line.offer(item)).as(item).isTrue();
        }
    }

    @Test
    void takesTheOldestFirstUpToTheBatchSize() throws InterruptedException {
        var line = line(10);
        offerAll(line, "a:1", "b:1", "c:1", "d:1");

        assertThat(take(line, 3)).containsExactly("a:1", "b:1", "c:1");
        assertThat(line.size()).isEqualTo(1);
    }

    @Test
    void aBuyersRegistrationsWaitWhileAnotherBatchHoldsItAndTheOthersAreTakenMeanwhile() throws InterruptedException {
        var line = line(10);
        offerAll(line, "a:1", "b:1");
        List<String> stalled = take(line, 1);
        assertThat(stalled).containsExactly("a:1");
        offerAll(line, "a:2", "c:1", "a:3", "d:1");

        // a is held by the stalled batch: everything else is taken, a's registrations stay, in order
        assertThat(take(line, 10)).containsExactly("b:1", "c:1", "d:1");
        assertThat(take(line, 10)).isEmpty();
        assertThat(line.size()).isEqualTo(2);

        line.release(stalled);
        assertThat(take(line, 10)).containsExactly("a:2", "a:3");
        assertThat(line.isEmpty()).isTrue();
    }

    @Test
    void severalRegistrationsOfOneBuyerComeInOneBatch() throws InterruptedException {
        var line = line(10);
        offerAll(line, "a:1", "a:2", "b:1", "a:3");

        assertThat(take(line, 10)).containsExactly("a:1", "a:2", "b:1", "a:3");
    }

    @Test
    void aBuyerTakenInABatchIsNotInAnotherUntilReleased() throws InterruptedException {
        var line = line(10);
        offerAll(line, "a:1", "a:2", "a:3");
        // the batch size cut a's registrations in two: the rest waits for the first batch
        List<String> first = take(line, 2);
        assertThat(first).containsExactly("a:1", "a:2");
        assertThat(take(line, 2)).isEmpty();

        line.release(first);
        assertThat(take(line, 2)).containsExactly("a:3");
    }

    @Test
    void pastItsCapacityNothingIsAdded() throws InterruptedException {
        var line = line(2);
        offerAll(line, "a:1", "b:1");

        assertThat(line.offer("c:1")).isFalse();
        assertThat(line.size()).isEqualTo(2);
        assertThat(take(line, 10)).containsExactly("a:1", "b:1");
        assertThat(line.offer("c:1")).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> line(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyLineAnswersNoneAfterItsTimeout() throws InterruptedException {
        var line = line(10);
        long started = System.nanoTime();

        assertThat(line.take(10, 30, TimeUnit.MILLISECONDS)).isEmpty();
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }

    @Test
    void aWaitingWriterTakesWhatArrives() throws Exception {
        var line = line(10);
        AtomicReference<List<String>> taken = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                waiting.countDown();
                taken.set(line.take(10, 10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();
        line.offer("a:1");
        writer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(taken.get()).containsExactly("a:1");
    }

    @Test
    void aWriterWaitingOnAHeldBuyerTakesItOnceReleased() throws Exception {
        var line = line(10);
        offerAll(line, "a:1");
        List<String> held = take(line, 10);
        offerAll(line, "a:2");
        AtomicReference<List<String>> taken = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                taken.set(line.take(10, 10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        assertThat(taken.get()).isNull();
        line.release(held);
        writer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(taken.get()).containsExactly("a:2");
    }

    /** Four writers, 20,000 registrations of 50 buyers: each written once, a buyer never in two batches, in order. */
    @Test
    void concurrentWritersNeverShareABuyerAndKeepEachBuyersOrder() throws Exception {
        var line = line(20_000);
        int buyers = 50;
        int each = 400;
        for (int n = 0; n < each; n++) {
            for (int b = 0; b < buyers; b++) {
                assertThat(line.offer("b" + b + ":" + n)).isTrue();
            }
        }
        Set<String> inBatches = ConcurrentHashMap.newKeySet();
        Map<String, List<Integer>> written = new ConcurrentHashMap<>();
        List<String> clashes = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!line.isEmpty()) {
                        List<String> batch = line.take(37, 10, TimeUnit.MILLISECONDS);
                        Map<String, Boolean> mine = new HashMap<>();
                        for (String item : batch) {
                            String buyer = item.substring(0, item.indexOf(':'));
                            if (mine.putIfAbsent(buyer, true) == null && !inBatches.add(buyer)) {
                                synchronized (clashes) {
                                    clashes.add(buyer);
                                }
                            }
                            written.computeIfAbsent(buyer, k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(Integer.parseInt(item.substring(item.indexOf(':') + 1)));
                        }
                        inBatches.removeAll(mine.keySet());
                        line.release(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(clashes).isEmpty();
        assertThat(written).hasSize(buyers);
        List<Integer> inOrder = IntStream.range(0, each).boxed().toList();
        written.forEach((buyer, numbers) -> assertThat(numbers).as(buyer).isEqualTo(inOrder));
    }
}
