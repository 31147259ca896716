package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote wallet's HTTP client (JDK {@link HttpClient}, HTTP/1.1 keep-alive, calls on virtual threads, a
 * timeout per call). Both calls are idempotent on the remote side by debit id (the bet id), so a call whose
 * answer was lost is simply made again, up to {@code attempts} times:
 * <pre>
 * POST {url}/debits                      {"debitId", "account", "amount" (cents)}
 *      -> 200 {"status": "DEBITED" | "INSUFFICIENT_FUNDS" | "REVERSED"}
 * POST {url}/debits/{debitId}/reversal   -> 200 {"status": "REVERSED"}
 * </pre>
 */
@Component
@ConditionalOnProperty(name = "paddock.tote.betting.wallet", havingValue = "remote")
class RemoteStakeWallet {

    private static final Logger log = LoggerFactory.getLogger(RemoteStakeWallet.class);
    static final String URL = "paddock.tote.betting.remote-wallet.url";

    /** What became of a debit; UNAVAILABLE: every attempt timed out or failed, the debit may or may not be taken. */
    enum Debit {
        DEBITED, INSUFFICIENT_FUNDS, REVERSED, UNAVAILABLE
    }

    private final Environment environment;
    private final JsonMapper json;
    private final Duration timeout;
    private final int attempts;
    private final HttpClient http;
    private final Semaphore connections;
    private volatile String url;

    RemoteStakeWallet(Environment environment, JsonMapper json, BettingProperties properties) {
        this.environment = environment;
        this.json = json;
        this.timeout = properties.remoteWallet().timeout();
        this.attempts = properties.remoteWallet().attempts();
        this.connections = new Semaphore(properties.remoteWallet().maxCalls());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    Debit debit(UUID debitId, AccountId account, long cents) {
        String body = json.writeValueAsString(json.createObjectNode().put("debitId", debitId.toString())
                .put("account", account.value().toString()).put("amount", cents));
        JsonNode answer = call("/debits", body);
        return answer == null ? Debit.UNAVAILABLE : Debit.valueOf(answer.get("status").asString());
    }

    /** True once the remote wallet acknowledged the reversal (of a debit taken or never taken). */
    boolean reverse(UUID debitId) {
        return call("/debits/" + debitId + "/reversal", "{}") != null;
    }

    /** The answer, or null when every attempt failed. */
    private JsonNode call(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 1; attempt <= attempts; attempt++) {
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
                return null;
            }
        }
        log.warn("Remote wallet call {} failed {} times", path, attempts);
        return null;
    }

    /**
     * At most {@code max-calls} at once: a batch's debits all at once would each open a connection (HTTP/1.1)
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

    /**
     * Read when first needed rather than at start-up: the fake remote wallet's default URL names the app's own
     * port, known only once the web server has started.
     */
    private String url() {
        String known = url;
        if (known == null) {
            known = environment.getRequiredProperty(URL);
            url = known;
        }
        return known;
    }
}
