package dev.paddock.bench.scenario;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The scenarios the command line knows, by name. */
public final class Scenarios {

    private static final Map<String, Supplier<Scenario>> ALL = Map.of(
            "baseline", BaselineScenario::new,
            "wallet", WalletScenario::new,
            "tote", ToteScenario::new);

    private Scenarios() {
    }

    public static Scenario named(String name) {
        Supplier<Scenario> scenario = ALL.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + names());
        }
        return scenario.get();
    }

    /** The scenarios plus events-rush, which runs on its own runner ({@code dev.paddock.bench.events.RushBench}). */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(ALL.keySet());
        names.add("events-rush");
        return names;
    }
}
