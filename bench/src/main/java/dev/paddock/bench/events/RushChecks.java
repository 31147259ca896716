package dev.paddock.bench.events;

import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.events.Buyers.Buyer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after the rush, checked through the public, wallet and registration APIs, and in PostgreSQL when
 * the runner owns the database ({@code --start-app} or {@code --jdbc-url}): every attempt's outcome known, exactly
 * {@code --places} CONFIRMED, no buyer charged more or less than its confirmed registrations, and no acknowledged
 * registration missing.
 */
final class RushChecks {

    /** One check: what it says, whether it held, and the figures behind it. */
    record Check(String name, boolean passed, String detail) {
    }

    private static final int AT_ONCE = 64;

    private final PaddockApi api;
    private final RushOptions options;
    private final RushEvent event;
    private final List<Buyer> buyers;
    private final Attempts attempts;

    RushChecks(PaddockApi api, RushOptions options, RushEvent event, List<Buyer> buyers, Attempts attempts) {
        this.api = api;
        this.options = options;
        this.event = event;
        this.buyers = buyers;
        this.attempts = attempts;
    }

    List<Check> all() throws Exception {
        List<Check> checks = new ArrayList<>();
        Ledger ledger = Ledger.of(attempts, buyers.size());
        checks.add(new Check("every sent attempt has a known outcome (after replays)", ledger.unknown() == 0,
                ledger.unknown() + " unknown"));
        checks.add(new Check("exactly --places registrations acknowledged CONFIRMED", ledger.confirmed() == options.places(),
                ledger.confirmed() + " confirmed of " + options.places() + " places"));
        checks.add(new Check("every CONFIRMED answer charged the race's price", ledger.offPrice(options.priceCents()) == 0,
                ledger.offPrice(options.priceCents()) + " confirmed orders with another total"));
        Thread.sleep(1_500); // the public remaining count may lag up to a second
        long remaining = event.publicRace(api).get("remaining").asLong();
        checks.add(new Check("the public event API shows no place left", remaining == 0, "remaining " + remaining));
        checks.add(organizerCount());
        checks.add(wallets(ledger));
        checks.add(orders());
        if (options.jdbcUrl() != null) {
            try (Connection database = DriverManager.getConnection(options.jdbcUrl())) {
                checks.addAll(new DatabaseChecks(database, event, buyers, ledger).all(options.places()));
            } catch (SQLException e) {
                checks.add(new Check("the checks in PostgreSQL ran", false, e.getMessage()));
            }
        }
        return checks;
    }

    /** The organizer's participant list ({@code GET /api/events/organizer/events/{id}/participants}) counts them. */
    private Check organizerCount() throws IOException, InterruptedException {
        String token = api.logIn(RushEvent.ORGANIZER, RushEvent.ORGANIZER_PASSWORD).accessToken();
        HttpResponse<String> answer = api.exchange("GET", "/api/events/organizer/events/" + event.eventId()
                + "/participants?race=" + event.raceId() + "&status=CONFIRMED", token, null);
        JsonNode total = answer.statusCode() == 200 ? api.read(answer.body()).get("total") : null;
        return new Check("the organizer's participant API counts exactly --places CONFIRMED",
                total != null && total.asLong() == options.places(), total != null ? "total " + total.asLong()
                        : "answered " + answer.statusCode() + " without a total");
    }

    /** No double charge: each buyer's wallet (wallet API) = its funding - the totals of its confirmed orders. */
    private Check wallets(Ledger ledger) {
        AtomicInteger off = new AtomicInteger();
        List<String> examples = new ArrayList<>();
        inParallel(buyers.size(), i -> {
            Buyer buyer = buyers.get(i);
            HttpResponse<String> wallet = api.exchange("GET", "/api/wallet", buyer.tokens().get().accessToken(), null);
            long expected = buyer.fundedCents() - ledger.chargedCents(buyer.index());
            long balance = wallet.statusCode() == 200 ? api.read(wallet.body()).get("balance").asLong() : -1;
            if (balance != expected) {
                off.incrementAndGet();
                synchronized (examples) {
                    if (examples.size() < 5) {
                        examples.add(buyer.accountId() + ": " + balance + " instead of " + expected);
                    }
                }
            }
        });
        return new Check("no double charge: each wallet = deposits - price x its confirmed registrations",
                off.get() == 0, off.get() + " of " + buyers.size() + " wallets off" + (examples.isEmpty() ? ""
                        : " " + examples));
    }

    /** No acknowledged confirmation missing: each one is in its order ({@code GET /api/events/orders/{id}}). */
    private Check orders() {
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        List<Integer> confirmed = new ArrayList<>();
        for (int n = 0; n < attempts.count(); n++) {
            Answer answer = attempts.outcome(n);
            if (answer != null && answer.confirmed()) {
                confirmed.add(n);
            }
        }
        inParallel(confirmed.size(), i -> {
            int n = confirmed.get(i);
            Answer answer = attempts.outcome(n);
            HttpResponse<String> order = api.exchange("GET", "/api/events/orders/" + answer.orderId(),
                    attempts.buyer(n).tokens().get().accessToken(), null);
            checked.incrementAndGet();
            if (order.statusCode() != 200 || !holds(api.read(order.body()), answer.registrationId())) {
                missing.incrementAndGet();
            }
        });
        return new Check("every acknowledged CONFIRMED registration is CONFIRMED in its order (orders API)",
                missing.get() == 0, missing.get() + " missing of " + checked.get());
    }

    private static boolean holds(JsonNode order, String registrationId) {
        for (JsonNode registration : order.get("registrations")) {
            if (registration.get("id").asString().equals(registrationId)) {
                return Answer.CONFIRMED.equals(registration.get("status").asString());
            }
        }
        return false;
    }

    @FunctionalInterface
    interface Step {
        void run(int index) throws IOException, InterruptedException;
    }

    /** Runs {@code step} for 0..count-1, {@value #AT_ONCE} at a time on virtual threads. */
    static void inParallel(int count, Step step) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            inParallel(count, step, threads);
        }
    }

    private static void inParallel(int count, Step step, ExecutorService threads) {
        for (int from = 0; from < count; from += AT_ONCE) {
            List<CompletableFuture<Void>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + AT_ONCE); i++) {
                int index = i;
                batch.add(CompletableFuture.runAsync(() -> {
                    try {
                        step.run(index);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * The generator's side of the books, from the final outcome of every attempt: how many confirmed, how many
     * unknown, and what each buyer was charged according to the answers it received.
     */
    record Ledger(int confirmed, int unknown, long[] charged, List<Long> totals, Map<String, String> acknowledged) {

        static Ledger of(Attempts attempts, int buyers) {
            int confirmed = 0;
            int unknown = 0;
            long[] charged = new long[buyers];
            List<Long> totals = new ArrayList<>();
            Map<String, String> acknowledged = new HashMap<>();
            for (int n = 0; n < attempts.count(); n++) {
                Answer answer = attempts.outcome(n);
                if (attempts.wasSent(n) && (answer == null || answer.unknown())) {
                    unknown++;
                } else if (answer != null && answer.acknowledged()) {
                    acknowledged.put(answer.registrationId(), answer.label());
                    if (answer.confirmed()) {
                        confirmed++;
                        charged[n % buyers] += answer.totalCents();
                        totals.add(answer.totalCents());
                    }
                }
            }
            return new Ledger(confirmed, unknown, charged, totals, acknowledged);
        }

        long chargedCents(int buyer) {
            return charged[buyer];
        }

        long offPrice(long price) {
            return totals.stream().filter(total -> total != price).count();
        }
    }
}
