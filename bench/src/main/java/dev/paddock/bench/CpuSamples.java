package dev.paddock.bench;

import java.util.Locale;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** The server's CPU usage, sampled about once a second during the measured part of the run. */
public final class CpuSamples {

    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();
    private final DoubleAccumulator max = new DoubleAccumulator(Math::max, 0);

    public void add(double usage) {
        sum.add(usage);
        count.increment();
        max.accumulate(usage);
    }

    public String describe() {
        long n = count.sum();
        if (n == 0) {
            return "unknown (no sample from the OS or /actuator/prometheus)";
        }
        return String.format(Locale.ROOT, "mean %.0f%%, max %.0f%% of its cores (%d samples a second apart)",
                sum.sum() / n * 100, max.get() * 100, n);
    }
}
