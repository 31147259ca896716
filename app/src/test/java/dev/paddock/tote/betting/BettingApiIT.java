package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.TestAccounts;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.CombinationKey;
import dev.paddock.tote.BetAccepted;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.wallet.LedgerChecks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bet API as a client uses it, with a real access token: with the lane on (the default) bets are served
 * by {@link BetLane}; {@link BettingApiWithoutLaneIT} runs the same tests through Spring Security and Spring MVC.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
public class BettingApiIT {

    static final String PROBLEM = "https://paddock.dev/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    RecordedBets recorded;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Accounts directory;

    @Autowired
    MeterRegistry meters;

    private final Map<AccountId, String> tokens = new HashMap<>();

    /** Whether this class's context serves bets through the lane. */
    boolean lane() {
        return true;
    }

    @Test
    void betsAreServedByTheLaneExactlyWhenItIsOn() throws Exception {
        PoolCard win = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("10.00");
        double before = laneServed();
        long observed = observedBets();

        place(player, "lane-1", win.id(), unit(1), 150).andExpect(status().isCreated());
        place(player, "lane-1", win.id(), unit(1), 150).andExpect(status().isCreated());

        assertThat(laneServed() - before).isEqualTo(lane() ? 2 : 0);
        // the lane times its bets itself: http.server.requests observes only the bets Spring MVC serves
        assertThat(observedBets() - observed).isEqualTo(lane() ? 0 : 2);
    }

    private long observedBets() {
        return meters.find("http.server.requests").tag("uri", "/api/tote/bets").tag("method", "POST").timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    private double laneServed() {
        var timer = meters.find("paddock.tote.bet.lane").timer();
        return timer == null ? 0 : timer.count();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAcceptedBetIsStoredInFullAddedToItsPoolDebitedAndAnnounced() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard tierce = ToteFixtures.pool(race, BetType.TIERCE);
        AccountId player = tote.player("100.00");

        JsonNode bet = body(place(player, "r-1", tierce.id(), "{\"type\":\"COMBINED\",\"runners\":[3,5,7]}", 100)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/tote/my/bets/")))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.combinations").value(6))
                .andExpect(jsonPath("$.totalStake").value(600))
                .andExpect(jsonPath("$.raceCode").value(race.code())));

