package dev.paddock.bench.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Paddock that speaks just the part of the contract the rush uses (identity, wallet, the catalog's
 * organizer and public APIs, the registration API), so that the benchmark's own bookkeeping can be tested without
 * the events parts. It is not Paddock: it only lets the test see that the rush counts, replays and checks right,
 * including that the checks catch a server that charges twice or loses a registration. Registrations are
 * serialised on one lock: capacity and wallets are exact by construction here.
 */
final class ContractDouble implements AutoCloseable {

    /** Deliberate faults, to see the checks fail. */
    enum Fault {
        NONE,
        /** every 10th confirmation is debited twice */
        DOUBLE_CHARGE,
        /**
         * every 7th registration is stored, then the connection is dropped without an answer, and the first
         * replay of it is answered 503 overloaded
         */
        DROP_ANSWERS,
        /** every 10th confirmation is answered but not kept */
        LOSE_REGISTRATIONS,
        /** the first try of every 5th attempt is shed: 503 overloaded, nothing stored */
        SHED_FIRST
    }

    private static final Pattern RACES = Pattern.compile("/api/events/organizer/events/([^/]+)/races");
    private static final Pattern REGISTRATIONS = Pattern.compile("/api/events/races/([^/]+)/registrations");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Fault fault;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, String> replies = new HashMap<>();
    private final Map<String, Map<String, Object>> orders = new HashMap<>();
    private final java.util.Set<String> dropped = new java.util.HashSet<>();
    private final java.util.Set<String> tried = new java.util.HashSet<>();
    private int attempts;
    private final Map<String, Race> races = new LinkedHashMap<>();
    private String slug;
    private int registrations;

    /** One race's terms and counts. */
    private static final class Race {
        final String id = UUID.randomUUID().toString();
        final String code;
        final int capacity;
        final long price;
        Instant opensAt;
        int confirmed;
        int waitlisted;

        Race(String code, int capacity, long price, Instant opensAt) {
            this.code = code;
            this.capacity = capacity;
            this.price = price;
            this.opensAt = opensAt;
        }
    }

