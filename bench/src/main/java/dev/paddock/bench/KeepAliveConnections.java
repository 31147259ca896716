package dev.paddock.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connections of a {@link KeepAliveClient} and the one platform thread that serves them all through a
 * {@link Selector}: requests due are handed over through a lock-free queue, started on a new connection while
 * fewer than the limit are open, then on the connection free the longest (so the load spreads over all of them, as
 * a thread per connection spread it), or kept in order until one frees up, and answered on this thread as their
 * last byte is read. One thread and one {@code epoll_wait} for every answer ready, where a thread per connection parked and
 * was woken through the poller for every read.
 */
final class KeepAliveConnections implements Runnable {

    private final InetSocketAddress address;
    private final int limit;
    private final long timeoutNanos;
    private final Selector selector;
    private final Queue<KeepAliveClient.Exchange<?>> handedOver = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<KeepAliveClient.Exchange<?>> waiting = new ArrayDeque<>();
    /** Free connections, the longest free first; one the server closes meanwhile is dropped when its end is read. */
    private final ArrayDeque<KeepAliveConnection> free = new ArrayDeque<>();
    private final List<KeepAliveConnection> open = new ArrayList<>();
    private final AtomicBoolean selecting = new AtomicBoolean();
    private final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
    private volatile boolean closed;

    KeepAliveConnections(InetSocketAddress address, int limit, long timeoutNanos) throws IOException {
        this.address = address;
        this.limit = limit;
        this.timeoutNanos = timeoutNanos;
        this.selector = Selector.open();
    }

    /** From any thread; the selector is woken only if it sleeps. */
    void hand(KeepAliveClient.Exchange<?> exchange) {
        handedOver.add(exchange);
        if (closed) {
            failHandedOver();
        } else if (selecting.get() && selecting.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    void close() {
        closed = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        long scanEvery = Math.max(5_000_000, Math.min(timeoutNanos / 10, 100_000_000));
        long nextScan = System.nanoTime() + scanEvery;
        try {
            while (!closed) {
                startWaiting();
                selecting.set(true);
                if (handedOver.isEmpty()) {
                    selector.select(this::ready, Math.max(1, (nextScan - System.nanoTime()) / 1_000_000));
                } else {
                    selector.selectNow(this::ready);
                }
                selecting.set(false);
                long now = System.nanoTime();
                if (now >= nextScan) {
                    timeOut(now);
                    nextScan = now + scanEvery;
                }
            }
        } catch (IOException | RuntimeException e) {
            closed = true;
            throw new IllegalStateException("The keep-alive client's selector failed", e);
        } finally {
            shutDown();
        }
    }

    private void startWaiting() {
        for (KeepAliveClient.Exchange<?> exchange; (exchange = handedOver.poll()) != null; ) {
            waiting.add(exchange);
        }
        long now = System.nanoTime();
        while (!waiting.isEmpty() && (!free.isEmpty() || open.size() < limit)) {
            KeepAliveClient.Exchange<?> exchange = waiting.poll();
            KeepAliveConnection connection = open.size() < limit ? null : free.poll();
            if (connection == null) {
                connection = connect(exchange, now);
                if (connection == null) {
                    continue;
                }
            }
            start(connection, exchange, now);
        }
    }

    private KeepAliveConnection connect(KeepAliveClient.Exchange<?> exchange, long now) {
        try {
            KeepAliveConnection connection = new KeepAliveConnection(address, selector, now);
            open.add(connection);
            return connection;
        } catch (IOException e) {
            exchange.fail(e);
            return null;
        }
    }

    private void start(KeepAliveConnection connection, KeepAliveClient.Exchange<?> exchange, long now) {
        try {
            connection.start(exchange, now);
        } catch (IOException e) {
            failed(connection, e);
        }
    }

    private void ready(SelectionKey key) {
        KeepAliveConnection connection = (KeepAliveConnection) key.attachment();
        long now = System.nanoTime();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                connection.connected(now);
                return;
            }
            if (key.isWritable()) {
                connection.write(now);
            }
            if (key.isReadable()) {
                read(connection, now);
            }
        } catch (IOException e) {
            failed(connection, e);
        }
    }

    private void read(KeepAliveConnection connection, long now) throws IOException {
        in.clear();
        int read = connection.channel.read(in);
        if (connection.exchange == null) {
            // a free connection the server closed (or wrote to unasked): it serves no more
            drop(connection);
            return;
        }
        if (read == -1) {
            if (connection.answer.end()) {
                answered(connection);
            }
            return;
        }
        in.flip();
        if (connection.read(in, now)) {
            if (in.hasRemaining()) {
                throw new IOException("The server sent more than the answer");
            }
            answered(connection);
        }
    }

    private void answered(KeepAliveConnection connection) {
        KeepAliveClient.Reply reply = connection.answer.reply();
        boolean close = connection.answer.close();
        KeepAliveClient.Exchange<?> exchange = connection.finish();
        if (close) {
            drop(connection);
        } else {
            free.add(connection);
        }
        exchange.answer(reply);
    }

    /**
     * The connection failed. Its request is sent once more on a new connection if the connection had served an
     * answer before and no byte of this one came (a keep-alive connection the server closed meanwhile), else the
     * request fails.
     */
    private void failed(KeepAliveConnection connection, IOException e) {
        boolean stale = connection.reused && !connection.answer.started();
        KeepAliveClient.Exchange<?> exchange = connection.finish();
        drop(connection);
        if (exchange == null) {
            return;
        }
        if (stale && !exchange.sentAgain()) {
            exchange.sendingAgain();
            KeepAliveConnection fresh = connect(exchange, System.nanoTime());
            if (fresh != null) {
                start(fresh, exchange, System.nanoTime());
            }
        } else {
            exchange.fail(e);
        }
    }

    private void drop(KeepAliveConnection connection) {
        connection.close();
        open.remove(connection);
        free.remove(connection);
    }

    private void timeOut(long now) {
        for (KeepAliveConnection connection : List.copyOf(open)) {
            if (connection.exchange != null && now - connection.lastProgressNanos > timeoutNanos) {
                KeepAliveClient.Exchange<?> exchange = connection.finish();
                drop(connection);
                exchange.fail(new SocketTimeoutException((connection.connected ? "No answer" : "No connection")
                        + " within " + timeoutNanos / 1_000_000 + " ms"));
            }
        }
    }

    private void shutDown() {
        for (KeepAliveConnection connection : List.copyOf(open)) {
            KeepAliveClient.Exchange<?> exchange = connection.finish();
            drop(connection);
            if (exchange != null) {
                exchange.fail(new IOException("Client closed"));
            }
        }
        waiting.forEach(exchange -> exchange.fail(new IOException("Client closed")));
        waiting.clear();
        failHandedOver();
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void failHandedOver() {
        for (KeepAliveClient.Exchange<?> exchange; (exchange = handedOver.poll()) != null; ) {
            exchange.fail(new IOException("Client closed"));
        }
    }
}
