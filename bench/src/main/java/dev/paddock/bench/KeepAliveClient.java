package dev.paddock.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A lean HTTP/1.1 client for the load itself: a fixed pool of keep-alive connections, each one a virtual thread
 * that takes the next due request from one queue, writes it and reads its answer with plain blocking socket
 * calls. The JDK {@code HttpClient} took 15-35% of the 2-core machine at 1,000 bets/s (response parsing, its
 * selector thread, its reactive plumbing per exchange); this does what the load needs and nothing else: POSTs of
 * JSON with a bearer token and GETs, answered with a status, the problem {@code type} of a refusal, and the body
 * only when the caller asks for it (skipped otherwise). Bodies come with a Content-Length, chunked, or up to the
 * end of the connection.
 * <p>
 * The open model is kept by the caller: requests are queued the moment they are due, whatever the answers'
 * latency, and timed from then, so a request that waits here for a free connection shows the wait. A request
 * whose reused connection turns out to be closed before any byte of its answer came is sent once more on a new
 * connection: only for requests that are safe to repeat (GETs; the tote's bets, registrations and passings carry a
 * requestId or read id).
 */
public final class KeepAliveClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final BlockingQueue<Exchange> due = new LinkedBlockingQueue<>();
    private final List<Thread> connections = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param base        {@code http://host:port}; no TLS
     * @param connections how many requests may be on the wire at once
     * @param timeout     to connect, and between two reads of an answer
     */
    public KeepAliveClient(URI base, int connections, Duration timeout) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("Plain http only: " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
        this.timeoutMillis = (int) timeout.toMillis();
        for (int i = 0; i < connections; i++) {
            this.connections.add(Thread.ofVirtual().name("keep-alive-" + i).start(this::serve));
        }
    }

    /** A POST of a JSON body with a bearer token, sent by the first free connection; a 2xx body is skipped. */
    public CompletableFuture<Outcome> postJson(String path, String bearerToken, String json) {
        return queuePost(path, bearerToken, json, false).thenApply(Reply::outcome);
    }

    /** The same, keeping the answer's body whatever its status (a registration's status, an intake verdict). */
    public CompletableFuture<Reply> postJsonKeepingBody(String path, String bearerToken, String json) {
        return queuePost(path, bearerToken, json, true);
    }

    private CompletableFuture<Reply> queuePost(String path, String bearerToken, String json, boolean keep) {
        String[] headers = {"Authorization", "Bearer " + bearerToken, "Content-Type", "application/json",
                "Accept", "application/json"};
        return queue(new Exchange("POST", path, headers, json, keep, new CompletableFuture<>()));
    }

    /** A GET with these headers (e.g. {@code Accept}), name then value; a 2xx body is skipped. */
    public CompletableFuture<Outcome> get(String path, String... headers) {
        return queueGet(path, false, headers).thenApply(Reply::outcome);
    }

    /** The same, keeping the answer's body. */
    public CompletableFuture<Reply> getKeepingBody(String path, String... headers) {
        return queueGet(path, true, headers);
    }

    private CompletableFuture<Reply> queueGet(String path, boolean keep, String... headers) {
        return queue(new Exchange("GET", path, headers, null, keep, new CompletableFuture<>()));
    }

    private CompletableFuture<Reply> queue(Exchange exchange) {
        if (exchange.headers().length % 2 != 0) {
            throw new IllegalArgumentException("Headers come as name, value pairs");
        }
        if (closed) {
            exchange.answer().completeExceptionally(new IOException("Client closed"));
        } else {
            due.add(exchange);
        }
        return exchange.answer();
    }

    /**
     * An answer: its status, the problem {@code type} of a non-2xx answer, and its body as text (empty for a 2xx
     * answer whose body was skipped).
     */
    public record Reply(int status, String problemType, String body) {

        /** An answer the JDK client brought, body and all (the {@code --client jdk} path). */
        public static Reply of(int status, String body) {
            return new Reply(status, status >= 300 ? PaddockApi.problemType(body) : null, body);
        }

        public Outcome outcome() {
            return Outcome.of(status, problemType);
        }
    }

    /** A request due, built into bytes by the connection that sends it; {@code json} null for no body. */
    private record Exchange(String method, String path, String[] headers, String json, boolean keepBody,
            CompletableFuture<Reply> answer) {

        byte[] bytes(String host, int port) {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (json != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }
    }

    private void serve() {
        KeepAliveConnection connection = null;
        while (!closed) {
            Exchange exchange;
            try {
                exchange = due.take();
            } catch (InterruptedException e) {
                break;
            }
            byte[] request = exchange.bytes(host, port);
            try {
                boolean reused = connection != null;
                if (connection == null) {
                    connection = new KeepAliveConnection(host, port, timeoutMillis);
                }
                KeepAliveConnection.Answer answer;
                try {
                    answer = connection.exchange(request, exchange.keepBody());
                } catch (KeepAliveConnection.Stale stale) {
                    if (!reused) {
                        throw stale.getCause();
                    }
                    connection.close();
                    connection = new KeepAliveConnection(host, port, timeoutMillis);
                    answer = connection.exchange(request, exchange.keepBody());
                }
                if (answer.close()) {
                    connection.close();
                    connection = null;
                }
                exchange.answer().complete(answer.reply());
            } catch (IOException | KeepAliveConnection.Stale e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                exchange.answer().completeExceptionally(e instanceof KeepAliveConnection.Stale stale ? stale.getCause() : e);
            }
        }
        if (connection != null) {
            connection.close();
        }
        for (Exchange left; (left = due.poll()) != null; ) {
            left.answer().completeExceptionally(new IOException("Client closed"));
        }
    }

    @Override
    public void close() {
        closed = true;
        connections.forEach(Thread::interrupt);
        for (Thread connection : connections) {
            try {
                connection.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
