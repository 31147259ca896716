package dev.paddock.bench.results;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.Results;
import dev.paddock.bench.Target;
import dev.paddock.bench.events.Athletes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;

/**
 * The public's result lookups during the finish, anonymous, as kinds measured apart, which together take
 * {@code --rate} requests per second in the shares below: searches by name (a surname, or first name and surname)
 * and by bib, ranking pages as JSON (overall, gender and category, groups and the first ten pages of 50 drawn at
 * random), athlete pages as JSON, and the results pages as HTML (a ranking page of 100, an athlete page), which
 * take {@code htmlShare} of the lookups (0.15 by default) while the JSON kinds share the rest in the same proportions.
 * Athletes and pages are drawn from a fixed seed per kind and request number.
 */
record Lookups(String name, double share, String accept, LongFunction<String> path, Results results) {

    static List<Lookups> of(String raceId, int runners, Athletes athletes, List<String> genders,
            List<String> categories, double htmlShare, long seed) {
        double json = (1 - htmlShare) / 0.85;
        double html = htmlShare / 0.15;
        String api = "/api/results/races/" + raceId;
        String page = "/results/races/" + raceId;
        return List.of(
                new Lookups("search by name", 0.12 * json, "application/json", n -> {
                    Athletes.Athlete athlete = athletes.athlete(1 + random(seed, n).nextInt(runners));
                    String q = n % 2 == 0 ? athlete.lastName() : athlete.firstName() + " " + athlete.lastName();
                    return api + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
                }, new Results()),
                new Lookups("search by bib", 0.08 * json, "application/json",
                        n -> api + "/search?q=" + (1 + random(seed, n).nextInt(runners)), new Results()),
                new Lookups("ranking JSON", 0.35 * json, "application/json", n -> {
                    SplittableRandom random = random(seed, n);
                    int kind = random.nextInt(3);
                    String group = kind == 0 ? "" : "&group=" + URLEncoder.encode(pick(random,
                            kind == 1 ? genders : categories), StandardCharsets.UTF_8);
                    String code = kind == 0 ? "overall" : kind == 1 ? "gender" : "category";
                    return api + "/rankings/" + code + "?page=" + random.nextInt(10) + "&size=50" + group;
                }, new Results()),
                new Lookups("athlete JSON", 0.30 * json, "application/json",
                        n -> api + "/athletes/" + (1 + random(seed, n).nextInt(runners)), new Results()),
                new Lookups("ranking HTML", 0.08 * html, "text/html",
                        n -> page + "?ranking=overall&page=" + random(seed, n).nextInt(10), new Results()),
                new Lookups("athlete HTML", 0.07 * html, "text/html",
                        n -> page + "/athletes/" + (1 + random(seed, n).nextInt(runners)), new Results()));
    }

    /**
     * Which kind request n of one schedule for all of them is: a fixed golden-ratio draw against the kinds' shares,
     * so every stretch of the run gets each kind in its share.
     */
    static LongToIntFunction kindOf(List<Lookups> kinds) {
        double[] upTo = new double[kinds.size()];
        double total = kinds.stream().mapToDouble(Lookups::share).sum();
        double sum = 0;
        for (int i = 0; i < upTo.length; i++) {
            sum += kinds.get(i).share() / total;
            upTo[i] = sum;
        }
        return n -> {
            double u = ((n * 0x9E3779B97F4A7C15L) >>> 11) / (double) (1L << 53);
            for (int i = 0; i < upTo.length - 1; i++) {
                if (u < upTo[i]) {
                    return i;
                }
            }
            return upTo.length - 1;
        };
    }

    /** Through the JDK client ({@code --client jdk}). */
    Target on(PaddockApi api) {
        return sequence -> api.send(api.anonymousGet(path.apply(sequence), accept));
    }

    /** Through the lookups' keep-alive client; the body is skipped. */
    Target on(KeepAliveClient client) {
        return sequence -> client.get(path.apply(sequence), "Accept", accept);
    }

    private static SplittableRandom random(long seed, long n) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.isEmpty() ? "" : values.get(random.nextInt(values.size()));
    }
}
