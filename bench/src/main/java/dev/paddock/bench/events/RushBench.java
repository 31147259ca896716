package dev.paddock.bench.events;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./mvnw -q -pl bench -am package -DskipTests exec:exec@rush -Drush.args="--start-app true"}: the events
 * registration opening rush, against a Paddock server of its own or {@code --base-url}; exit code 1 when a check
 * fails, 2 on a bad command line. Also reachable as the load generator's {@code events-rush} scenario. See
 * bench/README.md.
 */
public final class RushBench {

    private RushBench() {
    }

    public static void main(String[] args) throws Exception {
        RushOptions options;
        try {
            List<String> arguments = Arrays.asList(args);
            options = RushOptions.parse(!arguments.isEmpty() && arguments.getFirst().equals("events-rush")
                    ? arguments.subList(1, arguments.size()) : arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(RushOptions.USAGE);
            System.exit(2);
            return;
        }
        Rush.Figures figures = Rush.run(options, System.out);
        RushReport.print(System.out, figures);
        System.exit(figures.passed() ? 0 : 1);
    }
}
