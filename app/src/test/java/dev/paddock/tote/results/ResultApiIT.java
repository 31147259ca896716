package dev.paddock.tote.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.parimutuel.Arrival;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.ResultOfficial;
import dev.paddock.tote.ResultProvisional;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Results over REST and through {@link Results}, on a real PostgreSQL. Every test has its own race. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class ResultApiIT {

    static final String PROBLEMS = "https://paddock.dev/problems/";
    static final String OPERATOR = UUID.randomUUID().toString();

    @Autowired
    MockMvc mvc;

    @Autowired
    ResultFixtures fixtures;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ProgrammeDesk programme;

    @Autowired
    Programme cards;

    @Autowired
    Results results;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorEntersCorrectsAndConfirmsAResultWithDeadHeatsNonRunnersAndDisqualifications() throws Exception {
        RaceCard race = fixtures.closedRace(9);
        String url = "/api/tote/ops/races/" + race.id() + "/result";

        ops(put(url), "{\"finish\":[[3],[1,7],[5],[2]],\"disqualified\":[4]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PROVISIONAL"))
                .andExpect(jsonPath("$.status").value("RESULT_PROVISIONAL"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.code").value(race.code()))
                .andExpect(jsonPath("$.finish", hasSize(4)))
                .andExpect(jsonPath("$.finish[0].position").value(1))
                .andExpect(jsonPath("$.finish[0].runners[0].number").value(3))
                .andExpect(jsonPath("$.finish[0].runners[0].name").value("Runner 3"))
                .andExpect(jsonPath("$.finish[1].position").value(2))
                .andExpect(jsonPath("$.finish[1].deadHeat").value(true))
                .andExpect(jsonPath("$.finish[1].runners[1].number").value(7))
                .andExpect(jsonPath("$.finish[2].position").value(4))
                .andExpect(jsonPath("$.finish[2].deadHeat").value(false))
                .andExpect(jsonPath("$.finish[3].position").value(5))
                .andExpect(jsonPath("$.nonRunners[0].number").value(9))
                .andExpect(jsonPath("$.disqualified[0].number").value(4))
                .andExpect(jsonPath("$.starters").value(9))
                .andExpect(jsonPath("$.officialAt").doesNotExist());
        assertThat(results.official(race.id())).isEmpty();
        assertThat(cards.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.RESULT_PROVISIONAL);
        assertThatThrownBy(() -> programme.transition(race.id(), RaceStatus.RESULT_OFFICIAL))
                .as("a result status is reached only with its result, through the results desk")
                .isInstanceOf(IllegalArgumentException.class);

        ops(put(url), "{\"finish\":[[3],[1],[7],[5],[2]],\"disqualified\":[4]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        ops(put(url), "{\"finish\":[[3],[1],[7],[5],[2]],\"disqualified\":[4],\"reason\":\"photo\",\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.finish[1].deadHeat").value(false));
        ops(post(url + "/official"), "{\"version\":1}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "conflict"));
        ops(post(url + "/official"), "{\"version\":2}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OFFICIAL"))
                .andExpect(jsonPath("$.status").value("RESULT_OFFICIAL"))
                .andExpect(jsonPath("$.officialAt").isNotEmpty());

        OfficialArrival official = results.official(race.id()).orElseThrow();
        assertThat(official.version()).isEqualTo(2);
        assertThat(official.arrival()).isEqualTo(new Arrival(List.of(List.of(3), List.of(1), List.of(7), List.of(5),
                List.of(2)), Set.of(9), Set.of(4), 9, false));

        ops(put(url), "{\"finish\":[[3],[1,7],[5],[2]],\"disqualified\":[],\"reason\":\"4 reinstated by the stewards\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.state").value("PROVISIONAL"))
                .andExpect(jsonPath("$.status").value("RESULT_PROVISIONAL"));
        assertThat(results.official(race.id())).isEmpty();
        ops(post(url + "/official"), "").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3));
        ops(post(url + "/official"), "").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3));

        official = results.official(race.id()).orElseThrow();
        assertThat(official.version()).isEqualTo(3);
        assertThat(official.arrival().finish()).containsExactly(List.of(3), List.of(1, 7), List.of(5), List.of(2));
        assertThat(official.arrival().disqualified()).isEmpty();
        assertThat(official.officialAt()).isNotNull();

        ops(get(url + "/history"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].action").value("ENTERED"))
                .andExpect(jsonPath("$[0].by").value(OPERATOR))
                .andExpect(jsonPath("$[0].finish[1][1]").value(7))
                .andExpect(jsonPath("$[1].action").value("CORRECTED"))
                .andExpect(jsonPath("$[1].reason").value("photo"))
                .andExpect(jsonPath("$[1].version").value(2))
                .andExpect(jsonPath("$[2].action").value("OFFICIAL"))
                .andExpect(jsonPath("$[3].action").value("CORRECTED"))
                .andExpect(jsonPath("$[3].reason").value("4 reinstated by the stewards"))
                .andExpect(jsonPath("$[3].disqualified", hasSize(0)))
                .andExpect(jsonPath("$[4].action").value("OFFICIAL"))
                .andExpect(jsonPath("$[4].version").value(3));

        assertThat(events.stream(ResultProvisional.class).filter(e -> e.raceId().equals(race.id()))
                .map(ResultProvisional::version)).containsExactly(1, 2, 3);
        assertThat(events.stream(ResultOfficial.class).filter(e -> e.raceId().equals(race.id()))
                .map(ResultOfficial::version)).containsExactly(2, 3);

        programme.transition(race.id(), RaceStatus.SETTLED);
        ops(put(url), "{\"finish\":[[1],[3],[7],[5],[2]],\"reason\":\"too late\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "result-final"));
        assertThat(results.official(race.id()).orElseThrow().version()).isEqualTo(3);
        mvc.perform(get("/api/tote/races/" + race.id() + "/result"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.state").value("OFFICIAL"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                      | finish
            {"finish":[]}                                           | finish
            {"finish":[[1],[2],[3],[4]]}                            | finish
            {"finish":[[1],[],[3],[4],[5]]}                         | finish[1]
            {"finish":[[1],[2,11],[3],[4],[5]]}                     | finish[1][1]
            {"finish":[[1],[2],[3],[4],[5,9]]}                      | finish[4][1]
            {"finish":[[1],[2],[3],[2],[5]]}                        | finish[3][0]
            {"finish":[[1],[2],[3],[4],[5]],"disqualified":[3]}     | finish[2][0]
            {"finish":[[1],[2],[3],[4],[5]],"disqualified":[6,6]}   | disqualified[1]
            {"finish":[[1],[2],[3],[4],[5]],"disqualified":[9]}     | disqualified[0]
            {"finish":[[1],[2],[3],[4],[5]],"disqualified":[0]}     | disqualified[0]
            {"finish":[[1],[2],[3],[4],[null]]}                     | finish[4][0]
            {"finish":[[1],[2],[3],[4],["x"]]}                      | finish[4][0]
            {"finish":[[1],[2],[3],[4],[5]],"reason":"%s"}          | reason
            """)
    void aBadArrivalNamesTheOffendingField(String body, String field) throws Exception {
        RaceCard race = fixtures.closedRace(9);
        ops(put("/api/tote/ops/races/" + race.id() + "/result"), body.formatted("x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(cards.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.CLOSED);
    }

    @Test
    void aSmallFieldListsEveryRunnerThatCanBePlaced() throws Exception {
        RaceCard race = fixtures.closedRace(5, 6, 7, 8, 9, 10);
        String url = "/api/tote/ops/races/" + race.id() + "/result";
        ops(put(url), "{\"finish\":[[1],[2]],\"disqualified\":[3]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("finish"))
                .andExpect(jsonPath("$.errors[0].code").value("too-short"));
        ops(put(url), "{\"finish\":[[1],[2,4]],\"disqualified\":[3]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.starters").value(4));
    }

    @Test
    void anIdenticalEntryIsARetryAndChangesNothing() throws Exception {
        RaceCard race = fixtures.closedRace();
        String url = "/api/tote/ops/races/" + race.id() + "/result";
        String body = "{\"finish\":[[1],[2],[3],[4],[5]],\"version\":0}";
        ops(put(url), body).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        ops(put(url), body).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        ops(put(url), "{\"finish\":[[2],[1],[3],[4],[5]],\"version\":0,\"reason\":\"stale\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "conflict"));
        ops(get(url + "/history"), "").andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aResultWaitsForTheStopSignalAndAnOfficialOneForItsPendingBets() throws Exception {
        RaceCard closed = fixtures.closedRace();
        RaceCard stillOpen = tote.openRace();
        ops(put("/api/tote/ops/races/" + stillOpen.id() + "/result"), "{\"finish\":[[1],[2],[3],[4],[5]]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-transition"));
        ops(post("/api/tote/ops/races/" + closed.id() + "/result/official"), "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-transition"));

        String url = "/api/tote/ops/races/" + closed.id() + "/result";
        ops(put(url), "{\"finish\":[[1],[2],[3],[4],[5]]}").andExpect(status().isOk());
        UUID bet = pendingBet(closed);
        ops(post(url + "/official"), "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "bets-pending"));
        jdbc.sql("update tote.bets set status = 'ACCEPTED' where id = :id").param("id", bet).update();
        ops(post(url + "/official"), "").andExpect(status().isOk());
    }

    @Test
    void anOfficialResultIsFinalOnceSettlementStarts() throws Exception {
        RaceCard race = fixtures.closedRace();
        fixtures.official(race.id(), "1 2 3 4 5", "");
        int ruleSet = 1_000_000 + (int) (Math.random() * 1_000_000_000);
        jdbc.sql("insert into tote.rule_sets (version, digest, rules, loaded_at) values (:v, :d, '{}', now())")
                .param("v", ruleSet).param("d", "test-" + UUID.randomUUID()).update();
        jdbc.sql("""
                insert into tote.pool_settlements (pool_id, rule_set_version, takeout_bp, arrivals, status,
                    whole_pool_refunded, stakes_cents, refunds_cents, takeout_cents, reserve_in_cents, reserve_out_cents,
                    operator_top_up_cents, payouts_cents, breakage_cents, computed_at)
                values (:pool, :v, 1390, '{}', 'COMPUTED', false, 0, 0, 0, 0, 0, 0, 0, 0, now())""")
                .param("pool", race.pools().getFirst().id()).param("v", ruleSet).update();

        ops(put("/api/tote/ops/races/" + race.id() + "/result"), "{\"finish\":[[2],[1],[3],[4],[5]],\"reason\":\"late\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "result-final"));
        assertThat(results.official(race.id()).orElseThrow().arrival().finish().getFirst()).containsExactly(1);
    }

    @Test
    void aCancelledRaceReadsAsACancelledArrival() throws Exception {
        RaceCard race = fixtures.closedRace();
        fixtures.provisional(race.id(), "1 2 3 4 5", "");
        programme.cancel(race.id());

        OfficialArrival cancelled = results.official(race.id()).orElseThrow();
        assertThat(cancelled.arrival()).isEqualTo(Arrival.cancelledRace());
        assertThat(cancelled.version()).isZero();
        assertThat(cancelled.officialAt()).isBeforeOrEqualTo(Instant.now());
        mvc.perform(get("/api/tote/races/" + race.id() + "/result"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.finish", hasSize(0)));
        ops(put("/api/tote/ops/races/" + race.id() + "/result"), "{\"finish\":[[2],[1],[3],[4],[5]],\"reason\":\"x\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void anyoneReadsAResultButOnlyOperatorsEnterIt() throws Exception {
        RaceCard race = fixtures.closedRace();
        String url = "/api/tote/ops/races/" + race.id() + "/result";
        String body = "{\"finish\":[[1],[2],[3],[4],[5]]}";
        mvc.perform(get("/api/tote/races/" + race.id() + "/result"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "no-result"));
        mvc.perform(get("/api/tote/races/" + UUID.randomUUID() + "/result"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(put(url).with(as("CUSTOMER")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(url + "/official").with(as("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(url + "/history").with(as("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(url + "/history")).andExpect(status().isUnauthorized());
        assertThat(cards.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.CLOSED);

        mvc.perform(put(url).with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tote/races/" + race.id() + "/result"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PROVISIONAL"));
        ops(put("/api/tote/ops/races/" + UUID.randomUUID() + "/result"), body).andExpect(status().isNotFound());
    }

    private UUID pendingBet(RaceCard race) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into tote.bets (id, account_id, request_id, fingerprint, pool_id, race_id, bet_type, formulation,
                    combinations, unit_stake_cents, total_stake_cents, channel, country, status, placed_at, batch)
                values (:id, :account, :request, 'f', :pool, :race, 'SIMPLE_GAGNANT', 'U:3', 1, 300, 300, 'WEB',
                    'FR', 'PENDING', now(), nextval('tote.bet_batches'))""")
                .param("id", id).param("account", UUID.randomUUID()).param("request", "pending-" + id)
                .param("pool", ToteFixtures.pool(race, dev.paddock.parimutuel.BetType.SIMPLE_GAGNANT).id())
                .param("race", race.id()).update();
        return id;
    }

    private ResultActions ops(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(jwt().jwt(j -> j.subject(OPERATOR).claim("roles", List.of("OPERATOR")))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    static RequestPostProcessor as(String role) {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
