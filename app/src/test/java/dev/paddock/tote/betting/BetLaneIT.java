package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.HttpAnswers;
import dev.paddock.MutableClock;
import dev.paddock.PaddockApplication;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.TestAccounts;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.programme.ProgrammeDesk;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bet lane answers every request exactly as the controller does, over real HTTP: this test's server has
 * the lane off (Spring Security + Spring MVC), a second one started beside it has it on; both get the same
 * set-up and the same requests in the same order, good and bad, and must give the same status, headers and
 * body byte for byte once the ids each database chose (races, pools, accounts, bets, times) are replaced by
 * names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paddock.tote.betting.lane.enabled=false")
@ActiveProfiles("test")
@AutoConfigureMockMvc // unused here: the same context as BettingApiWithoutLaneIT's, started once for both
class BetLaneIT {

    private static final Pattern INSTANT = Pattern.compile("\"(placedAt)\":\"[^\"]+\"");
    private static final Pattern BET_ID = Pattern.compile("(?:\"betId\":\"|/api/tote/my/bets/)([0-9a-f-]{36})");

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
                .run("--server.port=0", "--paddock.tote.betting.lane.enabled=true");
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
        String big = "x".repeat(101);
        List<Call> calls = List.of(
                new Call("a unit bet", 201, s -> s.bet(s.rich, bet("ok-1", s.win, unit(4), "150"))),
                new Call("its replay", 201, s -> s.bet(s.rich, bet("ok-1", s.win, unit(4), "150"))),
                new Call("its requestId with other content", 409, s -> s.bet(s.rich, bet("ok-1", s.win, unit(5), "150"))),
                new Call("a combined Tiercé on the mobile channel", 201, s -> s.bet(s.rich,
                        "{\"requestId\":\"ok-2\",\"poolId\":\"" + s.tierce + "\",\"stake\":100,\"channel\":\"MOBILE\","
                                + "\"formulation\":{\"type\":\"COMBINED\",\"runners\":[3,5,7]}}")),
                new Call("a champ total Couplé", 201, s -> s.bet(s.rich, bet("ok-3", s.couple,
                        "{\"type\":\"CHAMP\",\"bases\":[4]}", "100"))),
                new Call("an unknown runner", 400, s -> s.bet(s.rich, bet("x-1", s.win, unit(11), "150"))),
                new Call("a non-runner", 400, s -> s.bet(s.rich, bet("x-2", s.win, unit(9), "150"))),
                new Call("a stake off the unit", 400, s -> s.bet(s.rich, bet("x-3", s.win, unit(1), "200"))),
                new Call("a stake over the maximum", 400, s -> s.bet(s.rich, bet("x-4", s.win, unit(1), "600000"))),
                new Call("an unknown formulation", 400, s -> s.bet(s.rich, bet("x-5", s.win,
                        "{\"type\":\"SPLIT\",\"runners\":[1]}", "150"))),
                new Call("an unknown channel", 400, s -> s.bet(s.rich,
                        "{\"requestId\":\"x-6\",\"poolId\":\"" + s.win + "\",\"stake\":150,\"channel\":\"KIOSK\","
                                + "\"formulation\":" + unit(1) + "}")),
                new Call("a retail pool", 403, s -> s.bet(s.rich, bet("x-7", s.retail, unit(1), "200"))),
                new Call("no such pool", 404, s -> s.bet(s.rich, bet("x-8", nowhere, unit(1), "150"))),
                new Call("a race not open", 409, s -> s.bet(s.rich, bet("x-9", s.notOpen, unit(1), "150"))),
                new Call("a wallet too poor", 409, s -> s.bet(s.poor, bet("x-10", s.win, unit(1), "150"))),
                new Call("an unknown field", 400, s -> s.bet(s.rich, "{\"requestId\":\"b-1\",\"poolId\":\"" + s.win
                        + "\",\"stake\":150,\"colour\":\"red\",\"formulation\":" + unit(1) + "}")),
                new Call("JSON cut short", 400, s -> s.bet(s.rich, "{\"requestId\":")),
                new Call("a stake as a string", 400, s -> s.bet(s.rich, bet("b-2", s.win, unit(1), "\"150\""))),
                new Call("a stake with cents", 400, s -> s.bet(s.rich, bet("b-3", s.win, unit(1), "1.5"))),
                new Call("a pool id that is no UUID", 400, s -> s.bet(s.rich,
                        "{\"requestId\":\"b-4\",\"poolId\":\"nope\",\"stake\":150,\"formulation\":" + unit(1) + "}")),
                new Call("runners that are not a list", 400, s -> s.bet(s.rich, bet("b-5", s.win,
                        "{\"type\":\"UNIT\",\"runners\":\"1\"}", "150"))),
                new Call("no requestId", 400, s -> s.bet(s.rich,
                        "{\"poolId\":\"" + s.win + "\",\"stake\":150,\"formulation\":" + unit(1) + "}")),
                new Call("a requestId too long", 400, s -> s.bet(s.rich, bet(big, s.win, unit(1), "150"))),
                new Call("no formulation", 400, s -> s.bet(s.rich, "{\"requestId\":\"b-6\",\"poolId\":\"" + s.win
                        + "\",\"stake\":150}")),
                new Call("an empty JSON body", 400, s -> s.bet(s.rich, "")),
                new Call("a JSON null", 400, s -> s.bet(s.rich, "null")),
                new Call("a JSON array", 400, s -> s.bet(s.rich, "[]")),
                new Call("a JSON flavour (+json) with a charset", 201, s -> s.post(s.rich,
                        "application/vnd.paddock+json; charset=UTF-8", bet("ok-4", s.win, unit(2), "150"))),
                new Call("an Accept that takes JSON among others", 201, s -> s.bet(s.rich,
                        bet("ok-5", s.win, unit(5), "150")).header("Accept", "text/html, application/json;q=0.9")),
                new Call("an Accept of any application type", 201, s -> s.bet(s.rich,
                        bet("ok-6", s.win, unit(6), "150")).header("Accept", "application/*")),
                new Call("an Accept of XML only", 406, s -> s.bet(s.rich,
                        bet("ok-7", s.win, unit(7), "150")).header("Accept", "application/xml")),
                new Call("text", 415, s -> s.post(s.rich, "text/plain", bet("m-1", s.win, unit(1), "150"))),
                new Call("no content type", 415, s -> s.post(s.rich, null, bet("m-2", s.win, unit(1), "150"))),
                new Call("no content type and no body", 400, s -> s.post(s.rich, null, "")),
                new Call("a token that is no JWT", 401, s -> s.bet("Bearer not.a.token", bet("t-1", s.win, unit(1), "150"))),
                new Call("a token signed with another key", 401, s -> s.bet("Bearer " + s.foreignToken,
                        bet("t-2", s.win, unit(1), "150"))),
                new Call("a token signed by this server, then altered", 401, s -> s.bet("Bearer " + altered(s.tokens.get(s.rich)),
                        bet("t-3", s.win, unit(1), "150"))),
                new Call("the scheme in lower case", 201, s -> s.bet("bearer " + s.tokens.get(s.rich),
                        bet("t-4", s.win, unit(3), "150"))),
                new Call("a client that waits for 100 Continue before its body", 201, s -> s.bet(s.rich,
                        bet("ok-8", s.win, unit(8), "150")).expectContinue(true)),
                new Call("two spaces after the scheme", 401, s -> s.bet("Bearer  " + s.tokens.get(s.rich),
                        bet("t-5", s.win, unit(1), "150"))),
                new Call("basic authentication", 401, s -> s.bet("Basic dXNlcjpwYXNz", bet("t-6", s.win, unit(1), "150"))),
                new Call("no token", 401, s -> s.bet((String) null, bet("t-7", s.win, unit(1), "150"))),
                new Call("a token without the customer role", 403, s -> s.bet(s.operator, bet("t-8", s.win, unit(1), "150"))),
                new Call("a token without the role and a bad body", 400, s -> s.bet(s.operator, "{\"requestId\":")),
                new Call("a token without the role and no JSON", 415, s -> s.post(s.operator, "text/plain", "hello")));

        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls) {
            String expected = controller.answer(http, call);
            String actual = lane.answer(http, call);
            softly.assertThat(actual).as(call.name()).isEqualTo(expected);
            softly.assertThat(expected).as(call.name() + ": status").startsWith(call.status() + "\n");
        }
        // an expired token: the same 401 on both
        controller.clock.advance(Duration.ofMinutes(6));
        lane.clock.advance(Duration.ofMinutes(6));
        try {
            Call expired = new Call("an expired token", 401, s -> s.bet(s.rich, bet("t-9", s.win, unit(1), "150")));
            String expected = controller.answer(http, expired);
            softly.assertThat(lane.answer(http, expired)).as(expired.name()).isEqualTo(expected);
            softly.assertThat(expected).as(expired.name() + ": status").startsWith("401\n");
        } finally {
            controller.clock.reset();
            lane.clock.reset();
        }
        softly.assertAll();

        // the lane did serve them (and the controller's server has none)
        assertThat(lane.meters.find("paddock.tote.bet.lane").timers()).isNotEmpty();
        assertThat(controller.meters.find("paddock.tote.bet.lane").timers()).isEmpty();
        // and both stored the same: the same accepted bets, stakes and balances
        assertThat(lane.stored()).isEqualTo(controller.stored())
                .anySatisfy(row -> assertThat(row).startsWith("ok-1 ACCEPTED"));
    }

    private static String bet(String requestId, Object poolId, String formulation, String stake) {
        return "{\"requestId\":\"" + requestId + "\",\"poolId\":\"" + poolId + "\",\"formulation\":" + formulation
                + ",\"stake\":" + stake + "}";
    }

    private static String unit(int... runners) {
        return "{\"type\":\"UNIT\",\"runners\":" + java.util.Arrays.toString(runners) + "}";
    }

    /** The same token with one character of its signature changed. */
    private static String altered(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    /** One of the two servers, its set-up, and the names its own ids are replaced by in answers. */
    private static final class Server {

        final String base;
        final ToteFixtures tote;
        final MutableClock clock;
        final JdbcClient jdbc;
        final MeterRegistry meters;
        final JsonMapper json;
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<AccountId, String> tokens = new LinkedHashMap<>();
        private int bets;
        final UUID win;
        final UUID tierce;
        final UUID couple;
        final UUID retail;
        final UUID notOpen;
        final AccountId rich;
        final AccountId poor;
        final AccountId operator;
        final String foreignToken;
        private final Accounts accounts;

        Server(ApplicationContext context, int port) throws Exception {
            this.base = "http://localhost:" + port;
            this.tote = context.getBean(ToteFixtures.class);
            this.clock = context.getBean(MutableClock.class);
            this.jdbc = context.getBean(JdbcClient.class);
            this.meters = context.getBean(MeterRegistry.class);
            this.json = context.getBean(JsonMapper.class);
            this.accounts = context.getBean(Accounts.class);
            RaceCard race = tote.openRace();
            ProgrammeDesk desk = context.getBean(ProgrammeDesk.class);
            desk.declareNonRunner(race.id(), 9);
            race = context.getBean(dev.paddock.tote.Programme.class).race(race.id()).orElseThrow();
            // race 2 of the same meeting, so its code (R<meeting>C2) never equals the open race's
            RaceCard later = desk.createRace(new ProgrammeDesk.NewRace(race.meetingId(), 2, "Prix d'essai",
                    clock.instant().plus(Duration.ofHours(5)), IntStream.rangeClosed(1, 10)
                            .mapToObj(n -> new ProgrammeDesk.NewRunner(n, "Runner " + n)).toList(), ToteFixtures.BET_TYPES));
            name(race.id(), "race");
            name(later.id(), "later-race");
            name(race.code(), "race-code");
            name(later.code(), "later-race-code");
            win = name(ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id(), "win-pool");
            tierce = name(ToteFixtures.pool(race, BetType.TIERCE).id(), "tierce-pool");
            couple = name(ToteFixtures.pool(race, BetType.COUPLE_GAGNANT).id(), "couple-pool");
            retail = name(race.pools().stream().filter(p -> p.betType() == BetType.SIMPLE_GAGNANT
                    && p.family() == ChannelFamily.RETAIL).findFirst().orElseThrow().id(), "retail-pool");
            notOpen = name(ToteFixtures.pool(later, BetType.SIMPLE_GAGNANT).id(), "later-pool");
            rich = account(tote.player("100.00"), "rich");
            poor = account(tote.player("1.00"), "poor");
            operator = account(tote.player("100.00"), "operator");
            jdbc.sql("update identity.account_roles set role = 'OPERATOR' where account_id = :id and role = 'CUSTOMER'")
                    .param("id", operator.value()).update();
            for (AccountId account : List.of(rich, poor, operator)) {
                tokens.put(account, token(account));
            }
            foreignToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwIiwicm9sZXMiOlsiQ1VTVE9NRVIiXX0."
                    + "c2lnbmVkLWJ5LWFub3RoZXIta2V5LXRoYXQtbm9ib2R5LWhhcw";
        }

        private <T> T name(T id, String name) {
            names.put(id.toString(), "<" + name + ">");
            return id;
        }

        private AccountId account(AccountId id, String name) {
            return name(id, name);
        }

        private String token(AccountId account) throws Exception {
            String email = accounts.find(account).orElseThrow().email();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", TestAccounts.randomIp())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("grantType", "password",
                            "email", email, "password", TestAccounts.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return json.readTree(answer.body()).get("accessToken").asString();
        }

        HttpRequest.Builder bet(AccountId account, String body) {
            return post(account, "application/json", body);
        }

        HttpRequest.Builder bet(String authorization, String body) {
            return post(authorization, "application/json", body);
        }

        HttpRequest.Builder post(AccountId account, String contentType, String body) {
            return post("Bearer " + tokens.get(account), contentType, body);
        }

        HttpRequest.Builder post(String authorization, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + BetWindow.PATH))
                    .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return request;
        }

        /** Status, the answer's headers (sorted, names in lower case) and body, with this server's ids named. */
        String answer(HttpClient http, Call call) throws Exception {
            HttpResponse<String> response = http.send(call.request().apply(this).build(), HttpResponse.BodyHandlers.ofString());
            learnBetId(response.body());
            response.headers().firstValue("Location").ifPresent(this::learnBetId);
            String named = INSTANT.matcher(HttpAnswers.of(response)).replaceAll("\"$1\":\"<instant>\"");
            for (Map.Entry<String, String> id : names.entrySet()) {
                named = named.replace(id.getKey(), id.getValue());
            }
            return named;
        }

        /** Names the bet id a body or a Location shows, in the order answers come: the same names on both servers. */
        private void learnBetId(String text) {
            Matcher betId = BET_ID.matcher(text);
            if (betId.find() && !names.containsKey(betId.group(1))) {
                names.put(betId.group(1), "<bet-" + ++bets + ">");
            }
        }

        /** Every bet stored, as the names of this server: request, status, refusal, stake; then the balances. */
        List<String> stored() {
            List<String> rows = new ArrayList<>(jdbc.sql("""
                            select request_id || ' ' || status || ' ' || coalesce(refusal, '-') || ' ' || total_stake_cents
                            from tote.bets where account_id in (:accounts) order by request_id""")
                    .param("accounts", List.of(rich.value(), poor.value(), operator.value())).query(String.class).list());
            for (AccountId account : List.of(rich, poor, operator)) {
                rows.add(names.get(account.toString()) + " " + tote.balance(account));
            }
            return rows;
        }
    }
}
