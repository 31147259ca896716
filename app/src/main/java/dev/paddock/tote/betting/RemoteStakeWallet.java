package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The remote wallet's HTTP client (JDK {@link HttpClient}, HTTP/1.1 keep-alive, calls on virtual threads, a
 * timeout per call). Every call is idempotent on the remote side by debit id (the bet id), so a call whose
 * answer was lost is simply made again, up to {@code attempts} times. With {@code batches} (the default) one
 * call carries up to {@code batch-size} debits or reversals, answered item by item; an item missing from the
 * answer was not decided and goes again in the next attempt, alone with the others missing:
 * <pre>
 * POST {url}/debits/batch      {"debits": [{"debitId", "account", "amount" (cents)}, ...]}
 *      -> 200 {"results": [{"debitId", "status": "DEBITED" | "INSUFFICIENT_FUNDS" | "REVERSED"}, ...]}
 * POST {url}/reversals/batch   {"debitIds": [...]}  -> 200 {"results": [{"debitId", "status": "REVERSED"}, ...]}
 * </pre>
 * Without, one call per debit or reversal, for wallets that do not batch:
 * <pre>
 * POST {url}/debits                      {"debitId", "account", "amount"} -> 200 {"status": ...}
 * POST {url}/debits/{debitId}/reversal   -> 200 {"status": "REVERSED"}
 * </pre>
 */
@Component
@ConditionalOnProperty(name = "paddock.tote.betting.wallet", havingValue = "remote")
class RemoteStakeWallet {

    private static final Logger log = LoggerFactory.getLogger(RemoteStakeWallet.class);
    private static final String URL = "paddock.tote.betting.remote-wallet.url";

    /** What became of a debit; UNAVAILABLE: every attempt timed out or failed, the debit may or may not be taken. */
    enum Debit {
        DEBITED, INSUFFICIENT_FUNDS, REVERSED, UNAVAILABLE
    }

    /** A stake to take from an account, its debit id the bet id. */
    record DebitOrder(UUID debitId, AccountId account, long cents) {
    }

    private final JsonMapper json;
    private final Duration timeout;
    private final int attempts;
    private final boolean batches;
    private final int batchSize;
    private final HttpClient http;
    private final Semaphore connections;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final String url;

    /** @param fake the app's fake remote wallet, used when no URL is set (tests, benchmarks) */
    RemoteStakeWallet(Environment environment, JsonMapper json, BettingProperties properties,
            Optional<FakeRemoteWallet> fake) {
        BettingProperties.RemoteWallet settings = properties.remoteWallet();
        String configured = environment.getProperty(URL, "");
        this.url = !configured.isBlank() ? configured : fake.map(FakeRemoteWallet::url).orElseThrow(
                () -> new IllegalStateException(URL + " is not set and the fake remote wallet is not enabled"));
        this.json = json;
        this.timeout = settings.timeout();
        this.attempts = settings.attempts();
        this.batches = settings.batches();
        this.batchSize = Math.max(1, settings.batchSize());
        this.connections = new Semaphore(settings.maxCalls());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** The debits' outcomes, in order: one call per chunk of {@code batch-size} (or per debit), all at once. */
    List<Debit> debitAll(List<DebitOrder> orders) {
        return batches ? inChunks(orders, this::debitBatch) : inChunks(orders, one -> List.of(debit(one.getFirst())));
    }

    /** Whether the remote wallet acknowledged each reversal (of a debit taken or never taken), in order. */
    List<Boolean> reverseAll(List<UUID> debitIds) {
        return batches ? inChunks(debitIds, this::reverseBatch)
                : inChunks(debitIds, one -> List.of(reverse(one.getFirst())));
    }

    Debit debit(DebitOrder order) {
        JsonNode answer = call("/debits", json.writeValueAsString(item(order)));
        return answer == null ? Debit.UNAVAILABLE : Debit.valueOf(answer.get("status").asString());
    }

    boolean reverse(UUID debitId) {
        return call("/debits/" + debitId + "/reversal", "{}") != null;
    }

    private List<Debit> debitBatch(List<DebitOrder> orders) {
        Map<UUID, String> decided = batch("/debits/batch", orders, DebitOrder::debitId, undecided -> {
            ObjectNode body = json.createObjectNode();
            ArrayNode items = body.putArray("debits");
            undecided.forEach(order -> items.add(item(order)));
            return body;
        });
        return orders.stream().map(order -> {
            String status = decided.get(order.debitId());
            return status == null ? Debit.UNAVAILABLE : Debit.valueOf(status);
        }).toList();
    }

    private List<Boolean> reverseBatch(List<UUID> debitIds) {
        Map<UUID, String> decided = batch("/reversals/batch", debitIds, id -> id, undecided -> {
            ObjectNode body = json.createObjectNode();
            ArrayNode items = body.putArray("debitIds");
            undecided.forEach(id -> items.add(id.toString()));
            return body;
        });
        return debitIds.stream().map(id -> "REVERSED".equals(decided.get(id))).toList();
    }

    /**
     * One batch call per attempt with the items still undecided; returns the status of each decided item by
     * debit id (an item never answered is absent).
     */
    private <T> Map<UUID, String> batch(String path, List<T> items, Function<T, UUID> idOf,
            Function<List<T>, ObjectNode> body) {
        Map<UUID, String> decided = new HashMap<>();
        List<T> undecided = items;
        for (int attempt = 1; attempt <= attempts && !undecided.isEmpty(); attempt++) {
            JsonNode answer = send(path, json.writeValueAsString(body.apply(undecided)), attempt);
            if (answer != null) {
                for (JsonNode result : answer.get("results")) {
                    decided.put(UUID.fromString(result.get("debitId").asString()), result.get("status").asString());
                }
                undecided = undecided.stream().filter(item -> !decided.containsKey(idOf.apply(item))).toList();
            }
        }
        if (!undecided.isEmpty()) {
            log.warn("Remote wallet call {} left {} of {} items undecided after {} attempts", path, undecided.size(),
                    items.size(), attempts);
        }
        return decided;
    }

    private ObjectNode item(DebitOrder order) {
        return json.createObjectNode().put("debitId", order.debitId().toString())
                .put("account", order.account().value().toString()).put("amount", order.cents());
    }

    /** The answer, or null when every attempt failed. */
    private JsonNode call(String path, String body) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            JsonNode answer = send(path, body, attempt);
            if (answer != null) {
                return answer;
            }
        }
        log.warn("Remote wallet call {} failed {} times", path, attempts);
        return null;
    }

    /** One attempt: the answer of a 200, or null (timeout, connection failure, another status). */
    private JsonNode send(String path, String body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            log.debug("Remote wallet answered {} to {} (attempt {})", response.statusCode(), path, attempt);
        } catch (IOException e) {
            log.debug("Remote wallet call {} failed (attempt {}): {}", path, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * At most {@code max-calls} at once: a batch's calls all at once would each open a connection (HTTP/1.1)
     * and overflow the remote side's accept queue; past the first batches the connections are reused.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        connections.acquire();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            connections.release();
        }
    }

    /** Splits the items into chunks of {@code batch-size} (or of one), calls each on its virtual thread. */
    private <T, R> List<R> inChunks(List<T> items, Function<List<T>, List<R>> call) {
        int size = batches ? batchSize : 1;
        List<CompletableFuture<List<R>>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + size));
            chunks.add(CompletableFuture.supplyAsync(() -> call.apply(chunk), calls));
        }
        List<R> results = new ArrayList<>(items.size());
        chunks.forEach(chunk -> results.addAll(chunk.join()));
        return results;
    }
}