        UUID betId = UUID.fromString(bet.get("betId").asString());
        assertThat(jdbc.sql("select formulation || ' ' || channel || ' ' || country from tote.bets where id = :id")
                .param("id", betId).query(String.class).single()).isEqualTo("C:3,5,7 WEB FR");
        assertThat(tote.poolTotal(tierce.id())).isEqualTo(600);
        assertThat(tote.onCombination(tierce.id(), CombinationKey.encode(7, 5, 3))).isEqualTo(100);
        assertThat(tote.balance(player)).isEqualTo(9400);
        new LedgerChecks(jdbc).assertConsistent(player, 9400);
        assertThat(new LedgerChecks(jdbc).entriesWithKey("tote:bet:" + betId)).isOne();
        assertThat(recorded.accepted(betId)).singleElement().satisfies(event -> {
            assertThat(event.stake()).isEqualTo(600);
            assertThat(event.poolId()).isEqualTo(tierce.id());
            assertThat(event.accountId()).isEqualTo(player);
        });
    }

    @Test
    void aChampTotalIsStoredWithItsPartnersAndABig5CoversTheProductOfItsLegs() throws Exception {
        List<RaceCard> legs = List.of(tote.openRace(), tote.openRace(), tote.openRace(), tote.openRace(), tote.openRace());
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).stream()
                .filter(p -> p.family() == dev.paddock.parimutuel.ChannelFamily.ONLINE).findFirst().orElseThrow();
        PoolCard couple = ToteFixtures.pool(legs.getFirst(), BetType.COUPLE_GAGNANT);
        AccountId player = tote.player("100.00");

        place(player, "champ", couple.id(), "{\"type\":\"CHAMP\",\"bases\":[4]}", 100)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.combinations").value(9))
                .andExpect(jsonPath("$.formulation").value("H:4/1,2,3,5,6,7,8,9,10"));
        place(player, "big5", big5.id(), "{\"type\":\"LEGS\",\"legs\":[[1,2],[3],[4,5,6],[7],[8]]}", 100)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.combinations").value(6))
                .andExpect(jsonPath("$.raceCode").value(legs.getFirst().code()));

        assertThat(tote.poolTotal(big5.id())).isEqualTo(600);
        assertThat(tote.onCombination(big5.id(), CombinationKey.encode(2, 3, 5, 7, 8))).isEqualTo(100);
        assertThat(tote.balance(player)).isEqualTo(10000 - 900 - 600);
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstOutcomeAndOtherContentIsRefused() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("100.00");

        String first = body(place(player, "same", win.id(), unit(4), 150).andExpect(status().isCreated()))
                .get("betId").asString();
        place(player, "same", win.id(), unit(4), 150)
                .andExpect(status().isCreated())
                .andExpect(header().string(BetApiController.REPLAYED, "true"))
                .andExpect(jsonPath("$.betId").value(first));
        place(player, "same", win.id(), unit(5), 150)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "request-id-reused"));

        assertThat(tote.balance(player)).isEqualTo(9850);
        assertThat(tote.poolTotal(win.id())).isEqualTo(150);
        // another player may use the same request id
        place(tote.player("10.00"), "same", win.id(), unit(4), 150).andExpect(status().isCreated());
    }

    @Test
    void insufficientFundsRefusesTheBetWithoutTakingAnythingAndARetryGetsTheSameRefusal() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("1.00");

        place(player, "poor", win.id(), unit(1), 150)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "insufficient-funds"));
        place(player, "poor", win.id(), unit(1), 150)
                .andExpect(jsonPath("$.type").value(PROBLEM + "insufficient-funds"));

        assertThat(tote.balance(player)).isEqualTo(100);
        assertThat(tote.poolTotal(win.id())).isZero();
        assertThat(tote.statuses(player)).containsExactly("REFUSED");
        new LedgerChecks(jdbc).assertConsistent(player, 100);
    }

    @Test
    void channelControlNamesTheOffendingFieldOrRule() throws Exception {
        RaceCard race = tote.openRace();
        desk.declareNonRunner(race.id(), 9);
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        PoolCard tierce = ToteFixtures.pool(race, BetType.TIERCE);
        AccountId player = tote.player("100.00");

        expectField(place(player, "x1", win.id(), unit(11), 150), "formulation.runners", "unknown-runner");
        expectField(place(player, "x2", win.id(), unit(9), 150), "formulation.runners", "non-runner");
        expectField(place(player, "x3", tierce.id(), unit(1, 2), 100), "formulation.runners", "invalid");
        expectField(place(player, "x4", win.id(), unit(1), 200), "stake", "multiple");
        expectField(place(player, "x5", win.id(), unit(1), 600_000), "stake", "max");
        expectField(place(player, "x6", win.id(), "{\"type\":\"SPLIT\",\"runners\":[1]}", 150), "formulation.type", "invalid");
        expectField(place(player, "x7", win.id(), unit(1), 150, "KIOSK"), "channel", "invalid");
        place(player, "x8", ToteFixtures.pool(race, BetType.QUINTE_PLUS).id(), unit(1, 2, 3, 4, 5), 100)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stake"))
                .andExpect(jsonPath("$.errors[0].code").value("multiple"));
        PoolCard retail = race.pools().stream().filter(p -> p.betType() == BetType.SIMPLE_GAGNANT
                && p.family() == dev.paddock.parimutuel.ChannelFamily.RETAIL).findFirst().orElseThrow();
        place(player, "x9", retail.id(), unit(1), 200).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "channel-not-allowed"));
        place(player, "x10", UUID.randomUUID(), unit(1), 150).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "pool-not-found"));

        RaceCard scheduled = tote.scheduledRace(Duration.ofHours(5));
        place(player, "x11", ToteFixtures.pool(scheduled, BetType.SIMPLE_GAGNANT).id(), unit(1), 150)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEM + "race-closed"));

        AccountId minor = tote.player("100.00");
        // 18 tomorrow in Paris, whose date the age check uses (from 22:00 or 23:00 UTC it is a day ahead of UTC)
        tote.set(minor, "date_of_birth",
                LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Paris")).minusYears(18).plusDays(1));
        place(minor, "y1", win.id(), unit(1), 150).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "underage"));

        AccountId excluded = tote.player("100.00");
        tote.set(excluded, "self_excluded_until", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(30))));
        place(excluded, "y2", win.id(), unit(1), 150).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "self-excluded"));

        AccountId abroad = tote.player("100.00");
        tote.set(abroad, "country_of_residence", "GB");
        place(abroad, "y3", win.id(), unit(1), 150).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "country-not-allowed"));

        AccountId limited = tote.player("100.00");
        tote.set(limited, "weekly_stake_limit", 1000L);
        place(limited, "y4", win.id(), unit(1), 600).andExpect(status().isCreated());
        place(limited, "y5", win.id(), unit(2), 450).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "weekly-stake-limit"));
        place(limited, "y6", win.id(), unit(2), 300).andExpect(status().isCreated());

        assertThat(tote.statuses(player)).isEmpty();
        assertThat(tote.balance(player)).isEqualTo(10000);
        assertThat(tote.poolTotal(win.id())).isEqualTo(900);
    }

    @Test
    void badInputIsAProblemNeverA500() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("10.00");

        send(player, "{\"requestId\":\"a\",\"poolId\":\"" + win.id() + "\",\"stake\":150,\"colour\":\"red\","
                + "\"formulation\":{\"runners\":[1]}}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(player, "{\"requestId\":").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        expectField(send(player, "{\"poolId\":\"" + win.id() + "\",\"stake\":150,\"formulation\":{\"runners\":[1]}}"),
                "requestId", "required");
        expectField(send(player, "{\"requestId\":\"" + "x".repeat(101) + "\",\"poolId\":\"" + win.id()
                + "\",\"stake\":150,\"formulation\":{\"runners\":[1]}}"), "requestId", "size");
        expectField(send(player, "{\"requestId\":\"b\",\"stake\":150,\"formulation\":{\"runners\":[1]}}"), "poolId", "required");
        expectField(send(player, "{\"requestId\":\"c\",\"poolId\":\"" + win.id() + "\",\"formulation\":{\"runners\":[1]}}"),
                "stake", "required");
        expectField(send(player, "{\"requestId\":\"d\",\"poolId\":\"" + win.id() + "\",\"stake\":150}"), "formulation", "required");
        expectField(send(player, "{\"requestId\":\"e\",\"poolId\":\"" + win.id() + "\",\"stake\":150,\"formulation\":{}}"),
                "formulation.runners", "required");
        send(player, "{\"requestId\":\"f\",\"poolId\":\"not-a-uuid\",\"stake\":150,\"formulation\":{\"runners\":[1]}}")
                .andExpect(status().isBadRequest());
        // cents are integers: 1.5 or "150" is refused, never rounded or converted
        expectField(send(player, "{\"requestId\":\"g\",\"poolId\":\"" + win.id()
                + "\",\"stake\":1.5,\"formulation\":{\"runners\":[1]}}"), "stake", "type");
        expectField(send(player, "{\"requestId\":\"h\",\"poolId\":\"" + win.id()
                + "\",\"stake\":\"150\",\"formulation\":{\"runners\":[1]}}"), "stake", "type");
        mvc.perform(get("/api/tote/my/bets/not-a-uuid").with(as(player))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/tote/my/bets?size=0").with(as(player))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/tote/bets/" + UUID.randomUUID() + "/cancellation").with(as(player)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEM + "bet-not-found"));
        mvc.perform(post("/api/tote/bets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void thePortfolioListsThePlayersBetsNewestFirst() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("100.00");
        for (int i = 1; i <= 3; i++) {
            place(player, "p" + i, win.id(), unit(i), 150).andExpect(status().isCreated());
        }
        place(tote.player("100.00"), "other", win.id(), unit(1), 150).andExpect(status().isCreated());

        mvc.perform(get("/api/tote/my/bets?page=0&size=2").with(as(player)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].requestId").value("p3"))
                .andExpect(jsonPath("$.items[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.items[0].stake").value(150))
                .andExpect(jsonPath("$.items[0].raceCode").value(race.code()))
                .andExpect(jsonPath("$.items[1].requestId").value("p2"));
        String id = body(mvc.perform(get("/api/tote/my/bets?page=1&size=2").with(as(player)))
                .andExpect(jsonPath("$.items[0].requestId").value("p1"))).get("items").get(0).get("betId").asString();
        mvc.perform(get("/api/tote/my/bets/" + id).with(as(player))).andExpect(jsonPath("$.formulation").value("U:1"));
        mvc.perform(get("/api/tote/my/bets/" + id).with(as(tote.player("0")))).andExpect(status().isNotFound());
    }

    @Test
    void anOnlineBetIsCancelledWithinFifteenMinutesAndBeforeTheStart() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard couple = ToteFixtures.pool(race, BetType.COUPLE_GAGNANT);
        AccountId player = tote.player("100.00");
        String kept = betId(place(player, "kept", couple.id(), "{\"type\":\"COMBINED\",\"runners\":[1,2,3]}", 100));
        String cancelled = betId(place(player, "gone", couple.id(), "{\"type\":\"COMBINED\",\"runners\":[1,2,3]}", 200));
        assertThat(tote.poolTotal(couple.id())).isEqualTo(900);

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(post("/api/tote/bets/" + cancelled + "/cancellation").with(as(tote.player("0"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/tote/bets/" + cancelled + "/cancellation").with(as(player)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/tote/bets/" + cancelled + "/cancellation").with(as(player)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        assertThat(tote.poolTotal(couple.id())).isEqualTo(300);
        assertThat(tote.onCombination(couple.id(), CombinationKey.encodeUnordered(1, 2))).isEqualTo(100);
        assertThat(tote.balance(player)).isEqualTo(10000 - 300);
        new LedgerChecks(jdbc).assertConsistent(player, 9700);
        assertThat(recorded.cancelled(UUID.fromString(cancelled))).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(post("/api/tote/bets/" + kept + "/cancellation").with(as(player)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEM + "not-cancellable"));
        assertThat(tote.status(UUID.fromString(kept))).isEqualTo("ACCEPTED");
    }

    @Test
    void noCancellationOnceTheRaceIsClosed() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("100.00");
        String bet = betId(place(player, "late", win.id(), unit(3), 150));
        desk.close(race.id());

        mvc.perform(post("/api/tote/bets/" + bet + "/cancellation").with(as(player)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEM + "not-cancellable"));
        place(player, "after-close", win.id(), unit(3), 150).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "race-closed"));
        assertThat(tote.balance(player)).isEqualTo(9850);
        assertThat(tote.poolTotal(win.id())).isEqualTo(150);
    }

    private String betId(ResultActions result) throws Exception {
        return body(result.andExpect(status().isCreated())).get("betId").asString();
    }

    private ResultActions place(AccountId player, String requestId, UUID poolId, String formulation, long stake)
            throws Exception {
        return place(player, requestId, poolId, formulation, stake, null);
    }

    private ResultActions place(AccountId player, String requestId, UUID poolId, String formulation, long stake,
            String channel) throws Exception {
        return send(player, "{\"requestId\":\"" + requestId + "\",\"poolId\":\"" + poolId + "\",\"formulation\":"
                + formulation + ",\"stake\":" + stake + (channel == null ? "" : ",\"channel\":\"" + channel + "\"") + "}");
    }

    private ResultActions send(AccountId player, String body) throws Exception {
        return mvc.perform(post("/api/tote/bets").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token(player)))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A real access token, as a client sends it (the lane reads only real ones). */
    private String token(AccountId player) throws Exception {
        String token = tokens.get(player);
        if (token == null) {
            token = accounts.tokens(mvc, directory.find(player).orElseThrow().email(), TestAccounts.PASSWORD)
                    .get("accessToken").asString();
            tokens.put(player, token);
        }
        return token;
    }

    private static void expectField(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    private static String unit(int... runners) {
        return "{\"type\":\"UNIT\",\"runners\":" + java.util.Arrays.toString(runners) + "}";
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    public static JwtRequestPostProcessor as(AccountId account) {
        return jwt().jwt(j -> j.subject(account.toString()).claim("roles", List.of("CUSTOMER")))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
    }
}