    ContractDouble(Fault fault) throws IOException {
        this.fault = fault;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                send(exchange, 500, Map.of("type", "about:blank", "detail", String.valueOf(e)));
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }


    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        JsonNode body = method.equals("GET") ? null : json.readTree(exchange.getRequestBody().readAllBytes());
        Matcher races = RACES.matcher(path);
        Matcher registration = REGISTRATIONS.matcher(path);
        if (path.equals("/actuator/prometheus")) {
            text(exchange, "process_cpu_usage 0.25\n");
        } else if (path.equals("/api/accounts")) {
            send(exchange, 201, Map.of("accountId", UUID.randomUUID().toString()));
        } else if (path.equals("/api/auth/token")) {
            String token = UUID.randomUUID().toString();
            synchronized (this) {
                // read under the lock too: a refresh that reads the map while another one grows it may miss
                String account = body.has("email") ? body.get("email").asString()
                        : tokens.get(body.get("refreshToken").asString());
                tokens.put(token, account);
            }
            send(exchange, 200, Map.of("accessToken", token, "refreshToken", token, "expiresIn", 300));
        } else if (path.equals("/api/wallet/deposits")) {
            synchronized (this) {
                balances.merge(account(exchange), body.get("amount").asLong(), Long::sum);
            }
            send(exchange, 201, Map.of("kind", "DEPOSIT"));
        } else if (path.equals("/api/wallet")) {
            synchronized (this) {
                send(exchange, 200, Map.of("balance", balances.getOrDefault(account(exchange), 0L)));
            }
        } else if (path.equals("/api/events/organizer/events")) {
            slug = body.get("slug").asString();
            send(exchange, 201, Map.of("id", UUID.randomUUID().toString(), "version", 0));
        } else if (races.matches()) {
            Race race = new Race(body.get("code").asString(), body.get("capacity").asInt(),
                    body.get("priceTiers").get(0).get("priceCents").asLong(),
                    Instant.parse(body.get("registrationOpensAt").asString()));
            synchronized (this) {
                this.races.put(race.id, race);
            }
            send(exchange, 201, Map.of("id", race.id));
        } else if (path.endsWith("/registration/open")) {
            synchronized (this) {
                race(path.split("/")[5]).opensAt = Instant.now();
            }
            send(exchange, 200, Map.of());
        } else if (path.endsWith("/bib-ranges") || path.endsWith("/publish")) {
            send(exchange, 200, Map.of());
        } else if (path.equals("/api/events/" + slug)) {
            synchronized (this) {
                send(exchange, 200, Map.of("slug", slug, "races", this.races.values().stream().map(race -> Map.of(
                        "id", race.id, "code", race.code, "capacity", race.capacity, "remaining",
                        race.capacity - race.confirmed, "registration",
                        Instant.now().isBefore(race.opensAt) ? "NOT_YET_OPEN" : "OPEN")).toList()));
            }
        } else if (path.endsWith("/participants") && path.startsWith("/api/events/organizer/events/")) {
            synchronized (this) {
                int confirmed = race(exchange.getRequestURI().getQuery().replaceAll(".*race=([^&]+).*", "$1")).confirmed;
                send(exchange, 200, Map.of("page", 0, "size", 50, "total", confirmed, "items", List.of()));
            }
        } else if (path.startsWith("/events/" + slug)) {
            text(exchange, "<html><body>" + slug + "</body></html>");
        } else if (registration.matches() && known(registration.group(1)) != null) {
            register(exchange, body, known(registration.group(1)));
        } else if (path.startsWith("/api/events/orders/")) {
            Map<String, Object> order;
            synchronized (this) {
                order = orders.get(path.substring("/api/events/orders/".length()));
            }
            if (order == null) {
                send(exchange, 404, Map.of("type", "https://paddock.dev/problems/not-found"));
            } else {
                send(exchange, 200, order);
            }
        } else {
            send(exchange, 404, Map.of("type", "https://paddock.dev/problems/not-found"));
        }
    }

    private synchronized Race known(String id) {
        return races.get(id);
    }

    private Race race(String id) {
        Race race = races.get(id);
        if (race == null) {
            throw new IllegalStateException("no race " + id);
        }
        return race;
    }

    private void register(HttpExchange exchange, JsonNode body, Race race) throws IOException {
        String account = account(exchange);
        String key = account + " " + body.get("requestId").asString();
        int status;
        String reply;
        boolean drop;
        synchronized (this) {
            reply = replies.get(key);
            if (reply != null && dropped.remove(key)
                    || fault == Fault.SHED_FIRST && tried.add(key) && ++attempts % 5 == 0) {
                send(exchange, 503, Map.of("type", "https://paddock.dev/problems/overloaded", "status", 503));
                return;
            } else if (reply != null) {
                status = 200;
                drop = false;
            } else if (Instant.now().isBefore(race.opensAt)) {
                problem(exchange, "registration-closed");
                return;
            } else if (race.confirmed >= race.capacity && !body.get("waitlist").asBoolean()) {
                problem(exchange, "race-full");
                return;
            } else {
                Map<String, Object> answer = registration(account, race);
                reply = json.writeValueAsString(answer);
                status = 201;
                drop = fault == Fault.DROP_ANSWERS && ++registrations % 7 == 0;
                if (drop) {
                    dropped.add(key);
                }
                boolean lose = fault == Fault.LOSE_REGISTRATIONS && answer.get("orderId") != null
                        && race.confirmed % 10 == 0;
                if (!lose) {
                    replies.put(key, reply);
                    if (answer.get("orderId") != null) {
                        orders.put((String) answer.get("orderId"), answer);
                    }
                }
            }
        }
        if (drop) {
            exchange.close();
            return;
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A CONFIRMED registration paid from the wallet, or a WAITLISTED one; called under the lock. */
    private Map<String, Object> registration(String account, Race race) {
        boolean place = race.confirmed < race.capacity;
        long price = race.price;
        Map<String, Object> answer = new LinkedHashMap<>();
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("id", UUID.randomUUID().toString());
        registration.put("raceId", race.id);
        if (place) {
            race.confirmed++;
            long charge = fault == Fault.DOUBLE_CHARGE && race.confirmed % 10 == 0 ? 2 * price : price;
            balances.merge(account, -charge, Long::sum);
            registration.put("status", "CONFIRMED");
            registration.put("bib", race.confirmed);
            answer.put("orderId", UUID.randomUUID().toString());
            answer.put("status", "CONFIRMED");
        } else {
            race.waitlisted++;
            registration.put("status", "WAITLISTED");
            registration.put("waitlistPosition", race.waitlisted);
            answer.put("orderId", null);
            answer.put("status", "WAITLISTED");
        }
        registration.put("priceCents", place ? price : 0);
        answer.put("registrations", List.of(registration));
        answer.put("subtotalCents", place ? price : 0);
        answer.put("discountCents", 0);
        answer.put("totalCents", place ? price : 0);
        return answer;
    }

    private synchronized String account(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String account = header == null ? null : tokens.get(header.substring("Bearer ".length()));
        if (account == null) {
            throw new IllegalStateException("not signed in");
        }
        return account;
    }

    private void problem(HttpExchange exchange, String type) throws IOException {
        send(exchange, 409, Map.of("type", "https://paddock.dev/problems/" + type, "status", 409));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void text(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
