package dev.paddock.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The final report: offered and accepted throughput, refusals, latency percentiles, CPU on both sides. */
public final class Report {

    private Report() {
    }

    static void print(PrintStream out, Options options, String scenario, Results results, double seconds,
            double generatorCpu, CpuSamples serverCpu) {
        Histogram latencies = results.latencies();
        out.println();
        out.printf(Locale.ROOT, "Scenario %s against %s: %s%n", options.scenario(), options.baseUrl(), scenario);
        out.printf(Locale.ROOT, "Offered rate %s/s over %.0f s measured (after %d s warm-up)%n",
                options.rate() == options.rateTo() ? fmt(options.rate()) : fmt(options.rate()) + " -> "
                        + fmt(options.rateTo()), seconds, options.warmUp().toSeconds());
        out.printf(Locale.ROOT, "Attempted %d (%.1f/s)   accepted (2xx) %d (%.1f/s)%n", results.attempted(),
                results.attempted() / seconds, results.accepted(), results.accepted() / seconds);
        if (results.notSent() > 0 || results.unanswered() > 0) {
            out.printf(Locale.ROOT, "Not sent (in-flight cap reached) %d   unanswered at the end %d%n",
                    results.notSent(), results.unanswered());
        }
        results.refused().forEach((label, count) -> out.printf(Locale.ROOT, "  refused %-70s %d%n", label, count));
        out.printf(Locale.ROOT, "Latency from intended send time (ms): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(90)),
                ms(latencies.getValueAtPercentile(99)), ms(latencies.getValueAtPercentile(99.9)),
                ms(latencies.getMaxValue()));
        out.printf(Locale.ROOT, "Worst scheduling lag of the generator: %s ms%n",
                ms(results.maxSchedulingLagNanos() / 1_000));
        out.printf(Locale.ROOT, "CPU: generator %.0f%% of this machine's %d cores; server %s%n",
                generatorCpu * 100, Runtime.getRuntime().availableProcessors(), serverCpu.describe());
    }

    /**
     * A progress line over the last {@code seconds}: the writes answered per second and their p99, the reads
     * answered per second over all their groups and the worst group's p99.
     */
    public static String progress(String writesName, Results writes, String readsName, List<Results> reads,
            double seconds) {
        Histogram written = writes.interval();
        long read = 0;
        long readP99 = 0;
        for (Results group : reads) {
            Histogram interval = group.interval();
            read += interval.getTotalCount();
            readP99 = Math.max(readP99, interval.getValueAtPercentile(99));
        }
        return String.format(Locale.ROOT, "%s %6.0f/s p99 %s ms   %s %6.0f/s worst p99 %s ms", writesName,
                written.getTotalCount() / seconds, ms(written.getValueAtPercentile(99)), readsName, read / seconds,
                ms(readP99));
    }

    /** Microseconds as milliseconds with two decimals. */
    public static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
