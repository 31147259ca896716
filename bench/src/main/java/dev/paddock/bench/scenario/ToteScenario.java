package dev.paddock.bench.scenario;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.Options;
import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.PaddockApi.Tokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Tote bets before a race. Set-up, as the demo operator ({@code operator@paddock.dev}, so the server needs
 * its demo data): a meeting, a 16-runner race offering the usual bet types, four more races and a Big 5 over
 * the five, all opened; then {@code --accounts} customers signed up, each funded with 10,000 EUR. The load
 * is a fixed pseudo-random mix close to a PMU race's: mostly Simple Gagnant/Placé and Couplé unit bets, some
 * combined Couplé and Tiercé, Quarté+ champs, Quinté+ units and Big 5 tickets with several runners in some
 * legs; each with a unique requestId, round-robin over the accounts. With {@code --ack-file}, the account
 * and requestId of every accepted bet are written there, for the durability check. Bets go over the lean
 * {@link KeepAliveClient} ({@code --connections} keep-alive connections, 256 by default), or over the JDK
 * {@code HttpClient} with {@code --client jdk}, to compare.
 */
final class ToteScenario implements Scenario {

    private static final int RUNNERS = 16;
    private static final String BETS = "/api/tote/bets";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AtomicReference<Tokens>> accounts = new ArrayList<>();
    private final List<String> accountIds = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("token-refresher").factory());
    private final Map<String, String> pools = new java.util.HashMap<>();
    private PaddockApi api;
    private KeepAliveClient client;
    private BufferedWriter acknowledged;

    @Override
    public void prepare(PaddockApi api, Options options) throws Exception {
        this.api = api;
        Tokens operator = api.logIn("operator@paddock.dev", "paddock-operator");
        List<String> races = new ArrayList<>();
        JsonNode meeting = meeting(operator.accessToken());
        Instant start = Instant.now().plus(Duration.ofMinutes(100));
        for (int number = 1; number <= 5; number++) {
            List<String> types = number == 1
                    ? List.of("SIMPLE_GAGNANT", "SIMPLE_PLACE", "COUPLE_GAGNANT", "TIERCE", "QUARTE_PLUS", "QUINTE_PLUS")
                    : List.of("SIMPLE_GAGNANT");
            JsonNode race = api.call("/api/tote/ops/meetings/" + meeting.get("id").asString() + "/races",
                    operator.accessToken(), Map.of("number", number, "name", "Prix du banc " + number,
                            "startsAt", start.plus(Duration.ofMinutes(30L * (number - 1))).toString(),
                            "runners", IntStream.rangeClosed(1, RUNNERS).mapToObj(n -> Map.of("number", n, "name",
                                    "Cheval " + n)).toList(), "betTypes", types), 201);
            races.add(race.get("id").asString());
            if (number == 1) {
                for (JsonNode pool : race.get("pools")) {
                    if (pool.get("family").asString().equals("ONLINE")) {
                        pools.put(pool.get("betType").asString(), pool.get("id").asString());
                    }
                }
            }
        }
        for (String race : races) {
            try {
                api.call("/api/tote/ops/races/" + race + "/open", operator.accessToken(), null, 200);
            } catch (IOException alreadyOpen) {
                // opened by the automatic opening (open-before)
            }
        }
        for (JsonNode pool : api.call("/api/tote/ops/big5", operator.accessToken(), Map.of("raceIds", races), 201)) {
            if (pool.get("family").asString().equals("ONLINE")) {
                pools.put("BIG5", pool.get("id").asString());
            }
        }

        int count = (int) options.number("accounts", 200);
        Duration pace = Duration.ofNanos((long) (1e9 / options.number("signup-rate", 20)));
        String password = "bench-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            String email = "tote-" + run + "-" + i + "@bench.paddock.dev";
            accountIds.add(api.signUp(email, password, "Tote " + run + " " + i));
            Tokens tokens = api.logIn(email, password);
            Outcome funding = api.send(api.request("/api/wallet/deposits", tokens.accessToken())
                    .header("Idempotency-Key", run + "-funding-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1000000}")).build()).join();
            if (!funding.accepted()) {
                throw new IllegalStateException("Funding " + email + " was refused: " + funding);
            }
            accounts.add(new AtomicReference<>(tokens));
            Thread.sleep(pace);
        }
        String ackFile = options.text("ack-file", null);
        if (ackFile != null) {
            acknowledged = Files.newBufferedWriter(Path.of(ackFile));
        }
        refresher.scheduleWithFixedDelay(() -> api.refreshExpiring(accounts), 30, 30, TimeUnit.SECONDS);
        if (!"jdk".equals(options.text("client", "lean"))) {
            client = new KeepAliveClient(options.baseUrl(), (int) options.number("connections", 256), Duration.ofSeconds(30));
        }
    }

    private JsonNode meeting(String token) throws Exception {
        for (int attempt = 0; ; attempt++) {
            LocalDate date = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(1, 3000));
            try {
                return api.call("/api/tote/ops/meetings", token, Map.of("date", date.toString(),
                        "number", ThreadLocalRandom.current().nextInt(1, 100), "venue", "Bench", "country", "FR"), 201);
            } catch (IOException taken) {
                if (attempt > 20) {
                    throw taken;
                }
            }
        }
    }

    @Override
    public HttpRequest request(long sequence) {
        int account = (int) (sequence % accounts.size());
        return api.request(BETS, accounts.get(account).get().accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(bet(sequence))).build();
    }

    @Override
    public CompletableFuture<Outcome> send(PaddockApi api, long sequence) {
        CompletableFuture<Outcome> answer = client == null ? api.send(request(sequence))
                : client.postJson(BETS, accounts.get((int) (sequence % accounts.size())).get().accessToken(), bet(sequence));
        if (acknowledged == null) {
            return answer;
        }
        return answer.thenApply(outcome -> {
            if (outcome.accepted()) {
                String line = accountIds.get((int) (sequence % accounts.size())) + " " + requestId(sequence) + "\n";
                synchronized (this) {
                    try {
                        acknowledged.write(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return outcome;
        });
    }

    private String requestId(long sequence) {
        return run + "-" + sequence;
    }

    /** The bet of request n: a fixed pseudo-random draw, so two runs send the same mix. */
    private String bet(long sequence) {
        long hash = sequence * 0x9E3779B97F4A7C15L;
        int pick = (int) Long.remainderUnsigned(hash >>> 7, 100);
        int[] r = runners(hash);
        String body;
        if (pick < 35) {
            body = bet("SIMPLE_GAGNANT", "UNIT", "\"runners\":[" + r[0] + "]", 150);
        } else if (pick < 55) {
            body = bet("SIMPLE_PLACE", "UNIT", "\"runners\":[" + r[0] + "]", 150);
        } else if (pick < 75) {
            body = bet("COUPLE_GAGNANT", "UNIT", "\"runners\":[" + r[0] + "," + r[1] + "]", 100);
        } else if (pick < 80) {
            body = bet("COUPLE_GAGNANT", "COMBINED", "\"runners\":[" + r[0] + "," + r[1] + "," + r[2] + "]", 100);
        } else if (pick < 85) {
            body = bet("TIERCE", "UNIT", "\"runners\":[" + r[0] + "," + r[1] + "," + r[2] + "]", 100);
        } else if (pick < 87) {
            body = bet("TIERCE", "COMBINED", "\"runners\":[" + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "]", 100);
        } else if (pick < 91) {
            body = bet("QUARTE_PLUS", "UNIT", "\"runners\":[" + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "]", 130);
        } else if (pick < 92) {
            body = bet("QUARTE_PLUS", "CHAMP", "\"bases\":[" + r[0] + "," + r[1] + "," + r[2] + "],\"partners\":["
                    + r[3] + "," + r[4] + "]", 130);
        } else if (pick < 97) {
            body = bet("QUINTE_PLUS", "UNIT", "\"runners\":[" + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "," + r[4]
                    + "]", 200);
        } else {
            body = bet("BIG5", "LEGS", "\"legs\":[[" + r[0] + "," + r[1] + "],[" + r[2] + "],[" + r[3] + "],[" + r[4]
                    + "," + r[5] + "],[" + r[6] + "]]", 100);
        }
        return "{\"requestId\":\"" + requestId(sequence) + "\"," + body + "}";
    }

    private String bet(String type, String formulation, String runners, long stake) {
        return "\"poolId\":\"" + pools.get(type) + "\",\"stake\":" + stake + ",\"formulation\":{\"type\":\""
                + formulation + "\"," + runners + "}";
    }

    /** Seven distinct runners, favourites (low numbers) drawn more often, as real pools are. */
    private static int[] runners(long hash) {
        int[] picked = new int[7];
        boolean[] used = new boolean[RUNNERS + 1];
        long state = hash;
        for (int i = 0; i < picked.length; i++) {
            int runner;
            do {
                state = state * 6364136223846793005L + 1442695040888963407L;
                double u = (state >>> 11) / (double) (1L << 53);
                runner = 1 + (int) (RUNNERS * u * u);
            } while (used[runner]);
            used[runner] = true;
            picked[i] = runner;
        }
        return picked;
    }

    @Override
    public String describe() {
        return accounts.size() + " accounts, 1 race of " + RUNNERS + " runners (Simple, Couplé, Tiercé, Quarté+, Quinté+)"
                + " and a Big 5" + (acknowledged == null ? "" : "; accepted bets written to the ack file")
                + (client == null ? "; JDK HttpClient" : "; keep-alive client");
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        if (client != null) {
            client.close();
        }
        if (acknowledged != null) {
            synchronized (this) {
                try {
                    acknowledged.close();
                } catch (IOException e) {
                    System.err.println("Could not close the ack file: " + e.getMessage());
                }
            }
        }
    }
}
