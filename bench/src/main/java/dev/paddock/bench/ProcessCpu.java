package dev.paddock.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's CPU as a share of the machine's cores since the previous sample, read from the operating system
 * (the process's total CPU time, {@link ProcessHandle.Info#totalCpuDuration()}) when the runner knows the server's
 * process: it started it ({@code --start-app}) or was given its pid ({@code --server-pid}). Asking the server
 * itself ({@code /actuator/prometheus}) makes Micrometer collect every meter, about 40 ms of the server's CPU a
 * scrape at an opening's peak, ~4% of what it had then (session 10); a Prometheus server scraping every 15 s costs
 * a fifteenth of that, so the benches no longer charge it to the server once a second.
 */
public final class ProcessCpu {

    private final Supplier<Optional<Duration>> cpuTime;
    private final LongSupplier nanoTime;
    private final int cores;
    private long lastCpu = -1;
    private long lastWall;

    ProcessCpu(Supplier<Optional<Duration>> cpuTime, LongSupplier nanoTime, int cores) {
        this.cpuTime = cpuTime;
        this.nanoTime = nanoTime;
        this.cores = cores;
    }

    /** A probe of the process {@code pid} of this machine, or empty if there is none (or the OS tells no CPU time). */
    public static Optional<ProcessCpu> of(long pid) {
        return ProcessHandle.of(pid)
                .filter(process -> process.info().totalCpuDuration().isPresent())
                .map(process -> new ProcessCpu(() -> process.info().totalCpuDuration(), System::nanoTime,
                        Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The runner's probe of the server's CPU: the OS's for the process {@code pid} when given and found on this
     * machine, else the server's own {@code process_cpu_usage} series.
     */
    public static Supplier<OptionalDouble> forServer(OptionalLong pid, PaddockApi api) {
        Optional<ProcessCpu> process = pid.isPresent() ? of(pid.getAsLong()) : Optional.empty();
        return process.<Supplier<OptionalDouble>>map(probe -> probe::sample).orElse(api::serverCpu);
    }

    /**
     * The share of all cores (0 to 1) the process used since the previous call; empty on the first call, which
     * starts the count, and whenever its CPU time cannot be read (the process gone).
     */
    public synchronized OptionalDouble sample() {
        Optional<Duration> cpu = cpuTime.get();
        long wall = nanoTime.getAsLong();
        if (cpu.isEmpty()) {
            lastCpu = -1;
            return OptionalDouble.empty();
        }
        long nanos = cpu.get().toNanos();
        OptionalDouble share = lastCpu < 0 || wall <= lastWall
                ? OptionalDouble.empty()
                : OptionalDouble.of((nanos - lastCpu) / (double) (wall - lastWall) / cores);
        lastCpu = nanos;
        lastWall = wall;
        return share;
    }
}
