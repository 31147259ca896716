package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.HttpAnswers;
import dev.paddock.MutableClock;
import dev.paddock.PaddockApplication;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registration lane answers every request exactly as {@link RegistrationApiController} does, over real HTTP:
 * this test's server has the lane off (Spring Security + Spring MVC), a second one started beside it has it on;
 * both get the same set-up and the same requests in the same order, good and bad, and must give the same status,
 * headers and body byte for byte once the ids each database chose (races, accounts, registrations, orders) are
 * replaced by names. Then both must have stored the same registrations and left the same balances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paddock.events.registration.lane.enabled=false")
@ActiveProfiles("test")
class RegistrationLaneIT {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static ConfigurableApplicationContext laneServer;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startTheLaneServer() {
        // as arguments: they must win over application.yml's server.port
        laneServer = new SpringApplicationBuilder(PaddockApplication.class).profiles("test")
                .run("--server.port=0", "--paddock.events.registration.lane.enabled=true");
    }

    @AfterAll
    static void stopTheLaneServer() {
        laneServer.close();
    }

    /** One request of the table: what it is, the status both must give, and how to make it on a server. */
    private record Call(String name, int status, Function<Server, HttpRequest.Builder> request) {
    }

    @Test
    void theLaneAnswersEveryRequestExactlyAsTheController() throws Exception {
        Server controller = new Server(context, port);
        Server lane = new Server(laneServer, Integer.parseInt(laneServer.getEnvironment().getProperty("local.server.port")));
        UUID nowhere = UUID.randomUUID();
        List<Call> calls = List.of(
                new Call("a registration paid from the wallet", 201, s -> s.register(s.rich, s.small,
                        body("ok-1", "Ann", "ann", "\"WALLET\"", ""))),
                new Call("its replay", 200, s -> s.register(s.rich, s.small, body("ok-1", "Ann", "ann", "\"WALLET\"", ""))),
                new Call("its requestId with other content", 409, s -> s.register(s.rich, s.small,
                        body("ok-1", "Anna", "ann", "\"WALLET\"", ""))),
                new Call("the same athlete again", 409, s -> s.register(s.rich, s.small,
                        body("ok-2", "Ann", "ann", "\"WALLET\"", ""))),
                new Call("the last place, no waitlist asked", 201, s -> s.register(s.rich, s.small,
                        body("ok-3", "Bea", "bea", "\"WALLET\"", ",\"waitlist\":false"))),
                new Call("a full race, to its waitlist", 201, s -> s.register(s.rich, s.small,
                        body("ok-4", "Cleo", "cleo", "\"WALLET\"", ""))),
                new Call("a full race, no waitlist asked", 409, s -> s.register(s.rich, s.small,
                        body("ok-5", "Dora", "dora", "\"WALLET\"", ",\"waitlist\":false"))),
                new Call("the refusal sent again", 409, s -> s.register(s.rich, s.small,
                        body("ok-5", "Dora", "dora", "\"WALLET\"", ",\"waitlist\":false"))),
                new Call("the last place's replay, the race known full", 200, s -> s.register(s.rich, s.small,
                        body("ok-3", "Bea", "bea", "\"WALLET\"", ",\"waitlist\":false"))),
                new Call("the waitlist entry's replay", 200, s -> s.register(s.rich, s.small,
                        body("ok-4", "Cleo", "cleo", "\"WALLET\"", ""))),
                new Call("a card payment", 201, s -> s.register(s.rich, s.big, body("ok-6", "Eve", "eve", "\"CARD\"", ""))),
                new Call("a promo code", 201, s -> s.register(s.rich, s.big,
                        body("ok-7", "Fay", "fay", "\"WALLET\"", ",\"promoCode\":\"early\""))),
                new Call("an unknown promo code", 400, s -> s.register(s.rich, s.big,
                        body("x-1", "Gil", "gil", "\"WALLET\"", ",\"promoCode\":\"NOPE\""))),
                new Call("a wallet too poor", 409, s -> s.register(s.poor, s.big, body("x-2", "Hal", "hal", "\"WALLET\"", ""))),
                new Call("no payment for a paid race", 400, s -> s.register(s.rich, s.big, body("x-3", "Ida", "ida", "null", ""))),
                new Call("a free race without payment", 201, s -> s.register(s.rich, s.free, body("ok-8", "Jo", "jo", "null", ""))),
                new Call("a predicted time", 201, s -> s.register(s.rich, s.big,
                        body("ok-9", "Kai", "kai", "\"WALLET\"", ",\"predictedTime\":\"PT3H30M\""))),
                new Call("a predicted time that is no duration", 400, s -> s.register(s.rich, s.big,
                        body("x-4", "Lou", "lou", "\"WALLET\"", ",\"predictedTime\":\"3h30\""))),
                new Call("an unknown payment", 400, s -> s.register(s.rich, s.big, body("x-5", "Max", "max", "\"BITCOIN\"", ""))),
                new Call("every athlete field wrong", 400, s -> s.register(s.rich, s.big, """
                        {"requestId":"x-6","athlete":{"firstName":" ","lastName":"","gender":"Q","birthDate":"2019-01-01",
                         "nationality":"Swiss","email":"nobody"},"answers":{"tshirt":"M","consent":true},"payment":"WALLET"}""")),
                new Call("answers against the race's fields", 400, s -> s.register(s.rich, s.big, """
                        {"requestId":"x-7","athlete":{"firstName":"Ned","lastName":"Muster","gender":"M",
                         "birthDate":"1990-05-31","nationality":"CH","email":"ned@example.test"},
                         "answers":{"tshirt":"XXL","consent":false,"shoe":42},"payment":"WALLET"}""")),
                new Call("no athlete, no answers, no requestId", 400, s -> s.register(s.rich, s.big, "{\"payment\":\"WALLET\"}")),
                new Call("a requestId too long", 400, s -> s.register(s.rich, s.big,
                        body("x".repeat(101), "Oda", "oda", "\"WALLET\"", ""))),
                new Call("an unknown race", 404, s -> s.register(s.rich, nowhere, body("x-8", "Pia", "pia", "\"WALLET\"", ""))),
                new Call("a closed race", 409, s -> s.register(s.rich, s.closed, body("x-9", "Quy", "quy", "\"WALLET\"", ""))),
                new Call("a team race", 409, s -> s.register(s.rich, s.relay, body("x-10", "Rex", "rex", "\"WALLET\"", ""))),
                new Call("a lottery race", 201, s -> s.register(s.rich, s.lottery, body("ok-10", "Sam", "sam", "null", ""))),
                new Call("an unknown field", 400, s -> s.register(s.rich, s.big,
                        body("b-1", "Tom", "tom", "\"WALLET\"", ",\"colour\":\"red\""))),
                new Call("JSON cut short", 400, s -> s.register(s.rich, s.big, "{\"requestId\":")),
                new Call("a birth date that is no date", 400, s -> s.register(s.rich, s.big,
                        body("b-2", "Uma", "uma", "\"WALLET\"", "").replace("1990-05-31", "31.05.1990"))),
                new Call("a waitlist that is no boolean", 400, s -> s.register(s.rich, s.big,
                        body("b-3", "Val", "val", "\"WALLET\"", ",\"waitlist\":[true]"))),
                new Call("an empty JSON body", 400, s -> s.register(s.rich, s.big, "")),
                new Call("a JSON null", 400, s -> s.register(s.rich, s.big, "null")),
                new Call("a JSON array", 400, s -> s.register(s.rich, s.big, "[]")),
                new Call("a race id that is no UUID", 400, s -> s.post("Bearer " + s.tokens.get(s.rich),
                        "/api/events/races/nope/registrations", "application/json", body("b-4", "Wes", "wes", "\"WALLET\"", ""))),
                new Call("a race id in capitals", 201, s -> s.post("Bearer " + s.tokens.get(s.rich),
                        "/api/events/races/" + s.big.toString().toUpperCase(Locale.ROOT) + "/registrations",
                        "application/json", body("ok-11", "Xia", "xia", "\"WALLET\"", ""))),
                new Call("a JSON flavour (+json) with a charset", 201, s -> s.post("Bearer " + s.tokens.get(s.rich),
                        s.path(s.big), "application/vnd.paddock+json; charset=UTF-8",
                        body("ok-12", "Yan", "yan", "\"WALLET\"", ""))),
                new Call("an Accept that takes JSON among others", 201, s -> s.register(s.rich, s.big,
                        body("ok-13", "Zoe", "zoe", "\"WALLET\"", "")).header("Accept", "text/html, application/json;q=0.9")),
                new Call("an Accept of XML only", 406, s -> s.register(s.rich, s.big,
                        body("m-1", "Abe", "abe", "\"WALLET\"", "")).header("Accept", "application/xml")),
                new Call("text", 415, s -> s.post("Bearer " + s.tokens.get(s.rich), s.path(s.big), "text/plain",
                        body("m-2", "Bob", "bob", "\"WALLET\"", ""))),
                new Call("no content type", 415, s -> s.post("Bearer " + s.tokens.get(s.rich), s.path(s.big), null,
                        body("m-3", "Cid", "cid", "\"WALLET\"", ""))),
                new Call("a token that is no JWT", 401, s -> s.post("Bearer not.a.token", s.path(s.big), "application/json",
                        body("t-1", "Dan", "dan", "\"WALLET\"", ""))),
                new Call("a token signed by this server, then altered", 401, s -> s.post(
                        "Bearer " + altered(s.tokens.get(s.rich)), s.path(s.big), "application/json",
                        body("t-2", "Eli", "eli", "\"WALLET\"", ""))),
                new Call("the scheme in lower case", 201, s -> s.post("bearer " + s.tokens.get(s.rich), s.path(s.big),
                        "application/json", body("ok-14", "Fox", "fox", "\"WALLET\"", ""))),
                new Call("two spaces after the scheme", 401, s -> s.post("Bearer  " + s.tokens.get(s.rich), s.path(s.big),
                        "application/json", body("t-3", "Gus", "gus", "\"WALLET\"", ""))),
                new Call("basic authentication", 401, s -> s.post("Basic dXNlcjpwYXNz", s.path(s.big), "application/json",
                        body("t-4", "Hob", "hob", "\"WALLET\"", ""))),
                new Call("no token", 401, s -> s.post(null, s.path(s.big), "application/json",
                        body("t-5", "Ivo", "ivo", "\"WALLET\"", ""))),
                new Call("a bad token and a bad body", 401, s -> s.post("Bearer not.a.token", s.path(s.big),
                        "application/json", "{\"requestId\":")),
                new Call("an operator registers too", 201, s -> s.register(s.operator, s.free,
                        body("ok-15", "Jan", "jan", "null", ""))),
                new Call("a client that waits for 100 Continue before its body", 201, s -> s.register(s.rich, s.big,
                        body("ok-16", "Kit", "kit", "\"WALLET\"", "")).expectContinue(true)));

        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls) {
            String expected = controller.answer(http, call);
            String actual = lane.answer(http, call);
            softly.assertThat(actual).as(call.name()).isEqualTo(expected);
            softly.assertThat(expected).as(call.name() + ": status").startsWith(call.status() + "\n");
        }
        // an expired token: the same 401 on both
        controller.clock.advance(Duration.ofMinutes(20));
        lane.clock.advance(Duration.ofMinutes(20));
        try {
            Call expired = new Call("an expired token", 401, s -> s.register(s.rich, s.big,
                    body("t-6", "Kim", "kim", "\"WALLET\"", "")));
            String expected = controller.answer(http, expired);
            softly.assertThat(lane.answer(http, expired)).as(expired.name()).isEqualTo(expected);
            softly.assertThat(expected).as(expired.name() + ": status").startsWith("401\n");
        } finally {
            controller.clock.reset();
            lane.clock.reset();
        }
        softly.assertAll();

