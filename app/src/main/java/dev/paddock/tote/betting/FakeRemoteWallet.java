package dev.paddock.tote.betting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test double of the remote wallet (the PMU wallet of the old datacenter), for tests and benchmarks of the
 * remote wallet mode, when {@code paddock.tote.fake-remote-wallet.enabled=true}, never otherwise. It speaks the
 * protocol of {@link RemoteStakeWallet} on a port of its own ({@code port}, any free one by default, on the
 * loopback address) through the JDK's {@link HttpServer} on virtual threads, so that the app's Tomcat, Spring
 * Security and Spring MVC do not pay for a test double in a benchmark. Balances are in memory; an account it has
 * not seen holds {@code opening-balance}. Every call waits {@code latency}, once per call whatever it carries; a
 * share {@code failure-rate} of the single calls fail with 503 after the work is done, as when the answer is lost
 * on the way back, the case the saga's retries and reversals must get right; in a batch call, that share of the
 * items is done and left out of the answer. Idempotent by debit id, like the real one; a reversal that arrives
 * before its debit is remembered, and the late debit is answered REVERSED, not taken.
 */
@Component
@ConditionalOnProperty(name = "paddock.tote.fake-remote-wallet.enabled", havingValue = "true")
class FakeRemoteWallet implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FakeRemoteWallet.class);
    private static final Pattern REVERSAL = Pattern.compile("/debits/([0-9a-fA-F-]{36})/reversal");

    record DebitRequest(UUID debitId, String account, Long amount) {
    }

    record DebitBatch(List<DebitRequest> debits) {
    }

    record ReversalBatch(List<UUID> debitIds) {
    }

    record Answer(String status) {
    }

    record ItemAnswer(UUID debitId, String status) {
    }

    record BatchAnswer(List<ItemAnswer> results) {
    }

    private record Debit(String account, long amount, boolean taken, boolean reversed) {
    }

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<UUID, Debit> debits = new HashMap<>();
    /** Accounts whose debit answers are all lost (tests). */
    private final Set<String> losing = new HashSet<>();
    private final AtomicReference<Duration> stallNext = new AtomicReference<>();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final JsonMapper json;
    private final long openingBalance;
    private final Duration latency;
    private final HttpServer server;
    private volatile double failureRate;

    FakeRemoteWallet(Environment environment, JsonMapper json) throws IOException {
        this.json = json;
        this.openingBalance = environment.getProperty("paddock.tote.fake-remote-wallet.opening-balance", Long.class,
                100_000L);
        this.latency = environment.getProperty("paddock.tote.fake-remote-wallet.latency", Duration.class, Duration.ZERO);
        this.failureRate = environment.getProperty("paddock.tote.fake-remote-wallet.failure-rate", Double.class, 0.0);
        int port = environment.getProperty("paddock.tote.fake-remote-wallet.port", Integer.class, 0);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
        log.info("Fake remote wallet (tests and benchmarks only) listening on {}", url());
    }

    /** The base URL the remote wallet client uses when none is configured. */
    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void destroy() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Matcher reversal = REVERSAL.matcher(path);
            Object answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer = HttpURLConnection.HTTP_BAD_METHOD;
            } else if (path.equals("/debits")) {
                answer = debit(json.readValue(body, DebitRequest.class));
            } else if (path.equals("/debits/batch")) {
                answer = debitAll(json.readValue(body, DebitBatch.class));
            } else if (path.equals("/reversals/batch")) {
                answer = reverseAll(json.readValue(body, ReversalBatch.class));
            } else if (reversal.matches()) {
                answer = reverse(UUID.fromString(reversal.group(1)));
            } else {
                answer = HttpURLConnection.HTTP_NOT_FOUND;
            }
            if (answer instanceof Integer status) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(HttpURLConnection.HTTP_OK, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("Fake remote wallet failed on {}", exchange.getRequestURI(), e);
            exchange.sendResponseHeaders(HttpURLConnection.HTTP_BAD_REQUEST, -1);
        }
    }

    /** The answer, or 503 (an Integer) when it is lost. */
    Object debit(DebitRequest request) throws InterruptedException {
        Thread.sleep(latency);
        String status = take(request);
        stall();
        return lost() || losing(request) ? HttpURLConnection.HTTP_UNAVAILABLE : new Answer(status);
    }

    /** The answer, or 503 (an Integer) when it is lost. */
    Object reverse(UUID debitId) throws InterruptedException {
        Thread.sleep(latency);
        reverseOne(debitId);
        stall();
        return lost() ? HttpURLConnection.HTTP_UNAVAILABLE : new Answer("REVERSED");
    }

    private BatchAnswer debitAll(DebitBatch batch) throws InterruptedException {
        batchCalls.incrementAndGet();
        Thread.sleep(latency);
        List<ItemAnswer> results = new ArrayList<>(batch.debits().size());
        for (DebitRequest request : batch.debits()) {
            String status = take(request);
            if (!lost() && !losing(request)) {
                results.add(new ItemAnswer(request.debitId(), status));
            }
        }
        stall();
        return new BatchAnswer(results);
    }

    private BatchAnswer reverseAll(ReversalBatch batch) throws InterruptedException {
        batchCalls.incrementAndGet();
        Thread.sleep(latency);
        List<ItemAnswer> results = new ArrayList<>(batch.debitIds().size());
        for (UUID debitId : batch.debitIds()) {
            reverseOne(debitId);
            if (!lost()) {
                results.add(new ItemAnswer(debitId, "REVERSED"));
            }
        }
        stall();
        return new BatchAnswer(results);
    }

    private synchronized String take(DebitRequest request) {
        Debit debit = debits.get(request.debitId());
        if (debit == null) {
            long balance = balance(request.account());
            boolean taken = balance >= request.amount();
            if (taken) {
                balances.put(request.account(), balance - request.amount());
            }
            debit = new Debit(request.account(), request.amount(), taken, false);
            debits.put(request.debitId(), debit);
        }
        return debit.reversed() ? "REVERSED" : debit.taken() ? "DEBITED" : "INSUFFICIENT_FUNDS";
    }

    private synchronized void reverseOne(UUID debitId) {
        Debit debit = debits.get(debitId);
        if (debit == null) {
            debits.put(debitId, new Debit(null, 0, false, true));
        } else if (!debit.reversed()) {
            if (debit.taken()) {
                balances.merge(debit.account(), debit.amount(), Long::sum);
            }
            debits.put(debitId, new Debit(debit.account(), debit.amount(), false, true));
        }
    }

    private boolean lost() {
        return ThreadLocalRandom.current().nextDouble() < failureRate;
    }

    private synchronized boolean losing(DebitRequest request) {
        return losing.contains(request.account());
    }

    /** The call set to stall (tests) answers only after {@code stallNext}: its caller has timed out by then. */
    private void stall() throws InterruptedException {
        Duration stall = stallNext.getAndSet(null);
        if (stall != null) {
            Thread.sleep(stall);
        }
    }

    synchronized long balance(String account) {
        return balances.getOrDefault(account, openingBalance);
    }

    synchronized void setBalance(String account, long cents) {
        balances.put(account, cents);
    }

    /** Whether the debit is taken and not reversed. */
    synchronized boolean holds(UUID debitId) {
        Debit debit = debits.get(debitId);
        return debit != null && debit.taken() && !debit.reversed();
    }

    void failureRate(double rate) {
        failureRate = rate;
    }

    /** Every debit of the account is taken and its answer lost; its reversals are answered (tests). */
    synchronized void loseDebitAnswersOf(String account) {
        losing.add(account);
    }

    /** The next call does its work, then waits this long before answering (tests). */
    void stallNextCall(Duration stall) {
        stallNext.set(stall);
    }

    /** Batch calls served so far (tests). */
    int batchCalls() {
        return batchCalls.get();
    }
}
