package dev.paddock.tote.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.CombinationKey;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The report and the public dividends read from settlement rows written here as settlement writes them (see
 * {@link StoredSettlements}); {@code SettledRaceIT} reads what the real settlement writes.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SettlementReportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    JdbcClient jdbc;

    @Test
    void operatorsDownloadTheSameBytesEveryTimeAndOthersCannot() throws Exception {
        RaceCard race = tote.openRace();
        String api = "/api/tote/races/" + race.id() + "/settlement/report";
        mvc.perform(get(api + ".csv").with(as("OPERATOR"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/settlement-not-found"));
        mvc.perform(get("/api/tote/races/" + UUID.randomUUID() + "/settlement/report.json").with(as("OPERATOR")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-not-found"));
        settle(race);

        byte[] csv = mvc.perform(get(api + ".csv").with(as("OPERATOR"))).andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"settlement-" + race.code()
                        + "-" + race.id() + ".csv\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(mvc.perform(get(api + ".csv").with(as("ADMIN"))).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(csv);
        List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        assertThat(lines).extracting(r -> r.get("bet_type") + " " + r.get("rank") + " " + r.get("combination"))
                .containsExactly("SIMPLE_GAGNANT gagnant 3", "COUPLE_GAGNANT couple 3-5", "TIERCE ordre 3-5-1",
                        "TIERCE desordre 5-3-1", "TIERCE desordre 3-5-1");
        CSVRecord win = lines.getFirst();
        assertThat(win.get("race_code")).isEqualTo(race.code());
        assertThat(win.get("result_version")).isEqualTo("2");
        assertThat(win.get("takeout_rate_pct")).isEqualTo("13.90");
        assertThat(win.get("stakes_eur")).isEqualTo("450.00");
        assertThat(win.get("winning_units")).isEqualTo("40.00");
        assertThat(win.get("dividend_eur")).isEqualTo("6.20");
        assertThat(win.get("paid_winnings_eur")).isEqualTo("386.95");
        assertThat(win.get("winning_tickets")).isEqualTo("12");
        assertThat(lines.get(1).get("pool_status")).isEqualTo("COMPUTED");
        assertThat(lines.get(1).get("paid_winnings_eur")).isEmpty();

        byte[] json = mvc.perform(get(api + ".json").with(as("OPERATOR"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.raceCode").value(race.code()))
                .andExpect(jsonPath("$.pools.length()").value(3))
                .andExpect(jsonPath("$.pools[2].ranks[1].winners[1].dividend").value("24.70"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(mvc.perform(get(api + ".json").with(as("OPERATOR"))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(json);

        mvc.perform(get(api + ".csv").with(as("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(api + ".csv")).andExpect(status().isUnauthorized());
        mvc.perform(get("/backoffice/tote/races/" + race.id() + "/settlement/report.csv").with(page("OPERATOR")))
                .andExpect(status().isOk()).andExpect(content().bytes(csv));
        mvc.perform(get("/backoffice/tote/races/" + race.id() + "/settlement/report.csv").with(page("CUSTOMER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBackOfficeLinksTheReportOfASettledRace() throws Exception {
        RaceCard race = tote.openRace();
        LocalDate date = jdbc.sql("select m.date from tote.meetings m where m.id = :id").param("id", race.meetingId())
                .query(LocalDate.class).single();
        String link = "/backoffice/tote/races/" + race.id() + "/settlement/report.csv";
        assertThat(backoffice(date)).doesNotContain(link);
        settle(race);
        jdbc.sql("update tote.races set status = 'SETTLED' where id = :id").param("id", race.id()).update();
        assertThat(backoffice(date)).contains(link).contains(link.replace(".csv", ".json"));
    }

    @Test
    void dividendsArePublicOncePaidInTheApiAndTheResultsPageFragment() throws Exception {
        RaceCard race = tote.openRace();
        String fragment = "/tote/races/" + race.id() + "/dividends";
        mvc.perform(get("/api/tote/races/" + race.id() + "/dividends")).andExpect(status().isOk())
                .andExpect(jsonPath("$.raceId").value(race.id().toString()))
                .andExpect(jsonPath("$.pools.length()").value(0));
        mvc.perform(get(fragment)).andExpect(status().isNoContent()).andExpect(content().string(""));
        mvc.perform(get("/api/tote/races/" + UUID.randomUUID() + "/dividends")).andExpect(status().isNotFound());
        mvc.perform(get("/tote/races/" + UUID.randomUUID() + "/dividends")).andExpect(status().isNotFound());
        settle(race);

        // the Couplé pool is COMPUTED, not yet paid: not published
        mvc.perform(get("/api/tote/races/" + race.id() + "/dividends")).andExpect(status().isOk())
                .andExpect(jsonPath("$.pools.length()").value(2))
                .andExpect(jsonPath("$.pools[0].betType").value("SIMPLE_GAGNANT"))
                .andExpect(jsonPath("$.pools[0].ranks[0].combinations[0].runners").value("3"))
                .andExpect(jsonPath("$.pools[0].ranks[0].combinations[0].dividend").value(620))
                .andExpect(jsonPath("$.pools[0].ranks[0].labelKey").doesNotExist())
                .andExpect(jsonPath("$.pools[0].ranks[0].combinations[0].euros").doesNotExist())
                .andExpect(jsonPath("$.pools[1].betType").value("TIERCE"))
                .andExpect(jsonPath("$.pools[1].ranks[0].rank").value("ordre"))
                .andExpect(jsonPath("$.pools[1].ranks[0].combinations[0].runners").value("3-5-1"))
                .andExpect(jsonPath("$.pools[1].ranks[0].combinations[0].dividend").value(12340));

        String english = mvc.perform(get(fragment).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Official dividends per 1 EUR staked").contains("Simple Gagnant")
                .contains("6.20 EUR").contains("Tiercé in order").contains("3-5-1").contains("123.40 EUR")
                .contains("Tiercé any order").contains("24.70 EUR").doesNotContain("Couplé");
        String french = mvc.perform(get(fragment).locale(Locale.FRENCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(french).contains("Rapports officiels").contains("Tiercé ordre").contains("Tiercé désordre")
                .contains("6,20\u00a0€").contains("123,40\u00a0€");
    }

    /** Simple Gagnant and Tiercé PAID, Couplé Gagnant still COMPUTED; arrival 3-5-1, result version 2. */
    private void settle(RaceCard race) {
        StoredSettlements stored = new StoredSettlements(jdbc);
        UUID win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id();
        UUID couple = ToteFixtures.pool(race, BetType.COUPLE_GAGNANT).id();
        UUID tierce = ToteFixtures.pool(race, BetType.TIERCE).id();
        stored.pool(win, race.id(), 2, "PAID", new long[] {45000, 0, 6255, 0, 0, 0, 38700, 45},
                new Long[] {38695L, 0L, 12L, 0L});
        stored.dividend(win, "gagnant", 1, CombinationKey.encode(3), "3", 620, 6000);
        stored.pool(couple, race.id(), 2, "COMPUTED", new long[] {10000, 0, 2670, 0, 0, 0, 7300, 30},
                new Long[] {null, null, null, null});
        stored.dividend(couple, "couple", 1, CombinationKey.encodeUnordered(3, 5), "3-5", 730, 1000);
        stored.pool(tierce, race.id(), 2, "PAID", new long[] {100000, 0, 22650, 0, 0, 0, 77110, 240},
                new Long[] {77110L, 0L, 40L, 0L});
        stored.dividend(tierce, "desordre", 2, CombinationKey.encode(5, 3, 1), "5-3-1", 2470, 500);
        stored.dividend(tierce, "desordre", 2, CombinationKey.encode(3, 5, 1), "3-5-1", 2470, 1200);
        stored.dividend(tierce, "ordre", 1, CombinationKey.encode(3, 5, 1), "3-5-1", 12340, 300);
    }

    private String backoffice(LocalDate date) throws Exception {
        return mvc.perform(get("/backoffice/tote").param("date", date.toString()).with(page("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static RequestPostProcessor as(String role) {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static RequestPostProcessor page(String role) {
        return user(new AccountPrincipal(AccountId.random(), "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
