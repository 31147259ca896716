package dev.paddock.bench.events;

import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.PaddockApi.Tokens;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rush's buyer accounts, set up before the opening as athletes do (an account, signed in, money in the
 * wallet): each signed up through {@code POST /api/accounts}, signed in, and funded by deposits through the
 * wallet API. Sign-up and sign-in each cost an Argon2id hash (16 MiB, 2 passes), which is why the rush uses fewer
 * accounts than athletes (a club secretary or a parent registers several people).
 */
final class Buyers {

    /** The wallet API's largest single deposit (paddock.wallet.max-deposit, 10,000.00). */
    static final long MAX_DEPOSIT_CENTS = 1_000_000;

    /** One buyer: its account, current tokens and what its wallet was funded with. */
    record Buyer(int index, String accountId, AtomicReference<Tokens> tokens, long fundedCents) {
    }

    private Buyers() {
    }

    static List<Buyer> create(PaddockApi api, String run, int count, long fundingCents, int threads, PrintStream out)
            throws Exception {
        String password = "rush-" + run + "-secret";
        AtomicInteger done = new AtomicInteger();
        List<Future<Buyer>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> {
                    Buyer buyer = create(api, run, index, password, fundingCents);
                    int created = done.incrementAndGet();
                    if (created % 500 == 0) {
                        out.println("  " + created + " of " + count + " buyers signed up and funded");
                    }
                    return buyer;
                }));
            }
            List<Buyer> buyers = new ArrayList<>();
            for (Future<Buyer> buyer : pending) {
                buyers.add(buyer.get());
            }
            return buyers;
        }
    }

    /** Fresh access tokens for every buyer (they last 5 minutes), so none expires during the rush. */
    static void refreshAll(PaddockApi api, List<Buyer> buyers, int threads) throws Exception {
        List<Future<?>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Buyer buyer : buyers) {
                pending.add(pool.submit(() -> {
                    buyer.tokens().set(api.refresh(buyer.tokens().get()));
                    return null;
                }));
            }
            for (Future<?> refreshed : pending) {
                refreshed.get();
            }
        }
    }

    private static Buyer create(PaddockApi api, String run, int index, String password, long fundingCents)
            throws Exception {
        String email = "buyer-" + index + "-" + run + "@rush.bench.paddock.dev";
        String accountId = api.signUp(email, password, "Rush buyer " + index);
        Tokens tokens = api.logIn(email, password);
        long left = fundingCents;
        for (int deposit = 0; left > 0; deposit++) {
            long amount = Math.min(left, MAX_DEPOSIT_CENTS);
            Outcome funding = api.send(api.request("/api/wallet/deposits", tokens.accessToken())
                    .header("Idempotency-Key", "rush-" + run + "-funding-" + deposit)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")).build()).join();
            if (!funding.accepted()) {
                throw new IllegalStateException("Funding " + email + " was refused: " + funding);
            }
            left -= amount;
        }
        return new Buyer(index, accountId, new AtomicReference<>(tokens), fundingCents);
    }
}
