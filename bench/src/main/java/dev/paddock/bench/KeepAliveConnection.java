package dev.paddock.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking connection of a {@link KeepAliveClient}, owned by its selector thread: at most one request on
 * it at a time, written as far as the socket takes it, its answer read by an {@link AnswerReader} as bytes come.
 */
final class KeepAliveConnection {

    final SocketChannel channel;
    final SelectionKey key;
    final AnswerReader answer = new AnswerReader();
    /** It served an answer before: a close found before the next answer's first byte is a stale keep-alive. */
    boolean reused;
    boolean connected;
    KeepAliveClient.Exchange<?> exchange;
    /** When the last byte went or came (or the connect began): the timeout runs from it. */
    long lastProgressNanos;
    private ByteBuffer request;

    KeepAliveConnection(InetSocketAddress address, Selector selector, long now) throws IOException {
        channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connected = channel.connect(address);
            key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        lastProgressNanos = now;
    }

    /** Takes the exchange; writes it at once if connected (else when the connect completes). */
    void start(KeepAliveClient.Exchange<?> next, long now) throws IOException {
        exchange = next;
        request = ByteBuffer.wrap(next.request());
        answer.start(next.keepBody());
        lastProgressNanos = now;
        if (connected) {
            write(now);
        }
    }

    /** The connect completed: from now on the connection is read whenever bytes come. */
    void connected(long now) throws IOException {
        channel.finishConnect();
        connected = true;
        key.interestOps(SelectionKey.OP_READ);
        if (exchange != null) {
            write(now);
        }
    }

    /** Writes what the socket takes; asks to be told when it can take the rest. */
    void write(long now) throws IOException {
        channel.write(request);
        lastProgressNanos = now;
        int wanted = request.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != wanted) {
            key.interestOps(wanted);
        }
    }

    /** Whether the exchange's answer is whole; {@code in} holds what was just read. */
    boolean read(ByteBuffer in, long now) throws IOException {
        lastProgressNanos = now;
        return answer.read(in);
    }

    /** The exchange is over (answered or failed): the connection is free for the next. */
    KeepAliveClient.Exchange<?> finish() {
        KeepAliveClient.Exchange<?> done = exchange;
        exchange = null;
        request = null;
        reused = true;
        return done;
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
