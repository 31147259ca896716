package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The results rush at a small size against the packaged app with its own embedded PostgreSQL
 * ({@code --start-app}), for the bookkeeping only (no timing): every passing counted, the published overall and
 * gender rankings equal to those recomputed from the passings sent, every followed passing shown; with the quick
 * reads answered from Tomcat's valve ({@code paddock.quick-reads.valve}), which only a real server runs. Runs in
 * {@code ./mvnw verify} (bench builds after app) and skips when the jar is absent.
 */
class ResultsRushRunTest {

    static final Path JAR = Path.of("../app/target/paddock.jar");

    @Test
    void aSmallFinishOnTheRealServerPublishesTheRankingsOfThePassingsSent() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no packaged app at " + JAR);

        ResultsRushOptions options = ResultsRushOptions.parse(List.of("--start-app", "true", "--jar", JAR.toString(),
                "--server-java-options", "-Xmx1g -Dpaddock.quick-reads.valve=true", "--runners", "400", "--peak", "20", "--rate", "50",
                "--duration", "6s", "--warm-up", "2s", "--lag-samples", "20"));
        ResultsRush.Figures figures = ResultsRush.run(options, new PrintStream(OutputStream.nullOutputStream()));

        assertThat(figures.passings().attempted()).isPositive();
        assertThat(figures.lookups()).allSatisfy(kind -> assertThat(kind.results().attempted()).isPositive());
        assertThat(figures.lags().getTotalCount()).isPositive();
        assertThat(figures.checks()).extracting(ResultsChecks.Check::name)
                .contains("PostgreSQL: counted passings = passings sent",
                        "overall ranking from the API = recomputed from the passings sent");
        assertThat(figures.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    }
}
