package dev.paddock.bench.results;

import dev.paddock.bench.Report;
import dev.paddock.bench.Results;
import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The results rush's report: lookups per kind, passings, ranking lag, CPU, the targets and the checks. */
final class ResultsRushReport {

    private ResultsRushReport() {
    }

    static void print(PrintStream out, ResultsRush.Figures f) {
        double seconds = f.options().duration().toNanos() / 1e9;
        out.println();
        out.printf(Locale.ROOT, "Results rush on race %s: %,d runners, %,d passings before the replay, one second "
                + "of the run = %s of race, peak %d passings/s, lookups %,.0f/s, %.0f s measured after %d s warm-up (%s); %s%n",
                f.raceId(), f.options().runners(), f.before(), ResultsRush.clock(f.compression()), f.options().peak(),
                f.options().rate(), seconds, f.options().warmUp().toSeconds(), f.options().warmUpLoad(),
                f.options().clients());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %9s%n", "", "offered/s", "2xx/s", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms");
        long lookups = 0;
        long worst = 0;
        for (Lookups kind : f.lookups()) {
            line(out, kind.name(), kind.results(), seconds);
            lookups += kind.results().accepted();
            worst = Math.max(worst, kind.results().latencies().getValueAtPercentile(99));
        }
        line(out, "passings", f.passings(), seconds);
        Histogram lags = f.lags();
        out.printf(Locale.ROOT, "Ranking lag (intake 2xx -> shown by the results API), %d sampled passings: p50 %s ms  "
                + "p99 %s ms  max %s ms%n", lags.getTotalCount(), Report.ms(lags.getValueAtPercentile(50)),
                Report.ms(lags.getValueAtPercentile(99)), Report.ms(lags.getMaxValue()));
        out.printf(Locale.ROOT, "CPU: generator %.0f%% of this machine's %d cores; server %s%n", f.generatorCpu() * 100,
                Runtime.getRuntime().availableProcessors(), f.serverCpu().describe());
        out.printf(Locale.ROOT, "Target lookups %,.0f/s with p99 < 50 ms: %,.0f/s answered 2xx, worst kind's p99 %s ms: "
                + "%s%n", f.options().rate(), lookups / seconds, Report.ms(worst),
                lookups / seconds >= f.options().rate() * 0.99 && worst < 50_000 ? "met" : "NOT met");
        // passings answered late or not at all are never followed: too few samples say nothing of the lag
        boolean sampled = lags.getTotalCount() >= f.options().lagSamples() / 2;
        out.printf(Locale.ROOT, "Target rankings at most 1 s behind the passings: max lag %s ms over %d samples: %s%n",
                Report.ms(lags.getMaxValue()), lags.getTotalCount(), !sampled ? "NOT measured (too few samples)"
                        : lags.getMaxValue() <= 1_000_000 && f.lagsGivenUp() == 0 ? "met" : "NOT met");
        if (f.lagsGivenUp() > 0) {
            out.printf(Locale.ROOT, "  and %d sampled passings not shown within %d s%n", f.lagsGivenUp(),
                    RankingLag.GIVE_UP_SECONDS);
        }
        if (f.replayed() > 0) {
            out.println(f.replayed() + " passings of unknown outcome sent again after the run");
        }
        f.checks().forEach(check -> out.println(check));
        out.println(f.passed() ? "All checks passed." : "A CHECK FAILED.");
    }

    private static void line(PrintStream out, String name, Results results, double seconds) {
        Histogram latencies = results.latencies();
        out.printf(Locale.ROOT, "%-16s %9.0f %9.0f %9s %9s %9s %9s%n", name, results.attempted() / seconds,
                results.accepted() / seconds, Report.ms(latencies.getValueAtPercentile(50)),
                Report.ms(latencies.getValueAtPercentile(99)), Report.ms(latencies.getValueAtPercentile(99.9)),
                Report.ms(latencies.getMaxValue()));
        results.refused().forEach((label, count) -> out.printf(Locale.ROOT, "    refused %-60s %d%n", label, count));
    }
}
