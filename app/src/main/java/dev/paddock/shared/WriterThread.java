package dev.paddock.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a single writer (bets, registrations, passings): it waits for the first item of its queue, takes
 * whatever else waits up to {@code batchSize}, and hands the lot to {@code write}. A batch that throws is failed
 * item by item; the writer goes on. Once stopped it still writes what was queued before it ends, so callers
 * already waiting are answered before the database closes. It may be started again after a stop (test contexts
 * pause and restart their lifecycle beans).
 *
 * @param <T> a queued item, which carries its caller's answer
 */
public final class WriterThread<T> {

    private static final Logger log = LoggerFactory.getLogger(WriterThread.class);

    private final String name;
    private final BlockingQueue<T> queue;
    private final int batchSize;
    private final Consumer<List<T>> write;
    private final BiConsumer<T, RuntimeException> fail;
    private final Runnable idle;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread thread;

    /**
     * @param write the batch, in queue order
     * @param fail  answers one item of a batch that threw
     * @param idle  run when the queue stayed empty for a while, and when the thread ends (to give back what the
     *              writer holds between batches)
     */
    public WriterThread(String name, BlockingQueue<T> queue, int batchSize, Consumer<List<T>> write,
            BiConsumer<T, RuntimeException> fail, Runnable idle) {
        this.name = name;
        this.queue = queue;
        this.batchSize = batchSize;
        this.write = write;
        this.fail = fail;
        this.idle = idle;
    }

    public WriterThread(String name, BlockingQueue<T> queue, int batchSize, Consumer<List<T>> write,
            BiConsumer<T, RuntimeException> fail) {
        this(name, queue, batchSize, write, fail, () -> { });
    }

    public void start() {
        stopped = false;
        running = true;
        thread = Thread.ofPlatform().name(name).start(this::run);
    }

    /** Stops taking new batches once the queue is empty, and waits (up to 10 s) for the thread to end. */
    public void stop() {
        stopped = true;
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether {@link #stop} was called since the last start: callers are then refused rather than queued. */
    public boolean stopped() {
        return stopped;
    }

    private void run() {
        List<T> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    idle.run();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} failed on a batch of {}", name, batch.size(), e);
                batch.forEach(item -> fail.accept(item, e));
            } finally {
                batch.clear();
            }
        }
        idle.run();
    }
}
