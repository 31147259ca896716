package dev.paddock.bench.results;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./mvnw -q -pl bench -am compile exec:exec@results -Dresults.args="--start-app true"}: a marathon's finish
 * replayed while the public looks results up, against a Paddock server of its own or {@code --base-url} with
 * {@code --jdbc-url}; exit code 1 when a check fails, 2 on a bad command line. Also reachable as the load
 * generator's {@code results-rush} scenario. See bench/README.md.
 */
public final class ResultsRushBench {

    private ResultsRushBench() {
    }

    public static void main(String[] args) throws Exception {
        ResultsRushOptions options;
        try {
            List<String> arguments = Arrays.asList(args);
            options = ResultsRushOptions.parse(!arguments.isEmpty() && arguments.getFirst().equals("results-rush")
                    ? arguments.subList(1, arguments.size()) : arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ResultsRushOptions.USAGE);
            System.exit(2);
            return;
        }
        ResultsRush.Figures figures = ResultsRush.run(options, System.out);
        ResultsRushReport.print(System.out, figures);
        System.exit(figures.passed() ? 0 : 1);
    }
}
