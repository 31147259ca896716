package dev.paddock.bench.settle;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Paddock server of its own for the settlement and events-rush benchmarks: the packaged jar ({@code app/target/paddock.jar}) in
 * a child JVM, with a throw-away embedded PostgreSQL on a known port so that the benchmark can seed it with COPY.
 * Demo data on (the demo operator sets the race up); automatic opening and settlement off, so that the benchmark
 * decides when things happen. Stopped, database included, on close.
 * <p>
 * The jar runs as the production image runs it (deploy/Dockerfile): extracted first ({@code java -Djarmode=tools -jar
 * paddock.jar extract}), the application jar and its libraries on the JDK's own class path. Run whole ({@code java
 * -jar paddock.jar}), Spring Boot's nested-jar loader reads every class and resource of the node through one lock per
 * jar file; on a cold node at a peak, requests on virtual threads loading classes (which pins their carriers) waited
 * for that lock while its holder, a resource look-up waiting for an inner lock, had no carrier left to run on: the node
 * stalled for seconds or for good (session 10, the results bench's warm-up;
 * docs/performance/session10-2026-11-22.md). {@code PADDOCK_BENCH_FAT_JAR=true} runs the jar whole, to compare; a jar
 * that is not a Spring Boot jar (an application jar already extracted) runs as given.
 */
public final class PaddockServer implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private final String jdbcUrl;
    private final Path log;

    /** The extracted layout this server runs, deleted on close; null when it runs the jar as given. */
    private final Path extracted;
    private final String layout;

    private PaddockServer(Process process, URI baseUrl, String jdbcUrl, Path log, Path extracted, String layout) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
        this.extracted = extracted;
        this.layout = layout;
    }

    /** Starts the jar with {@code javaOptions} (heap, JFR...) and waits until it is ready. */
    public static PaddockServer start(Path jar, List<String> javaOptions) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first (./mvnw -pl app -am package -DskipTests)");
        }
        boolean bootJar = SpringBootJar.is(jar);
        boolean whole = Boolean.parseBoolean(System.getenv("PADDOCK_BENCH_FAT_JAR")) || !bootJar;
        Path extracted = whole ? null : Files.createTempDirectory("paddock-bench-app-");
        Path application = whole ? jar : SpringBootJar.extract(jar, extracted);
        int port = freePort();
        int databasePort = freePort();
        Path log = Files.createTempFile("paddock-settle-bench-", ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", application.toString(), "--server.port=" + port,
                "--paddock.db.embedded.port=" + databasePort, "--paddock.db.embedded.data-dir=",
                "--paddock.demo-data=true", "--paddock.tote.programme.open-before=0",
                "--paddock.tote.settlement.auto-after=0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PaddockServer server = new PaddockServer(process, URI.create("http://localhost:" + port),
                "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres", log, extracted,
                !whole ? "extracted as the image runs it" : bootJar ? "the jar run whole (java -jar)" : "the jar run as given");
        server.awaitReady();
        return server;
    }

    /** The server's process, whose CPU the runners read from the OS. */
    public long pid() {
        return process.pid();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path log() {
        return log;
    }

    /** How the jar runs: extracted as the image runs it, whole, or as given (an application jar already extracted). */
    public String layout() {
        return layout;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Paddock stopped while starting; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Paddock was not ready after 5 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A graceful stop (SIGTERM), so that Paddock stops its embedded PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (extracted != null) {
            SpringBootJar.delete(extracted);
        }
    }
}