        // the lane did serve them (and the controller's server has none)
        assertThat(lane.meters.find("paddock.events.registration.lane").timer().count()).isGreaterThan(30);
        assertThat(controller.meters.find("paddock.events.registration.lane").timers()).isEmpty();
        // ahead of the filter chain (the lanes' valve), so without the request observation that Spring MVC's are in
        assertThat(accepted(lane)).isZero();
        assertThat(accepted(controller)).isGreaterThan(15);
        // and both stored the same: registrations, orders, balances
        assertThat(lane.stored()).isEqualTo(controller.stored())
                .anySatisfy(row -> assertThat(row).startsWith("<small> Ann CONFIRMED"))
                .anySatisfy(row -> assertThat(row).startsWith("<small> Cleo WAITLISTED"));
    }

    /** Registrations answered 2xx that http.server.requests observed. */
    private static long accepted(Server server) {
        return server.meters.find("http.server.requests").tag("uri", RegistrationLane.PATTERN).tag("outcome", "SUCCESS")
                .timers().stream().mapToLong(timer -> timer.count()).sum();
    }

    static String body(String requestId, String firstName, String mailbox, String payment, String extra) {
        return """
                {"requestId":"%s","athlete":{"firstName":"%s","lastName":"Muster","gender":"F",
                 "birthDate":"1990-05-31","nationality":"CH","email":"%s@example.test"},
                 "answers":{"club":"LC Zürich","tshirt":"M","consent":true},"payment":%s%s}"""
                .formatted(requestId, firstName, mailbox, payment, extra);
    }

    /** The same token with one character of its signature changed. */
    private static String altered(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    /** One of the two servers, its set-up, and the names its own ids are replaced by in answers. */
    private static final class Server {

        final String base;
        final MutableClock clock;
        final JdbcClient jdbc;
        final MeterRegistry meters;
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<AccountId, String> tokens = new LinkedHashMap<>();
        private int ids;
        final UUID small;
        final UUID big;
        final UUID free;
        final UUID closed;
        final UUID relay;
        final UUID lottery;
        final AccountId rich;
        final AccountId poor;
        final AccountId operator;

        Server(ApplicationContext context, int port) throws Exception {
            this.base = "http://localhost:" + port;
            this.clock = context.getBean(MutableClock.class);
            this.jdbc = context.getBean(JdbcClient.class);
            this.meters = context.getBean(MeterRegistry.class);
            RegistrationFixtures fixtures = context.getBean(RegistrationFixtures.class);
            TestAccounts accounts = context.getBean(TestAccounts.class);
            RegistrationFixtures.Race smallRace = fixtures.race().capacity(2).create();
            small = name(smallRace.raceId, "small");
            name(smallRace.eventId, "small-event");
            RegistrationFixtures.Race bigRace = fixtures.race().capacity(50).create();
            big = name(bigRace.raceId, "big");
            name(bigRace.eventId, "big-event");
            fixtures.promo(bigRace.eventId, "EARLY", "AMOUNT", 1000L, null, 5, false);
            free = name(fixtures.race().price(0).create().raceId, "free");
            closed = name(fixtures.race().closed().create().raceId, "closed");
            relay = name(fixtures.race().team(2, 4, 1, "ANY").create().raceId, "relay");
            lottery = name(fixtures.race().lottery().create().raceId, "lottery");
            Account richAccount = accounts.create();
            Account poorAccount = accounts.create();
            Account operatorAccount = accounts.create(Role.OPERATOR);
            rich = account(richAccount, "rich");
            poor = account(poorAccount, "poor");
            operator = account(operatorAccount, "operator");
            fixtures.fund(rich, 200_000);
            fixtures.fund(poor, 100);
            for (Account account : List.of(richAccount, poorAccount, operatorAccount)) {
                tokens.put(account.id(), accounts.accessToken(base, account));
            }
        }

        private <T> T name(T id, String name) {
            names.put(id.toString(), "<" + name + ">");
            return id;
        }

        private AccountId account(Account account, String name) {
            name(account.email(), name + "-email");
            return name(account.id(), name);
        }

        String path(UUID race) {
            return "/api/events/races/" + race + "/registrations";
        }

        HttpRequest.Builder register(AccountId account, UUID race, String body) {
            return post("Bearer " + tokens.get(account), path(race), "application/json", body);
        }

        HttpRequest.Builder post(String authorization, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return request;
        }

        /** The answer as {@link HttpAnswers} writes it, with this server's ids named. */
        String answer(HttpClient http, Call call) throws Exception {
            return named(HttpAnswers.of(http.send(call.request().apply(this).build(),
                    HttpResponse.BodyHandlers.ofString())));
        }

        /** The text with every id named: known ones by their names, new ones (registrations, orders) in order seen. */
        private String named(String text) {
            Matcher id = ID.matcher(text);
            while (id.find()) {
                if (!names.containsKey(id.group())) {
                    names.put(id.group(), "<id-" + ++ids + ">");
                }
            }
            String named = text;
            for (Map.Entry<String, String> known : names.entrySet()) {
                named = named.replace(known.getKey(), known.getValue());
            }
            return named;
        }

        /** Every registration stored in the races, then the orders and the buyers' balances, as this server's names. */
        List<String> stored() {
            List<String> rows = new ArrayList<>(jdbc.sql("""
                            select r.race_id || ' ' || r.first_name || ' ' || r.status || ' ' || r.price_cents || ' '
                                || coalesce(r.predicted_seconds::text, '-') || ' ' || (r.waitlist_position is not null)
                                || ' ' || coalesce(o.total_cents::text, '-') || ' ' || coalesce(o.payment_method, '-')
                            from events.registrations r left join events.orders o on o.id = r.order_id
                            where r.race_id in (:races)""")
                    .param("races", List.of(small, big, free, closed, relay, lottery)).query(String.class).list()
                    .stream().map(this::named).sorted().toList());
            LedgerChecks ledger = new LedgerChecks(jdbc);
            for (AccountId account : List.of(rich, poor, operator)) {
                rows.add(names.get(account.toString()) + " " + ledger.storedBalance(account) + " "
                        + ledger.sumOfPostings(account));
            }
            return rows;
        }
    }
}
