package dev.paddock.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A race run from the back-office pages alone: setup, start, a missed crossing, a status, a review. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class TimingDeskIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorRunsARaceFromTheDesk() throws Exception {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        // scheduled tomorrow, started now: the marshal's time of day belongs to the day of the start signal
        UUID race = TimingFixtures.race(jdbc, "Desk 5 km", 5_000, start);
        TimingFixtures.starter(jdbc, race, 7, "Ida", "Weber", "F", "1991-03-03", Map.of());
        TimingFixtures.starter(jdbc, race, 8, "Jon", "Roth", "M", "1988-08-08", Map.of());

        assertThat(mvc.perform(get("/backoffice/timing").with(operator())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("Desk 5 km");
        mvc.perform(post("/backoffice/timing/races/" + race + "/setup").with(operator()).with(csrf())
                        .param("officialClock", "NET").param("points", "start START 0\nfinish FINISH 5000")
                        .param("timeLimit", "1H"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "Timing saved"));
        mvc.perform(post("/backoffice/timing/races/" + race + "/setup").with(operator()).with(csrf())
                        .param("officialClock", "NET").param("points", "finish FINISH"))
                .andExpect(flash().attributeExists("problem"));
        // A ranking set up through the API survives the desk's edit of the course, and keeps the points it uses.
        jdbc.sql("update timing.races set rankings = cast(? as jsonb) where race_id = ?")
                .params("[{\"code\":\"fast\",\"grouping\":\"OVERALL\",\"point\":\"finish\"}]", race).update();
        mvc.perform(post("/backoffice/timing/races/" + race + "/setup").with(operator()).with(csrf())
                        .param("officialClock", "NET").param("points", "start START 0\nfinish FINISH 5000")
                        .param("timeLimit", "1H"))
                .andExpect(flash().attribute("done", "Timing saved"));
        assertThat(jdbc.sql("select rankings::text from timing.races where race_id = ?").params(race).query(String.class)
                .single()).contains("fast");
        mvc.perform(post("/backoffice/timing/races/" + race + "/setup").with(operator()).with(csrf())
                        .param("officialClock", "NET").param("points", "start START 0\nziel FINISH 5000"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("finish")));
        mvc.perform(post("/backoffice/timing/races/" + race + "/start").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Instant fired = jdbc.sql("select started_at from timing.races where race_id = ?").params(race)
                .query(java.sql.Timestamp.class).single().toInstant();
        String finish = java.time.LocalTime.ofInstant(fired.plus(Duration.ofMinutes(21)), java.time.ZoneId.of("Europe/Zurich")).toString();
        mvc.perform(post("/backoffice/timing/races/" + race + "/passings").with(operator()).with(csrf())
                        .param("bib", "7").param("point", "finish").param("time", finish).param("reason", "Marshal's sheet"))
                .andExpect(flash().attribute("done", "Read of bib 7: COUNTED"));
        mvc.perform(post("/backoffice/timing/races/" + race + "/passings").with(operator()).with(csrf())
                        .param("bib", "8").param("point", "finish").param("time", finish).param("reason", "x"))
                .andExpect(flash().attribute("problem", "Give a reason of 3 to 500 characters"));
        mvc.perform(post("/backoffice/timing/races/" + race + "/status").with(operator()).with(csrf())
                        .param("bib", "8").param("status", "DNS").param("reason", "Did not pick up the bib"))
                .andExpect(flash().attribute("done", "Status of bib 8: DNS"));

        await().atMost(Duration.ofSeconds(1)).until(() -> mvc.perform(get("/results/races/" + race)).andReturn()
                .getResponse().getContentAsString().contains("Ida Weber"));
        String desk = mvc.perform(get("/backoffice/timing/races/" + race).with(operator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("STATUS_SET", "PASSING_ADDED", "Did not pick up the bib", "Wave", "1 ranked of 2 starters");
        mvc.perform(get("/backoffice/timing").with(user(new AccountPrincipal(AccountId.random(), "c@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")))))).andExpect(status().isForbidden());
    }

    private static RequestPostProcessor operator() {
        return user(new AccountPrincipal(AccountId.random(), "op@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
    }
}
