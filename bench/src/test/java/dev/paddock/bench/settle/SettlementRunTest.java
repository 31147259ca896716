package dev.paddock.bench.settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settlement benchmark's scenario at a small size, for its bookkeeping only (no timing): needs the packaged
 * app, so it runs in {@code ./mvnw verify} (bench builds after app) and skips when the jar is absent.
 */
class SettlementRunTest {

    static final Path JAR = Path.of("../app/target/paddock.jar");

    @Test
    void everyWinningTicketIsPaidOnceIntoItsWallet() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no packaged app at " + JAR);

        SettlementRun.Figures figures = SettlementRun.run(JAR, List.of("-Xmx512m"), 5_000, 300, 7,
                new PrintStream(OutputStream.nullOutputStream()));

        assertThat(figures.seeded().tickets()).isEqualTo(5_000);
        assertThat(figures.seeded().ticketsByType()).hasSize(TicketMix.betTypes().size());
        assertThat(figures.poolsPaid()).isEqualTo(figures.pools()).isPositive();
        assertThat(figures.winningTickets()).isPositive();
        assertThat(figures.credited()).isPositive().isEqualTo(figures.paidOnTickets());
        assertThat(figures.credits()).isPositive().isLessThanOrEqualTo(figures.winningTickets() + figures.refundedTickets());
        assertThat(figures.walletsOff()).isZero();
        assertThat(figures.poolStatus().get("status").asString()).isEqualTo("SETTLED");
        assertThat(figures.balanced()).isTrue();
    }
}
