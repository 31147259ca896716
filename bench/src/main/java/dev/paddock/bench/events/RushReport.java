package dev.paddock.bench.events;

import dev.paddock.bench.Report;
import dev.paddock.bench.Results;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The rush's report: per group of endpoints throughput, outcomes and latencies; CPU; then the checks. */
final class RushReport {

    private RushReport() {
    }

    static void print(PrintStream out, Rush.Figures f) {
        RushOptions o = f.options();
        out.println();
        out.printf(Locale.ROOT, "events-rush against %s: %,d attempts by %,d buyers for %,d places in %d s "
                + "(half-life %.1f s), readers %,.0f/s; %s%n", o.baseUrl(), o.athletes(), f.buyers(), o.places(),
                o.window().toSeconds(), o.halfLife().toMillis() / 1000.0, o.readers(), o.clients());
        group(out, "POST /api/events/races/{id}/registrations", f.registrations(), f.seconds());
        out.println("  first answers:");
        labels(out, f.attempts().firstAnswers());
        long[] shed = f.attempts().shedAndSentAgain();
        if (shed[0] > 0) {
            out.printf(Locale.ROOT, "  %,d attempts shed (503) and sent again a second later within the attempt, %,d times"
                    + " in all (timed until their final answer); answers ending the attempts:%n", shed[0], shed[1]);
            labels(out, f.attempts().finalAnswers());
        }
        if (f.replayed() > 0) {
            out.println("  replays of the " + f.replayed() + " attempts of unknown outcome (same requestId):");
            labels(out, f.attempts().replayAnswers());
        }
        for (Readers group : f.readers()) {
            group(out, "GET " + group.path() + " (" + group.name() + ")", group.results(), f.seconds());
            labels(out, group.results().refused());
        }
        out.printf(Locale.ROOT, "CPU: generator %.0f%% of this machine's %d cores; server %s%n", f.generatorCpu() * 100,
                Runtime.getRuntime().availableProcessors(), f.serverCpu().describe());
        if (!f.disk().isEmpty()) {
            out.printf(Locale.ROOT, "Disk flushes (8 KB and an fdatasync every %d ms beside PostgreSQL's data, from the"
                    + " opening): %s%n", Rush.FLUSH_PROBE.toMillis(), f.disk());
        }
        if (!f.database().isEmpty()) {
            out.println("PostgreSQL from the readers' start to the end of the rush (share of samples every 100 ms running"
                    + " each statement; wait or CPU):");
            f.database().forEach(line -> out.println("  " + line));
        }
        out.println("Checks:");
        for (RushChecks.Check check : f.checks()) {
            out.printf(Locale.ROOT, "  %-4s %s: %s%n", check.passed() ? "ok" : "FAIL", check.name(), check.detail());
        }
        out.println(f.passed() ? "All checks passed." : "Some checks FAILED.");
    }

    private static void group(PrintStream out, String name, Results results, double seconds) {
        Histogram latencies = results.latencies();
        out.printf(Locale.ROOT, "%s%n  attempted %,d (%.1f/s)  accepted (2xx) %,d (%.1f/s)", name, results.attempted(),
                results.attempted() / seconds, results.accepted(), results.accepted() / seconds);
        if (results.notSent() > 0 || results.unanswered() > 0) {
            out.printf(Locale.ROOT, "  not sent (in-flight cap) %,d  unanswered %,d", results.notSent(),
                    results.unanswered());
        }
        out.printf(Locale.ROOT, "%n  latency from intended send time (ms): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s"
                + "  (generator's worst lag %s)%n", Report.ms(latencies.getValueAtPercentile(50)),
                Report.ms(latencies.getValueAtPercentile(90)), Report.ms(latencies.getValueAtPercentile(99)),
                Report.ms(latencies.getValueAtPercentile(99.9)), Report.ms(latencies.getMaxValue()),
                Report.ms(results.maxSchedulingLagNanos() / 1_000));
    }

    private static void labels(PrintStream out, Map<String, Long> labels) {
        labels.forEach((label, count) -> out.printf(Locale.ROOT, "    %-60s %,d%n", label, count));
    }
}
