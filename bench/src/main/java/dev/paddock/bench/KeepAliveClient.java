package dev.paddock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A lean HTTP/1.1 client for the load itself: a fixed number of keep-alive connections, all served by one
 * selector thread ({@link KeepAliveConnections}) with non-blocking socket calls, answers read in place from one
 * large direct buffer ({@link AnswerReader}). The JDK {@code HttpClient} took 15-35% of the 2-core machine at 1,000
 * bets/s (response parsing, its selector thread, its reactive plumbing per exchange), and a virtual thread per
 * connection with blocking reads (a park and a wake-up through the poller for every read, the head read a character
 * at a time) about 0.11 ms of generator CPU per lookup in the results bench, against about 0.055 ms now, most of it
 * the kernel's (session 8 notes); this does what the load needs and nothing else: POSTs of JSON with a bearer token and GETs, answered with
 * a status, the problem {@code type} of a refusal, and the body only when the caller asks for it (skipped
 * otherwise). Bodies come with a Content-Length, chunked, or up to the end of the connection.
 * <p>
 * The request's bytes are built on the caller's thread; the answer completes its future on the selector thread, so
 * what callers chain on it must be short and must not block.
 * <p>
 * The open model is kept by the caller: requests are handed over the moment they are due, whatever the answers'
 * latency, and timed from then, so a request that waits here for a free connection shows the wait. A request
 * whose reused connection turns out to be closed before any byte of its answer came is sent once more on a new
 * connection: only for requests that are safe to repeat (GETs; the tote's bets, registrations and passings carry a
 * requestId or read id). A request with no progress (connect, write or a byte of answer) for the timeout fails
 * with a {@link java.net.SocketTimeoutException}.
 */
public final class KeepAliveClient implements AutoCloseable {

    private final byte[] hostLine;
    private final KeepAliveConnections connections;
    private final Thread selector;

    /**
     * @param base        {@code http://host:port}; no TLS
     * @param connections how many requests may be on the wire at once
     * @param timeout     to connect, and between two reads of an answer
     */
    public KeepAliveClient(URI base, int connections, Duration timeout) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("Plain http only: " + base);
        }
        int port = base.getPort() == -1 ? 80 : base.getPort();
        this.hostLine = ("Host: " + base.getHost() + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            this.connections = new KeepAliveConnections(new InetSocketAddress(base.getHost(), port), connections,
                    timeout.toNanos());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.selector = Thread.ofPlatform().daemon().name("keep-alive " + base.getHost() + ":" + port)
                .start(this.connections);
    }

    /** A POST of a JSON body with a bearer token, sent by the first free connection; a 2xx body is skipped. */
    public CompletableFuture<Outcome> postJson(String path, String bearerToken, String json) {
        return queue(post(path, bearerToken, json), false, Reply::outcome);
    }

    /** The same, keeping the answer's body whatever its status (a registration's status, an intake verdict). */
    public CompletableFuture<Reply> postJsonKeepingBody(String path, String bearerToken, String json) {
        return queue(post(path, bearerToken, json), true, reply -> reply);
    }

    /** A GET with these headers (e.g. {@code Accept}), name then value; a 2xx body is skipped. */
    public CompletableFuture<Outcome> get(String path, String... headers) {
        return queue(request("GET", path, headers, null), false, Reply::outcome);
    }

    /** The same, keeping the answer's body. */
    public CompletableFuture<Reply> getKeepingBody(String path, String... headers) {
        return queue(request("GET", path, headers, null), true, reply -> reply);
    }

    private byte[] post(String path, String bearerToken, String json) {
        return request("POST", path, new String[] {"Authorization", "Bearer " + bearerToken,
                "Content-Type", "application/json", "Accept", "application/json"}, json);
    }

    private <T> CompletableFuture<T> queue(byte[] request, boolean keepBody, Function<Reply, T> shape) {
        Exchange<T> exchange = new Exchange<>(request, keepBody, shape, new CompletableFuture<>());
        connections.hand(exchange);
        return exchange.answer;
    }

    /** A request's bytes: request line, Host, the headers, and for a body its Content-Length and the body. */
    private byte[] request(String method, String path, String[] headers, String json) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come as name, value pairs");
        }
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        StringBuilder rest = new StringBuilder(128);
        for (int i = 0; i < headers.length; i += 2) {
            rest.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            rest.append("Content-Length: ").append(body.length).append("\r\n");
        }
        rest.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = rest.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + hostLine.length + end.length + (body == null ? 0 : body.length)];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(hostLine, 0, all, start.length, hostLine.length);
        System.arraycopy(end, 0, all, start.length + hostLine.length, end.length);
        if (body != null) {
            System.arraycopy(body, 0, all, all.length - body.length, body.length);
        }
        return all;
    }

    /**
     * An answer: its status, the problem {@code type} of a non-2xx answer, and its body as text (empty for a 2xx
     * answer whose body was skipped).
     */
    public record Reply(int status, String problemType, String body) {

        private static final Reply[] SKIPPED = new Reply[300];

        /** An answer the JDK client brought, body and all (the {@code --client jdk} path). */
        public static Reply of(int status, String body) {
            return new Reply(status, status >= 300 ? PaddockApi.problemType(body) : null, body);
        }

        /** A 2xx (or 1xx) answer whose body was skipped: one instance per status. */
        static Reply skipped(int status) {
            Reply reply = SKIPPED[status];
            if (reply == null) {
                reply = new Reply(status, null, "");
                SKIPPED[status] = reply;
            }
            return reply;
        }

        public Outcome outcome() {
            return Outcome.of(status, problemType);
        }
    }

    /** A request due, in bytes, and what its answer completes. */
    static final class Exchange<T> {

        private final byte[] request;
        private final boolean keepBody;
        private final Function<Reply, T> shape;
        final CompletableFuture<T> answer;
        private boolean sentAgain;

        Exchange(byte[] request, boolean keepBody, Function<Reply, T> shape, CompletableFuture<T> answer) {
            this.request = request;
            this.keepBody = keepBody;
            this.shape = shape;
            this.answer = answer;
        }

        byte[] request() {
            return request;
        }

        boolean keepBody() {
            return keepBody;
        }

        boolean sentAgain() {
            return sentAgain;
        }

        void sendingAgain() {
            sentAgain = true;
        }

        void answer(Reply reply) {
            answer.complete(shape.apply(reply));
        }

        void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }
    }

    @Override
    public void close() {
        connections.close();
        try {
            selector.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
