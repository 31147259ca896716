package dev.paddock.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * selector thread, its reactive plumbing per exchange); this does what the load needs and nothing else: a status,
 * the problem {@code type} of a refusal, a body skipped otherwise.
 * <p>
 * The open model is kept by the caller: requests are queued the moment they are due, whatever the answers'
 * latency, and timed from then, so a request that waits here for a free connection shows the wait. A request
 * whose reused connection turns out to be closed before any byte of its answer came is sent once more on a new
 * connection: only for requests that are safe to repeat (the tote's bets carry a requestId).
 */
public final class KeepAliveClient implements AutoCloseable {

    private static final byte[] CRLF = {'\r', '\n'};

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

    /** A POST of a JSON body with a bearer token, sent by the first free connection. */
    public CompletableFuture<Outcome> postJson(String path, String bearerToken, String json) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new IOException("Client closed"));
        } else {
            due.add(new Exchange(path, bearerToken, json, answer));
        }
        return answer;
    }

    private record Exchange(String path, String token, String json, CompletableFuture<Outcome> answer) {

        byte[] bytes(String host, int port) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }
    }

    private void serve() {
        Connection connection = null;
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
                    connection = new Connection(host, port, timeoutMillis);
                }
                Answer answer;
                try {
                    answer = connection.exchange(request);
                } catch (Stale stale) {
                    if (!reused) {
                        throw stale.getCause();
                    }
                    connection.close();
                    connection = new Connection(host, port, timeoutMillis);
                    answer = connection.exchange(request);
                }
                if (answer.close()) {
                    connection.close();
                    connection = null;
                }
                exchange.answer().complete(answer.outcome());
            } catch (IOException | Stale e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                exchange.answer().completeExceptionally(e instanceof Stale stale ? stale.getCause() : e);
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

    /** What came back, and whether the server will close the connection after it. */
    record Answer(Outcome outcome, boolean close) {
    }

    /** The connection was found closed before any byte of the answer: the request may be sent again. */
    private static final class Stale extends Exception {
        Stale(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** One keep-alive connection: a request written, its answer read to the end, again. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder(64);

        Connection(String host, int port, int timeoutMillis) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        Answer exchange(byte[] request) throws IOException, Stale {
            int first;
            try {
                out.write(request);
                out.flush();
                first = in.read();
            } catch (java.net.SocketTimeoutException slow) {
                throw slow;
            } catch (IOException e) {
                throw new Stale(e);
            }
            if (first == -1) {
                throw new Stale(new EOFException("Connection closed before the answer"));
            }
            line.setLength(0);
            line.append((char) first);
            String status = readLine();
            if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
                throw new IOException("Not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status, 9, 12, 10);
            long length = -1;
            boolean chunked = false;
            boolean close = status.startsWith("HTTP/1.0");
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            boolean keep = code >= 300;
            byte[] body;
            if (chunked) {
                body = chunks(keep);
            } else if (length >= 0) {
                body = fixed(length, keep);
            } else {
                // no length: the body runs to the end of the connection
                body = fixed(Long.MAX_VALUE, keep);
                close = true;
            }
            String type = keep ? PaddockApi.problemType(new String(body, StandardCharsets.UTF_8)) : null;
            return new Answer(Outcome.of(code, type), close);
        }

        /** A line of the head, without its CRLF; {@link #line} may already hold its first character. */
        private String readLine() throws IOException {
            for (int c = in.read(); ; c = in.read()) {
                if (c == -1) {
                    throw new EOFException("Connection closed in the middle of an answer");
                }
                if (c == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    String text = line.toString();
                    line.setLength(0);
                    return text;
                }
                line.append((char) c);
            }
        }

        /** {@code length} bytes (or up to the end of the stream), kept only when asked. */
        private byte[] fixed(long length, boolean keep) throws IOException {
            java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
            byte[] buffer = new byte[4096];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read == -1) {
                    if (length == Long.MAX_VALUE) {
                        break;
                    }
                    throw new EOFException("Connection closed in the middle of a body");
                }
                if (kept != null) {
                    kept.write(buffer, 0, read);
                }
                left -= read;
            }
            return kept == null ? new byte[0] : kept.toByteArray();
        }

        private byte[] chunks(boolean keep) throws IOException {
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            while (true) {
                String size = readLine();
                int extension = size.indexOf(';');
                long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers
                    }
                    return keep ? kept.toByteArray() : new byte[0];
                }
                byte[] chunk = fixed(length, keep);
                kept.write(chunk, 0, chunk.length);
                if (in.read() != CRLF[0] || in.read() != CRLF[1]) {
                    throw new IOException("A chunk does not end with CRLF");
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
