package dev.paddock.live.stream;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal EventSource: opens a Server-Sent Events stream over real HTTP and queues its events. */
final class SseClient implements AutoCloseable {

    /** How long a test waits for an event it expects before failing; no test asserts on durations. */
    private static final long PATIENCE_SECONDS = 30;

    record Event(String name, String data) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        reader = Thread.ofVirtual().start(this::read);
    }

    static SseClient open(URI uri) throws IOException, InterruptedException {
        return new SseClient(uri);
    }

    int status() {
        return response.statusCode();
    }

    /** Waits for the next event named {@code name}, skipping others. */
    Event await(String name) throws InterruptedException {
        return eventsUntil(name).getLast();
    }

    /** Every event received up to and including the first one named {@code name}. */
    List<Event> eventsUntil(String name) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        while (true) {
            Event event = events.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                fail("No '" + name + "' event came; received " + seen);
            }
            seen.add(event);
            if (event.name().equals(name)) {
                return seen;
            }
        }
    }

    private void read() {
        try {
            parse();
        } catch (UncheckedIOException closedByTheTest) {
            // close() cancels the body: the stream ends here.
        }
    }

    private void parse() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
        http.close();
    }
}
