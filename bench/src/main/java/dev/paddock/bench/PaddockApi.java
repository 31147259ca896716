package dev.paddock.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paddock's public HTTP API as scenarios need it: the identity contract for set-up (sign up, tokens,
 * refresh) and one shared {@link HttpClient} on virtual threads for the load itself.
 */
public final class PaddockApi implements AutoCloseable {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    /** Only the one series asked for: the whole page cost the server ~2.5% of its CPU at one scrape a second. */
    private static final String CPU_ONLY = "/actuator/prometheus?includedNames=process_cpu_usage";
    private static final Pattern CPU = Pattern.compile("(?m)^process_cpu_usage\\s+([0-9.eE+-]+)");

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public PaddockApi(URI base) {
        this.base = base;
        // HTTP/1.1 on purpose: the server speaks cleartext HTTP/1.1, and one connection per in-flight
        // request is what browsers and load balancers do too.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** A signed-in account of the run, with its current tokens. */
    public record Tokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
    }

    public String signUp(String email, String password, String displayName) throws IOException, InterruptedException {
        JsonNode body = post("/api/accounts", Map.of("email", email, "password", password,
                "displayName", displayName, "dateOfBirth", "1990-01-01", "countryOfResidence", "FR"), 201);
        return body.get("accountId").asString();
    }

    public Tokens logIn(String email, String password) throws IOException, InterruptedException {
        return tokens(post("/api/auth/token",
                Map.of("grantType", "password", "email", email, "password", password), 200));
    }

    /**
     * Refreshes every token that expires within a minute, in place. Scenarios call it on a schedule so that
     * a run longer than an access token's life keeps its accounts signed in.
     */
    public void refreshExpiring(List<AtomicReference<Tokens>> accounts) {
        refreshExpiring(accounts, Duration.ofSeconds(60));
    }

    /** The same for every token that expires within {@code horizon} (before a run longer than a minute). */
    public void refreshExpiring(List<AtomicReference<Tokens>> accounts, Duration horizon) {
        Instant soon = Instant.now().plus(horizon);
        for (AtomicReference<Tokens> account : accounts) {
            if (account.get().accessExpiresAt().isBefore(soon)) {
                try {
                    account.set(refresh(account.get()));
                } catch (IOException e) {
                    System.err.println("Token refresh failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public Tokens refresh(Tokens tokens) throws IOException, InterruptedException {
        return tokens(post("/api/auth/token",
                Map.of("grantType", "refresh_token", "refreshToken", tokens.refreshToken()), 200));
    }

    /** A JSON request with a bearer token, for scenarios to send through {@link #send}. */
    public HttpRequest.Builder request(String path, String accessToken) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** An anonymous GET (public pages and APIs), asking for {@code accept}. */
    public HttpRequest anonymousGet(String path, String accept) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).GET().build();
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    /** A set-up call with a bearer token (operator commands); the answer's JSON, or an error. */
    public JsonNode call(String path, String accessToken, Object body, int expected)
            throws IOException, InterruptedException {
        return call("POST", path, accessToken, body, expected);
    }

    /** The same with another method: PUT, or GET (whose {@code body} is null). */
    public JsonNode call(String method, String path, String accessToken, Object body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(method, path, accessToken, body);
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** A set-up call whose answer the caller judges: any status, the body as text. */
    public HttpResponse<String> exchange(String method, String path, String accessToken, Object body)
            throws IOException, InterruptedException {
        return http.send(request(path, accessToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends without blocking and keeps the answer's body, for scenarios that read it. */
    public CompletableFuture<HttpResponse<String>> sendKeepingBody(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Parses a JSON answer. */
    public JsonNode read(String body) {
        return json.readTree(body);
    }

    /** Sends without blocking; the outcome carries the problem type of a non-2xx answer. */
    public CompletableFuture<Outcome> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> Outcome.of(response.statusCode(),
                        response.statusCode() < 300 ? null : problemType(response.body())));
    }

    /** The server's {@code process.cpu.usage} (0..1 of all its cores), from the public Prometheus endpoint. */
    public OptionalDouble serverCpu() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(CPU_ONLY))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CPU.matcher(response.body());
            return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /**
     * Set-up calls retry on 429 (login is rate-limited per IP and per account), waiting as long as the
     * server's Retry-After says.
     */
    private JsonNode post(String path, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return json.readTree(response.body());
            }
            if (response.statusCode() == 429 && attempt < 10) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
                Thread.sleep(Duration.ofSeconds(Math.max(1, wait)));
                continue;
            }
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Tokens tokens(JsonNode body) {
        return new Tokens(body.get("accessToken").asString(), body.get("refreshToken").asString(),
                Instant.now().plusSeconds(body.get("expiresIn").asLong()));
    }

    public static String problemType(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = PROBLEM_TYPE.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        http.close();
    }
}
