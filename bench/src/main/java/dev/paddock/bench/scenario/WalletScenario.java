package dev.paddock.bench.scenario;

import dev.paddock.bench.Options;
import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.PaddockApi.Tokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deposits and withdrawals on many wallets. Set-up signs up {@code --accounts} accounts at
 * {@code --signup-rate} per second (login is rate-limited) and funds each; the load is then a
 * deterministic mix of deposits and withdrawals of {@code --amount} cents, each with a unique
 * Idempotency-Key, spread round-robin over the accounts. Access tokens (5 minutes) are refreshed in the
 * background a minute before they expire. Some withdrawals may be refused with 409 insufficient-funds;
 * the report counts them by problem type.
 */
final class WalletScenario implements Scenario {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AtomicReference<Tokens>> accounts = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("token-refresher").factory());
    private PaddockApi api;
    private long amount;
    private double withdrawShare;

    @Override
    public void prepare(PaddockApi api, Options options) throws Exception {
        this.api = api;
        int count = (int) options.number("accounts", 20);
        amount = (long) options.number("amount", 1000);
        withdrawShare = options.number("withdraw-share", 0.5);
        Duration pace = Duration.ofNanos((long) (1e9 / options.number("signup-rate", 2)));
        String password = "bench-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + run + "-" + i + "@bench.paddock.dev";
            api.signUp(email, password, "Bench " + run + " " + i);
            Tokens tokens = api.logIn(email, password);
            Outcome funding = api.send(api.request("/api/wallet/deposits", tokens.accessToken())
                    .header("Idempotency-Key", run + "-funding-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(api.json(Map.of("amount", amount * 100))))
                    .build()).join();
            if (!funding.accepted()) {
                throw new IllegalStateException("Funding " + email + " was refused: " + funding);
            }
            accounts.add(new AtomicReference<>(tokens));
            Thread.sleep(pace);
        }
        refresher.scheduleWithFixedDelay(() -> api.refreshExpiring(accounts), 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public HttpRequest request(long sequence) {
        Tokens tokens = accounts.get((int) (sequence % accounts.size())).get();
        String path = isWithdrawal(sequence) ? "/api/wallet/withdrawals" : "/api/wallet/deposits";
        return api.request(path, tokens.accessToken())
                .header("Idempotency-Key", run + "-" + sequence)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}"))
                .build();
    }

    @Override
    public String describe() {
        return accounts.size() + " accounts, " + amount + "-cent movements, "
                + Math.round(withdrawShare * 100) + "% withdrawals";
    }

    /** A fixed pseudo-random split (golden-ratio hashing), so two runs send the same mix. */
    private boolean isWithdrawal(long sequence) {
        double unit = ((sequence * 0x9E3779B97F4A7C15L) >>> 11) / (double) (1L << 53);
        return unit < withdrawShare;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
