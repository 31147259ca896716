package dev.paddock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The disk's flush latency while a benchmark runs: a platform thread writes 8 KB and forces it to the device
 * ({@link FileChannel#force force(false)}, an {@code fdatasync}) every {@code every}, over a 1 MB file of its own in
 * the given directory (on the file system of PostgreSQL's data), and times each force. The file is written whole and
 * forced once at the start, so that each timed flush writes data only, as a commit's flush of a WAL segment already
 * made does (while it grew, each flush also committed the file's new size: session 15's P and O runs). With fsync
 * on, every commit waits for such a flush; this VM's virtual disk stalls them for hundreds of ms now and then, with
 * or without load (README, Benchmarks, sessions 12, 13 and 15), so a run reports the stalls it met next to its
 * latencies rather than leaving them to be guessed. Costs ~100 small writes and flushes a second. It stops at its
 * first I/O error (the count of flushes shows it).
 */
public final class FlushProbe implements AutoCloseable {

    /** A flush that ended {@code endNanos} ({@link System#nanoTime}) after taking {@code tookNanos}. */
    public record Flush(long endNanos, long tookNanos) {
    }

    private static final int BLOCK = 8 * 1024;
    private static final long FILE = 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final long everyNanos;
    private final List<Flush> flushes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private FlushProbe(Path directory, Duration every) throws IOException {
        this.file = Files.createTempFile(directory, "flush-probe-", ".bin");
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate((int) FILE);
        while (zeros.hasRemaining()) {
            channel.write(zeros, zeros.position());
        }
        channel.force(true);
        this.everyNanos = every.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("flush-probe").unstarted(this::run);
    }

    /** Starts flushing every {@code every} in a new file of {@code directory}. */
    public static FlushProbe start(Path directory, Duration every) {
        try {
            FlushProbe probe = new FlushProbe(directory, every);
            probe.thread.start();
            return probe;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        long offset = 0;
        long next = System.nanoTime();
        while (running) {
            try {
                block.clear();
                channel.write(block, offset);
                offset = (offset + BLOCK) % FILE;
                long started = System.nanoTime();
                channel.force(false);
                long ended = System.nanoTime();
                synchronized (flushes) {
                    flushes.add(new Flush(ended, ended - started));
                }
            } catch (IOException e) {
                return;
            }
            next += everyNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** The flushes so far, in order. */
    public List<Flush> flushes() {
        synchronized (flushes) {
            return List.copyOf(flushes);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(5));
            channel.close();
            Files.deleteIfExists(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One line on the flushes that ended from {@code fromNanos} on: how many, the worst of those under way in the
     * first {@code first} and of all, and each one over {@code stall} with when it began (s from {@code fromNanos}).
     */
    public static String describe(List<Flush> flushes, long fromNanos, Duration first, Duration stall) {
        long firstEnd = fromNanos + first.toNanos();
        long worstFirst = 0;
        long worst = 0;
        int counted = 0;
        List<String> stalls = new ArrayList<>();
        for (Flush flush : flushes) {
            if (flush.endNanos() < fromNanos) {
                continue;
            }
            long began = flush.endNanos() - flush.tookNanos();
            counted++;
            worst = Math.max(worst, flush.tookNanos());
            if (began < firstEnd) {
                worstFirst = Math.max(worstFirst, flush.tookNanos());
            }
            if (flush.tookNanos() > stall.toNanos()) {
                stalls.add(String.format(Locale.ROOT, "%.0f ms from %+.2f s", flush.tookNanos() / 1e6,
                        (began - fromNanos) / 1e9));
            }
        }
        if (counted == 0) {
            return "no flush measured";
        }
        return String.format(Locale.ROOT, "%,d flushes; worst %.1f ms in the first %d s, %.1f ms in all; %d over %d ms%s",
                counted, worstFirst / 1e6, first.toSeconds(), worst / 1e6, stalls.size(), stall.toMillis(),
                stalls.isEmpty() ? "" : " (" + String.join(", ", stalls) + ")");
    }
}
