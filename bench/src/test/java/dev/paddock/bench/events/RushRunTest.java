package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rush at a small size against the packaged app with its own embedded PostgreSQL ({@code --start-app}), for
 * the bookkeeping only (no timing): every check, those in PostgreSQL included, must hold. Like SettlementRunTest it
 * runs in {@code ./mvnw verify} (bench builds after app) and skips when the jar is absent, or when the jar does not
 * hold the events catalog and registration parts yet (the rush needs their APIs).
 */
class RushRunTest {

    static final Path JAR = Path.of("../app/target/paddock.jar");

    @Test
    void aSmallRushOnTheRealServerConfirmsExactlyThePlacesAndKeepsTheBooks(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no packaged app at " + JAR);
        assumeTrue(holdsEventsParts(), "the packaged app has no events catalog and registration parts yet");

        RushOptions options = RushOptions.parse(List.of("--start-app", "true", "--jar", JAR.toString(),
                "--server-java-options", "-Xmx1g", "--athletes", "300", "--places", "100", "--accounts", "30",
                "--window", "5s", "--half-life", "1s", "--readers", "30", "--lead", "5s", "--reader-warm-up", "2s",
                "--warm-up-registrations", "50", "--warm-up-time", "1s", "--trace", dir.resolve("attempts.csv").toString()));
        Rush.Figures figures = Rush.run(options, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(figures.attempts().firstAnswers()).containsEntry("CONFIRMED", 100L);
        assertThat(figures.registrations().attempted()).isEqualTo(300);
        assertThat(figures.checks()).filteredOn(check -> check.name().startsWith("PostgreSQL")).hasSize(7);
        assertThat(figures.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        // the disk under the started server was probed through the rush (FlushProbe)
        assertThat(figures.disk()).matches("[\\d,]+ flushes; worst [\\d.]+ ms in the first 5 s, .*");
        List<String> trace = Files.readAllLines(dir.resolve("attempts.csv"));
        assertThat(trace).first().isEqualTo("attempt,due_ms,sent_ms,latency_ms,first,final");
        assertThat(trace).hasSize(301);
        List<String[]> rows = trace.stream().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).allSatisfy(row -> {
            assertThat(Double.parseDouble(row[1])).isBetween(0.0, 5_000.0);
            assertThat(Double.parseDouble(row[3])).isPositive();
        });
        assertThat(rows).filteredOn(row -> row[4].equals("CONFIRMED")).hasSize(100);
    }

    private static boolean holdsEventsParts() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/classes/dev/paddock/events/catalog/"))
                    && jar.stream().anyMatch(entry -> entry.getName()
                            .startsWith("BOOT-INF/classes/dev/paddock/events/registration/"));
        }
    }
}
