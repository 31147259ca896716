package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a small HTTP/1.1 server on a local socket, whose answers each test scripts. */
class KeepAliveClientTest {

    private static final String PROBLEM = "{\"type\":\"https://paddock.dev/problems/race-closed\",\"status\":409}";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    /** What the server received: request head and body, and the connection it came on. */
    private record Received(String head, String body, int connection) {
    }

    /** Answers each request with what {@code answer} writes; counts connections; keeps what it received. */
    private final class LocalServer implements AutoCloseable {

        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Function<Received, String> answer;
        final int piece;
        final Duration pause;

        LocalServer(Function<Received, String> answer) throws IOException {
            this(answer, Integer.MAX_VALUE, Duration.ZERO);
        }

        /** Writes each answer {@code piece} bytes at a time, {@code pause} apart. */
        LocalServer(Function<Received, String> answer, int piece, Duration pause) throws IOException {
            this.answer = answer;
            this.piece = piece;
            this.pause = pause;
            Thread.ofVirtual().start(this::accept);
            open.add(this);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    int number = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(client, number));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket client, int number) {
            try (client) {
                InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = client.getOutputStream();
                while (true) {
                    String head = head(in);
                    if (head == null) {
                        return;
                    }
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    Received request = new Received(head, new String(in.readNBytes(length), StandardCharsets.UTF_8), number);
                    received.add(request);
                    String reply = answer.apply(request);
                    if (reply == null) {
                        return; // hang up without answering
                    }
                    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                    for (int from = 0; from < bytes.length; from += piece) {
                        if (from > 0) {
                            Thread.sleep(pause);
                        }
                        out.write(bytes, from, Math.min(piece, bytes.length - from));
                        out.flush();
                    }
                    if (reply.contains("Connection: close")) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int c = in.read(); c != -1; c = in.read()) {
                head.write(c);
                matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                if (matched == 4) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String fixed(int status, String body) {
        return "HTTP/1.1 " + status + " \r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private KeepAliveClient client(LocalServer server, int connections) {
        return client(server, connections, Duration.ofSeconds(10));
    }

    private KeepAliveClient client(LocalServer server, int connections, Duration timeout) {
        KeepAliveClient client = new KeepAliveClient(server.base(), connections, timeout);
        open.add(client);
        return client;
    }

    private static <T> T answer(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void requestsFollowOneAnotherOnOneConnectionWithTheirStatusesAndProblemTypes() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> switch (n.incrementAndGet()) {
            case 1 -> fixed(201, "{\"betId\":\"b-1\"}");
            case 2 -> fixed(409, PROBLEM);
            default -> fixed(200, "");
        });
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.postJson("/api/tote/bets", "token-1", "{\"requestId\":\"é-1\"}")))
                .isEqualTo(Outcome.of(201, null));
        assertThat(answer(client.postJson("/api/tote/bets", "token-2", "{}")))
                .isEqualTo(Outcome.of(409, "https://paddock.dev/problems/race-closed"));
        assertThat(answer(client.postJson("/x", "token-3", "{}"))).isEqualTo(Outcome.of(200, null));

        assertThat(server.connections).hasValue(1);
        Received first = server.received.getFirst();
        assertThat(first.head()).startsWith("POST /api/tote/bets HTTP/1.1\r\n")
                .contains("\r\nAuthorization: Bearer token-1\r\n", "\r\nContent-Type: application/json\r\n",
                        "\r\nContent-Length: 20\r\n", "\r\nHost: 127.0.0.1:" + server.socket.getLocalPort() + "\r\n");
        assertThat(first.body()).isEqualTo("{\"requestId\":\"é-1\"}");
    }

