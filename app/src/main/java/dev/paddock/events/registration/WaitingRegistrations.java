package dev.paddock.events.registration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What waits for the writer threads, in arrival order, shared by all of them: a writer {@link #take takes} the
 * oldest waiting of the buyers no other writer's batch holds, holds those buyers while it writes its batch, and
 * {@link #release releases} them after. So a buyer's wallet and requestIds are never in two batches at once, and a
 * buyer's registrations are written in the order they came; yet a writer held up by the database (at one opening its
 * backend was off the CPU for 215 ms while the other writers committed every few ms) holds up only the buyers of its
 * batch. With a fixed share of the buyers per writer (until session 15), it held up a quarter of an opening's
 * athletes: every registration of its share arriving meanwhile waited for it (README, Architecture).
 *
 * @param <T> what is written (a registration)
 * @param <B> who it is bought by (a buyer)
 */
final class WaitingRegistrations<T, B> {

    private final Function<T, B> buyer;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when something may have become takeable: a new arrival, buyers released. */
    private final Condition takeable = lock.newCondition();
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    /** The buyers of the batches being written. */
    private final Set<B> held = new HashSet<>();

    /** @param capacity most waiting at once; beyond, {@link #offer} refuses */
    WaitingRegistrations(Function<T, B> buyer, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The capacity is at least 1: " + capacity);
        }
        this.buyer = buyer;
        this.capacity = capacity;
    }

    /** Adds it last; false (and nothing added) when {@code capacity} are already waiting. */
    boolean offer(T item) {
        lock.lock();
        try {
            if (waiting.size() >= capacity) {
                return false;
            }
            waiting.addLast(item);
            if (!held.contains(buyer.apply(item))) {
                takeable.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code most} of the oldest waiting whose buyers no batch holds (several of one buyer may come together),
     * in arrival order, their buyers now held until {@link #release}; waits up to {@code timeout} for at least one,
     * else returns none.
     */
    List<T> take(int most, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (true) {
                List<T> taken = takeNow(most);
                if (!taken.isEmpty() || nanos <= 0) {
                    return taken;
                }
                nanos = takeable.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private List<T> takeNow(int most) {
        List<T> taken = new ArrayList<>();
        Iterator<T> oldestFirst = waiting.iterator();
        while (oldestFirst.hasNext() && taken.size() < most) {
            T item = oldestFirst.next();
            if (!held.contains(buyer.apply(item))) {
                taken.add(item);
                oldestFirst.remove();
            }
        }
        taken.forEach(item -> held.add(buyer.apply(item)));
        return taken;
    }

    /** The batch is written (or given up): its buyers' next registrations may be taken. */
    void release(List<T> batch) {
        lock.lock();
        try {
            batch.forEach(item -> held.remove(buyer.apply(item)));
            if (!waiting.isEmpty()) {
                takeable.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
