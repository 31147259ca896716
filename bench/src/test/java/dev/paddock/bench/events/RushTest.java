package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rush at a small size against {@link ContractDouble}, for the benchmark's own logic (set-up calls, the two
 * load streams, the answers' bookkeeping, replays and checks), not for the server's: no timing is asserted. The
 * real server is exercised by {@link RushRunTest}.
 */
class RushTest {

    private static final int ATHLETES = 200;
    private static final int PLACES = 50;

    @Test
    void exactlyThePlacesAreConfirmedTheRestWaitlistedOrToldItIsFullAndEveryCheckHolds() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.NONE);

        Map<String, Long> answers = figures.attempts().firstAnswers();
        assertThat(answers.get("CONFIRMED")).isEqualTo(PLACES);
        assertThat(answers.get("WAITLISTED") + answers.get("409 race-full")).isEqualTo(ATHLETES - PLACES);
        assertThat(answers.keySet()).containsOnly("CONFIRMED", "WAITLISTED", "409 race-full");
        assertThat(figures.registrations().attempted()).isEqualTo(ATHLETES);
        assertThat(figures.registrations().accepted()).isEqualTo(PLACES + answers.get("WAITLISTED"));
        assertThat(figures.replayed()).isZero();
        assertThat(figures.readers()).allSatisfy(group -> {
            assertThat(group.results().attempted()).isPositive();
            assertThat(group.results().accepted()).isEqualTo(group.results().attempted());
        });
        assertThat(figures.checks()).hasSizeGreaterThanOrEqualTo(6).allMatch(RushChecks.Check::passed);
        assertThat(figures.passed()).isTrue();
    }

    @Test
    void theJdkClientStillCarriesTheRushOnRequest() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.DROP_ANSWERS, "--client", "jdk");

        assertThat(figures.options().lean()).isFalse();
        // the JDK client's label for a dropped answer (the keep-alive client's is EOFException)
        assertThat(figures.attempts().firstAnswers()).containsKey("no response: IOException");
        assertThat(figures.attempts().replayAnswers().keySet()).containsAnyOf("CONFIRMED", "WAITLISTED");
        assertThat(figures.readers()).allSatisfy(group -> assertThat(group.results().accepted()).isPositive());
        assertThat(figures.checks()).allMatch(RushChecks.Check::passed);
    }

    @Test
    void aShedAttemptIsSentAgainWithinTheAttemptAndEndsWithItsFinalAnswer() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.SHED_FIRST);

        long shed = figures.attempts().firstAnswers().get("503 overloaded");
        assertThat(shed).isPositive();
        assertThat(figures.attempts().shedAndSentAgain()).containsExactly(shed, shed);
        assertThat(figures.attempts().finalAnswers()).doesNotContainKey("503 overloaded");
        assertThat(figures.attempts().finalAnswers().get("CONFIRMED")).isEqualTo(PLACES);
        assertThat(figures.replayed()).isZero();
        assertThat(figures.checks()).allMatch(RushChecks.Check::passed);
    }

    @Test
    void withoutShedRetriesAShedAttemptEndsAt503AndIsReplayedAfterTheRush() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.SHED_FIRST, "--shed-retries", "0");

        long shed = figures.attempts().firstAnswers().get("503 overloaded");
        assertThat(figures.attempts().shedAndSentAgain()).containsExactly(0L, 0L);
        assertThat(figures.attempts().finalAnswers()).containsEntry("503 overloaded", shed);
        assertThat(figures.replayed()).isEqualTo((int) shed);
        assertThat(figures.checks()).allMatch(RushChecks.Check::passed);
    }

    @Test
    void answersLostOnTheWayAreReplayedWithTheSameRequestIdUntilKnownAndTheBooksStillBalance() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.DROP_ANSWERS);

        assertThat(figures.replayed()).isPositive();
        // the JDK client says IOException, the keep-alive client EOFException (a new connection closed unanswered)
        assertThat(figures.attempts().firstAnswers().keySet()).anyMatch(label -> label.startsWith("no response: "));
        assertThat(figures.attempts().replayAnswers().keySet()).containsAnyOf("CONFIRMED", "WAITLISTED");
        assertThat(figures.checks()).allMatch(RushChecks.Check::passed);
    }

    @Test
    void aServerThatChargesTwiceFailsTheWalletCheck() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.DOUBLE_CHARGE);

        assertThat(failed(figures)).containsExactly("no double charge: each wallet = deposits - price x its confirmed "
                + "registrations");
        assertThat(figures.passed()).isFalse();
    }

    @Test
    void aServerThatLosesAcknowledgedRegistrationsFailsTheOrdersCheck() throws Exception {
        Rush.Figures figures = rush(ContractDouble.Fault.LOSE_REGISTRATIONS);

        assertThat(failed(figures)).contains(
                "every acknowledged CONFIRMED registration is CONFIRMED in its order (orders API)");
        assertThat(figures.passed()).isFalse();
    }

    private static List<String> failed(Rush.Figures figures) {
        return figures.checks().stream().filter(check -> !check.passed()).map(RushChecks.Check::name).toList();
    }

    /**
     * Small pools for a small rush: the stand-in's JDK HttpServer keeps at most 200 idle connections and closes
     * the others, among them the set-up client's, whose next POST would then fail.
     */
    private static Rush.Figures rush(ContractDouble.Fault fault, String... more) throws Exception {
        try (ContractDouble server = new ContractDouble(fault)) {
            RushOptions options = RushOptions.parse(Stream.concat(Stream.of("--base-url", server.baseUrl().toString(),
                    "--athletes", String.valueOf(ATHLETES), "--places", String.valueOf(PLACES), "--accounts", "20",
                    "--window", "2s", "--half-life", "500ms", "--readers", "40", "--lead", "1s",
                    "--reader-warm-up", "500ms", "--warm-up-registrations", "10", "--warm-up-time", "300ms",
                    "--drain-timeout", "5s",
                    "--setup-threads", "4", "--connections", "64", "--reader-connections", "16"),
                    Stream.of(more)).toList());
            return Rush.run(options, new PrintStream(OutputStream.nullOutputStream()));
        }
    }
}