    @Test
    void aChunkedAnswerIsReadToItsEndAndTheConnectionServesTheNext() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> n.incrementAndGet() == 1
                ? "HTTP/1.1 503 \r\nTransfer-Encoding: chunked\r\nRetry-After: 1\r\n\r\n"
                        + "10;ext=1\r\n{\"type\":\"https:/\r\n"
                        + Integer.toHexString(("/paddock.dev/problems/overloaded\"}").length()) + "\r\n/paddock.dev/problems/overloaded\"}\r\n"
                        + "0\r\nTrailer: x\r\n\r\n"
                : "HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{}\n\r\n0\r\n\r\n");
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.postJson("/b", "t", "{}")))
                .isEqualTo(Outcome.of(503, "https://paddock.dev/problems/overloaded"));
        assertThat(answer(client.postJson("/b", "t", "{}"))).isEqualTo(Outcome.of(201, null));
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void connectionCloseOpensANewConnectionForTheNextRequest() throws Exception {
        LocalServer server = new LocalServer(request -> "HTTP/1.1 201 \r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        KeepAliveClient client = client(server, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(answer(client.postJson("/b", "t", "{}"))).isEqualTo(Outcome.of(201, null));
        }
        assertThat(server.connections).hasValue(3);
    }

    @Test
    void aKeptConnectionTheServerDroppedMeanwhileIsReplacedAndTheRequestSentAgain() throws Exception {
        // the server answers the first request, then hangs up on the second without a byte of answer (an
        // idle keep-alive connection it closed): the client sends it again on a new connection
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> n.incrementAndGet() == 2 ? null : fixed(201, "{}"));
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.postJson("/b", "t", "{\"n\":1}"))).isEqualTo(Outcome.of(201, null));
        assertThat(answer(client.postJson("/b", "t", "{\"n\":2}"))).isEqualTo(Outcome.of(201, null));

        assertThat(server.connections).hasValue(2);
        assertThat(server.received).extracting(Received::body).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":2}");
        assertThat(server.received).extracting(Received::connection).containsExactly(1, 1, 2);
    }

    @Test
    void aNewConnectionClosedWithoutAnAnswerFailsTheRequestWithoutSendingItAgain() throws Exception {
        LocalServer server = new LocalServer(request -> null);
        KeepAliveClient client = client(server, 1);

        assertThatThrownBy(() -> answer(client.postJson("/b", "t", "{}")))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
        assertThat(server.received).hasSize(1);
    }

    @Test
    void manyRequestsAtOnceShareTheConnectionsAndAllAreAnswered() throws Exception {
        LocalServer server = new LocalServer(request -> fixed(201, "{}"));
        KeepAliveClient client = client(server, 4);

        List<CompletableFuture<Outcome>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(client.postJson("/b", "t", "{\"n\":" + i + "}"));
        }
        for (CompletableFuture<Outcome> future : answers) {
            assertThat(answer(future)).isEqualTo(Outcome.of(201, null));
        }
        assertThat(server.connections.get()).isBetween(1, 4);
        assertThat(server.received).hasSize(500);
    }

    @Test
    void aGetSendsItsHeadersWithoutABodyAndSkipsTheBodyOfASuccess() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> n.incrementAndGet() == 1
                ? "HTTP/1.1 200 \r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>"
                : fixed(404, "{\"type\":\"https://paddock.dev/problems/event-not-found\"}"));
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.get("/events/rush-1", "Accept", "text/html"))).isEqualTo(Outcome.of(200, null));
        assertThat(answer(client.get("/api/events/none", "Accept", "application/json")))
                .isEqualTo(Outcome.of(404, "https://paddock.dev/problems/event-not-found"));

        Received first = server.received.getFirst();
        assertThat(first.head()).startsWith("GET /events/rush-1 HTTP/1.1\r\n").contains("\r\nAccept: text/html\r\n")
                .doesNotContain("Content-Length", "Authorization");
        assertThat(first.body()).isEmpty();
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void aBodyAskedForIsKeptForASuccessAndForARefusal() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> n.incrementAndGet() == 1
                ? fixed(201, "{\"registrations\":[{\"status\":\"CONFIRMED\",\"lastName\":\"Müller\"}]}")
                : fixed(409, PROBLEM));
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.postJsonKeepingBody("/api/events/races/r/registrations", "token-1", "{}")))
                .isEqualTo(new KeepAliveClient.Reply(201, null,
                        "{\"registrations\":[{\"status\":\"CONFIRMED\",\"lastName\":\"Müller\"}]}"));
        assertThat(answer(client.postJsonKeepingBody("/api/events/races/r/registrations", "token-1", "{}")))
                .isEqualTo(new KeepAliveClient.Reply(409, "https://paddock.dev/problems/race-closed", PROBLEM));
        assertThat(server.received.getFirst().head()).contains("\r\nAuthorization: Bearer token-1\r\n");
    }

    @Test
    void aChunkedBodyAskedForIsPutTogether() throws Exception {
        LocalServer server = new LocalServer(request -> "HTTP/1.1 200 \r\nContent-Type: text/html;charset=UTF-8\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n6\r\n<html>\r\n"
                + "9\r\nZoë</ul>\r\n7\r\n</html>\r\n0\r\n\r\n");
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.getKeepingBody("/events/rush-1/participants", "Accept", "text/html")))
                .isEqualTo(new KeepAliveClient.Reply(200, null, "<html>Zoë</ul></html>"));
        assertThat(answer(client.getKeepingBody("/events/rush-1/participants", "Accept", "text/html")).body())
                .isEqualTo("<html>Zoë</ul></html>");
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void getsAndPostsOfEveryKindFollowOneAnotherOnOneKeptConnection() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> switch (n.incrementAndGet() % 4) {
            case 1 -> "HTTP/1.1 204 \r\n\r\n"; // no length, no body: the next answer follows at once
            case 2 -> "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 3 -> fixed(201, "{\"verdict\":\"COUNTED\"}");
            default -> fixed(503, "{\"type\":\"https://paddock.dev/problems/overloaded\"}");
        });
        KeepAliveClient client = client(server, 1);

        for (int round = 0; round < 3; round++) {
            assertThat(answer(client.get("/a", "Accept", "application/json"))).isEqualTo(Outcome.of(204, null));
            assertThat(answer(client.getKeepingBody("/b")).body()).isEqualTo("{}");
            assertThat(answer(client.postJsonKeepingBody("/c", "t", "{}")).body()).isEqualTo("{\"verdict\":\"COUNTED\"}");
            assertThat(answer(client.postJson("/d", "t", "{}")))
                    .isEqualTo(Outcome.of(503, "https://paddock.dev/problems/overloaded"));
        }
        assertThat(server.received).hasSize(12).extracting(Received::connection).containsOnly(1);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfItsConnectionAndTheNextRequestOpensAnother() throws Exception {
        LocalServer server = new LocalServer(request -> "HTTP/1.1 200 \r\nContent-Type: text/html\r\n"
                + "Connection: close\r\n\r\n<p>all of it</p>");
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.getKeepingBody("/x")).body()).isEqualTo("<p>all of it</p>");
        assertThat(answer(client.getKeepingBody("/x")).body()).isEqualTo("<p>all of it</p>");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void headersThatDoNotComeInPairsAreRefused() throws Exception {
        LocalServer server = new LocalServer(request -> fixed(200, ""));
        KeepAliveClient client = client(server, 1);

        assertThatThrownBy(() -> client.get("/x", "Accept")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received).isEmpty();
    }

    @Test
    void afterCloseARequestFailsAtOnce() throws Exception {
        LocalServer server = new LocalServer(request -> fixed(201, "{}"));
        KeepAliveClient client = client(server, 2);
        client.close();

        assertThatThrownBy(() -> answer(client.postJson("/b", "t", "{}"))).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void answersThatComeAFewBytesAtATimeAreReadWhole() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> n.incrementAndGet() % 2 == 1
                ? fixed(200, "{\"n\":" + n.get() + ",\"name\":\"Zoë\"}")
                : "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"n\":\r\n2\r\n" + n.get() + "}\r\n0\r\n\r\n",
                3, Duration.ofMillis(2));
        KeepAliveClient client = client(server, 1);

        assertThat(answer(client.getKeepingBody("/a")).body()).isEqualTo("{\"n\":1,\"name\":\"Zoë\"}");
        assertThat(answer(client.getKeepingBody("/a")).body()).isEqualTo("{\"n\":2}");
        assertThat(answer(client.get("/a"))).isEqualTo(Outcome.of(200, null));
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void slowAnswersOnSeveralConnectionsEachCompleteTheirOwnRequest() throws Exception {
        // answers take from 0 to 20 ms, so they come back out of order across the connections
        LocalServer server = new LocalServer(request -> {
            int n = Integer.parseInt(request.head().substring("GET /n/".length(), request.head().indexOf(" HTTP/1.1")));
            try {
                Thread.sleep(n * 7 % 21);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fixed(200, String.valueOf(n));
        });
        KeepAliveClient client = client(server, 8);

        List<CompletableFuture<KeepAliveClient.Reply>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(client.getKeepingBody("/n/" + i));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(answer(answers.get(i)).body()).isEqualTo(String.valueOf(i));
        }
        assertThat(server.connections.get()).isBetween(1, 8);
    }

    @Test
    void aRequestWithoutAnAnswerWithinTheTimeoutFailsAndTheNextOneIsServedOnANewConnection() throws Exception {
        AtomicInteger n = new AtomicInteger();
        LocalServer server = new LocalServer(request -> {
            if (n.incrementAndGet() == 1) {
                try {
                    Thread.sleep(Duration.ofSeconds(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return fixed(201, "{}");
        });
        KeepAliveClient client = client(server, 1, Duration.ofMillis(300));

        assertThatThrownBy(() -> answer(client.get("/slow"))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(answer(client.get("/quick"))).isEqualTo(Outcome.of(201, null));
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void anAnswerCutShortFailsItsRequest() throws Exception {
        LocalServer server = new LocalServer(request -> "HTTP/1.1 200 \r\nContent-Length: 10\r\nConnection: close\r\n\r\n{\"n\"");
        KeepAliveClient client = client(server, 1);

        assertThatThrownBy(() -> answer(client.get("/x"))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.io.EOFException.class);
    }
}
