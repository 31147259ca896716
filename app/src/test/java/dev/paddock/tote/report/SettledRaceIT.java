package dev.paddock.tote.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.BettingApiIT;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.tote.results.ResultFixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report and the public dividends of races settled by the real settlement, from bets placed through the API. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SettledRaceIT {

    /** Arrival 3 5 1 7 2, the same bets on two races. */
    static final String ARRIVAL = "3 5 1 7 2";

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ResultFixtures results;

    @Autowired
    ProgrammeDesk programme;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameBetsAndArrivalGiveTheSameReportAndItAddsUp() throws Exception {
        AccountId ann = tote.player("500.00");
        AccountId bob = tote.player("500.00");
        RaceCard first = race(ann, bob);
        RaceCard second = race(ann, bob);
        settle(first);
        settle(second);

        String firstCsv = csv(first);
        assertThat(csv(first)).isEqualTo(firstCsv);
        settleAgain(first);
        assertThat(csv(first)).as("settling again changes nothing").isEqualTo(firstCsv);
        assertThat(anonymous(firstCsv, first)).isEqualTo(anonymous(csv(second), second));
        assertThat(anonymous(json(first), first)).isEqualTo(anonymous(json(second), second));

        List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(firstCsv)).getRecords();
        assertThat(lines).extracting(r -> r.get("bet_type")).contains("SIMPLE_GAGNANT", "SIMPLE_PLACE",
                "COUPLE_GAGNANT", "TIERCE", "QUINTE_PLUS");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("pool_status")).isEqualTo("PAID");
            assertThat(cents(line.get("stakes_eur")) + cents(line.get("reserve_out_eur"))
                    + cents(line.get("operator_top_up_eur")))
                    .as("conservation in " + line.get("bet_type"))
                    .isEqualTo(cents(line.get("refunds_eur")) + cents(line.get("takeout_eur"))
                            + cents(line.get("reserve_in_eur")) + cents(line.get("payouts_eur"))
                            + cents(line.get("breakage_eur")));
        });
        CSVRecord win = lines.stream().filter(l -> l.get("bet_type").equals("SIMPLE_GAGNANT")).findFirst().orElseThrow();
        assertThat(win.get("combination")).isEqualTo("3");
        assertThat(win.get("rank")).isEqualTo("gagnant");
        assertThat(win.get("winning_units")).isEqualTo("3.00");
        // (1 - 13.90 %) x 9.00 / 4.50 = 1.722 -> 1.70
        assertThat(win.get("dividend_eur")).isEqualTo("1.70");
        assertThat(win.get("winning_tickets")).isEqualTo("2");
        assertThat(win.get("paid_winnings_eur")).isEqualTo(euros(paidOnTickets(pool(first, BetType.SIMPLE_GAGNANT))));
        JsonNode status = json.readTree(mvc.perform(get("/api/tote/races/" + first.id() + "/settlement")
                .with(SettlementReportIT.as("OPERATOR"))).andReturn().getResponse().getContentAsString());
        for (JsonNode pool : status.get("pools")) {
            CSVRecord line = lines.stream().filter(l -> l.get("pool_id").equals(pool.get("poolId").asString()))
                    .findFirst().orElseThrow();
            assertThat(cents(line.get("stakes_eur"))).isEqualTo(pool.get("stakes").asLong());
            assertThat(cents(line.get("payouts_eur"))).isEqualTo(pool.get("payouts").asLong());
            assertThat(cents(line.get("paid_winnings_eur"))).isEqualTo(pool.get("paidWinnings").asLong());
            assertThat(line.get("rule_set_version")).isEqualTo(pool.get("ruleSetVersion").asString());
        }

        JsonNode published = json.readTree(mvc.perform(get("/api/tote/races/" + first.id() + "/dividends"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(published.get("pools").get(0).get("betType").asString()).isEqualTo("SIMPLE_GAGNANT");
        assertThat(published.get("pools").get(0).get("ranks").get(0).get("combinations").get(0).get("dividend").asLong())
                .isEqualTo(170);
        assertThat(mvc.perform(get("/tote/races/" + first.id() + "/dividends")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Simple Gagnant").contains("1.70 EUR");
    }

    @Test
    void aCancelledRaceShowsItsPoolsRefunded() throws Exception {
        AccountId ann = tote.player("100.00");
        RaceCard race = tote.openRace();
        bet(ann, race, BetType.SIMPLE_GAGNANT, unit(3), 300);
        bet(ann, race, BetType.TIERCE, unit(3, 5, 1), 100);
        programme.cancel(race.id());
        awaitSettled(race);

        JsonNode published = json.readTree(mvc.perform(get("/api/tote/races/" + race.id() + "/dividends"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(published.get("pools")).isNotEmpty().allSatisfy(pool -> {
            assertThat(pool.get("refunded").asBoolean()).isTrue();
            assertThat(pool.get("ranks")).isEmpty();
        });
        assertThat(mvc.perform(get("/tote/races/" + race.id() + "/dividends")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Pool refunded");
        List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv(race))).getRecords();
        CSVRecord win = lines.stream().filter(l -> l.get("bet_type").equals("SIMPLE_GAGNANT")
                && l.get("channel_family").equals("ONLINE")).findFirst().orElseThrow();
        assertThat(win.get("whole_pool_refunded")).isEqualTo("true");
        assertThat(win.get("refunds_eur")).isEqualTo("3.00");
        assertThat(win.get("paid_refunds_eur")).isEqualTo("3.00");
        assertThat(win.get("refunded_tickets")).isEqualTo("1");
        assertThat(win.get("rank")).isEmpty();
    }

    private RaceCard race(AccountId ann, AccountId bob) throws Exception {
        RaceCard race = tote.openRace();
        bet(ann, race, BetType.SIMPLE_GAGNANT, unit(3), 300);
        bet(bob, race, BetType.SIMPLE_GAGNANT, unit(3), 150);
        bet(bob, race, BetType.SIMPLE_GAGNANT, unit(5), 450);
        bet(ann, race, BetType.SIMPLE_PLACE, unit(1), 150);
        bet(bob, race, BetType.SIMPLE_PLACE, unit(5), 300);
        bet(bob, race, BetType.SIMPLE_PLACE, unit(8), 300);
        bet(ann, race, BetType.COUPLE_GAGNANT, unit(3, 5), 200);
        bet(bob, race, BetType.COUPLE_GAGNANT, "{\"type\":\"COMBINED\",\"runners\":[1,3,5,9]}", 100);
        bet(ann, race, BetType.TIERCE, unit(3, 5, 1), 100);
        bet(bob, race, BetType.TIERCE, unit(5, 3, 1), 300);
        bet(bob, race, BetType.TIERCE, "{\"type\":\"COMBINED\",\"runners\":[1,2,3,5]}", 100);
        bet(ann, race, BetType.QUINTE_PLUS, unit(3, 5, 1, 7, 2), 200);
        bet(bob, race, BetType.QUINTE_PLUS, unit(3, 5, 1, 2, 7), 200);
        bet(bob, race, BetType.QUINTE_PLUS, unit(9, 8, 6, 4, 10), 400);
        programme.close(race.id());
        results.official(race.id(), ARRIVAL, "");
        return race;
    }

    private void settle(RaceCard race) throws Exception {
        mvc.perform(post("/api/tote/races/" + race.id() + "/settle").with(SettlementReportIT.as("OPERATOR")))
                .andExpect(status().isAccepted());
        awaitSettled(race);
    }

    private void settleAgain(RaceCard race) throws Exception {
        mvc.perform(post("/api/tote/races/" + race.id() + "/settle").with(SettlementReportIT.as("OPERATOR")));
        awaitSettled(race);
    }

    /** Settlement runs in the background: waits for its status, with no assertion on how long it takes. */
    private void awaitSettled(RaceCard race) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode status = json.readTree(mvc.perform(get("/api/tote/races/" + race.id() + "/settlement")
                    .with(SettlementReportIT.as("OPERATOR"))).andReturn().getResponse().getContentAsString());
            if (status.get("status").asString().equals("SETTLED")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("race " + race.code() + " never became SETTLED");
    }

    private String csv(RaceCard race) throws Exception {
        return new String(mvc.perform(get("/api/tote/races/" + race.id() + "/settlement/report.csv")
                        .with(SettlementReportIT.as("OPERATOR"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private String json(RaceCard race) throws Exception {
        return new String(mvc.perform(get("/api/tote/races/" + race.id() + "/settlement/report.json")
                        .with(SettlementReportIT.as("OPERATOR"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The report with the race's own names (ids, code) replaced by what they stand for. */
    private static String anonymous(String report, RaceCard race) {
        Map<String, String> names = new HashMap<>();
        names.put(race.id().toString(), "RACE");
        names.put(race.code(), "CODE");
        race.pools().forEach(pool -> names.put(pool.id().toString(), pool.betType() + "/" + pool.family()));
        String anonymous = report;
        for (Map.Entry<String, String> name : names.entrySet()) {
            anonymous = anonymous.replace(name.getKey(), name.getValue());
        }
        return anonymous;
    }

    private void bet(AccountId player, RaceCard race, BetType type, String formulation, long stake) throws Exception {
        PoolCard pool = ToteFixtures.pool(race, type);
        mvc.perform(post("/api/tote/bets").with(BettingApiIT.as(player)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"poolId\":\"" + pool.id()
                                + "\",\"formulation\":" + formulation + ",\"stake\":" + stake + "}"))
                .andExpect(status().isCreated());
    }

    private static String unit(int... runners) {
        return "{\"type\":\"UNIT\",\"runners\":" + java.util.Arrays.toString(runners) + "}";
    }

    private static UUID pool(RaceCard race, BetType type) {
        return ToteFixtures.pool(race, type).id();
    }

    private long paidOnTickets(UUID poolId) {
        return jdbc.sql("select coalesce(sum(winnings_cents), 0) from tote.bets where pool_id = :pool")
                .param("pool", poolId).query(Long.class).single();
    }

    private static long cents(String euros) {
        return new java.math.BigDecimal(euros).movePointRight(2).longValueExact();
    }

    private static String euros(long cents) {
        return Amounts.euros(cents);
    }
}
