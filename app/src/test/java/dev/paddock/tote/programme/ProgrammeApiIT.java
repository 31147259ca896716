package dev.paddock.tote.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.paddock.MutableClock;
import dev.paddock.tote.NonRunnerDeclared;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCancelled;
import dev.paddock.tote.RaceClosed;
import dev.paddock.tote.RaceOpened;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.StartTimeMoved;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The programme over REST on a real PostgreSQL. Races start 3 hours ahead, beyond the automatic opening
 * (2 hours before the start), so the background tick leaves them alone unless a test moves the clock.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class ProgrammeApiIT {

    static final String PROBLEMS = "https://paddock.dev/problems/";
    static final String ALL_TYPES = """
            ["SIMPLE_GAGNANT","SIMPLE_PLACE","COUPLE_GAGNANT","COUPLE_PLACE","COUPLE_ORDRE","DEUX_SUR_QUATRE",
             "TRIO","TIERCE","QUARTE_PLUS","QUINTE_PLUS","MULTI","PICK5"]""";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AutoStartStop autoStartStop;

    @Autowired
    Programme programme;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOperatorBuildsARaceThatAnyoneReads() throws Exception {
        LocalDate date = someDate();
        String meetingId = meeting(date, 1);
        Instant start = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String body = raceBody(4, "Prix d'Amérique", start, 16, ALL_TYPES);
        String raceId = id(ops(post("/api/tote/ops/meetings/" + meetingId + "/races"), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("R1C4"))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.runners", hasSize(16)))
                .andExpect(jsonPath("$.pools", hasSize(24))));

        mvc.perform(get("/api/tote/races/" + raceId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Prix d'Amérique"))
                .andExpect(jsonPath("$.startsAt").value(start.toString()))
                .andExpect(jsonPath("$.secondsToStart").isNumber())
                .andExpect(jsonPath("$.runners[0].number").value(1))
                .andExpect(jsonPath("$.runners[0].name").value("Horse 1"))
                .andExpect(jsonPath("$.runners[0].nonRunner").value(false))
                .andExpect(jsonPath("$.pools[0].betType").value("SIMPLE_GAGNANT"))
                .andExpect(jsonPath("$.pools[0].family").value("ONLINE"))
                .andExpect(jsonPath("$.pools[0].takeoutBasisPoints").value(1390))
                .andExpect(jsonPath("$.pools[0].minStake").value(150))
                .andExpect(jsonPath("$.pools[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.pools[1].family").value("RETAIL"))
                .andExpect(jsonPath("$.pools[1].minStake").value(200));
        mvc.perform(get("/api/tote/programme").param("date", date.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(date.toString()))
                .andExpect(jsonPath("$.meetings[0].code").value("R1"))
                .andExpect(jsonPath("$.meetings[0].venue").value("Vincennes"))
                .andExpect(jsonPath("$.meetings[0].races[0].id").value(raceId))
                .andExpect(jsonPath("$.meetings[0].races[0].pools", hasSize(24)));

        var card = programme.race(UUID.fromString(raceId)).orElseThrow();
        assertThat(card.code()).isEqualTo("R1C4");
        assertThat(card.runners()).hasSize(16);
        var pool = card.pools().stream().filter(p -> p.betType().name().equals("QUINTE_PLUS")).findFirst().orElseThrow();
        assertThat(pool.takeoutBasisPoints()).isEqualTo(3565);
        assertThat(pool.flexi()).isTrue();
        assertThat(programme.pool(pool.id())).contains(pool);
        mvc.perform(get("/api/tote/pools/" + pool.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.raceIds[0]").value(raceId));
        assertThat(programme.day(date)).singleElement().satisfies(m -> assertThat(m.races()).hasSize(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"number":0,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["TRIO"]}            | number
            {"number":1,"name":" ","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["TRIO"]}            | name
            {"number":1,"name":"x","startsAt":"yesterday","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["TRIO"]}                       | startsAt
            {"number":1,"name":"x","startsAt":"2001-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["SIMPLE_GAGNANT"]} | startsAt
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"}],"betTypes":["SIMPLE_GAGNANT"]}                         | runners
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":1,"name":"b"}],"betTypes":["SIMPLE_GAGNANT"]} | runners[1].number
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":31,"name":"b"}],"betTypes":["SIMPLE_GAGNANT"]}| runners[1].number
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":""}],"betTypes":["SIMPLE_GAGNANT"]}  | runners[1].name
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":[]}                  | betTypes
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["TRIO"]}            | betTypes
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["BIG5"]}            | betTypes
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["NOPE"]}            | betTypes[0]
            {"number":1,"name":"x","startsAt":"2099-01-01T12:00:00Z","runners":[{"number":1,"name":"a"},{"number":2,"name":"b"}],"betTypes":["TRIO"],"x":1}      | x
            """)
    void badRaceInputNamesTheField(String body, String field) throws Exception {
        String meetingId = meeting(someDate(), 1);
        ops(post("/api/tote/ops/meetings/" + meetingId + "/races"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"number":1,"venue":"Vincennes","country":"FR"}                       | date
            {"date":"2099-02-30","number":1,"venue":"Vincennes","country":"FR"}  | date
            {"date":"2099-01-01","number":100,"venue":"Vincennes","country":"FR"} | number
            {"date":"2099-01-01","number":1,"venue":"","country":"FR"}           | venue
            {"date":"2099-01-01","number":1,"venue":"Vincennes","country":"FRA"} | country
            """)
    void badMeetingInputNamesTheField(String body, String field) throws Exception {
        ops(post("/api/tote/ops/meetings"), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void aMeetingNumberIsTakenOncePerDayAndAnUnknownMeetingIs404() throws Exception {
        LocalDate date = someDate();
        meeting(date, 1);
        ops(post("/api/tote/ops/meetings"), meetingBody(date, 1))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].code").value("taken"));
        ops(post("/api/tote/ops/meetings/" + UUID.randomUUID() + "/races"),
                raceBody(1, "x", clock.instant().plus(Duration.ofHours(3)), 8, "[\"TRIO\"]"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        mvc.perform(get("/api/tote/races/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/api/tote/pools/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/api/tote/races/not-a-uuid")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/tote/programme").param("date", "2024-13-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
    }

    @Test
    void aStaleEditIsAConflict() throws Exception {
        String raceId = race(clock.instant().plus(Duration.ofHours(3)));
        ops(patch("/api/tote/ops/races/" + raceId), "{\"version\":0,\"name\":\"Prix de Paris\",\"betTypes\":[\"TIERCE\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Prix de Paris"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.pools", hasSize(2)))
                .andExpect(jsonPath("$.pools[0].betType").value("TIERCE"));
        ops(patch("/api/tote/ops/races/" + raceId), "{\"version\":0,\"name\":\"Prix de Lyon\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "conflict"));
        ops(patch("/api/tote/ops/races/" + raceId), "{\"name\":\"Prix de Lyon\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));

        String poolId = JsonPath.read(mvc.perform(get("/api/tote/races/" + raceId)).andReturn().getResponse()
                .getContentAsString(), "$.pools[0].id");
        String terms = "{\"version\":%d,\"takeoutBasisPoints\":2000,\"minStake\":50,\"unitStake\":100,\"maxStake\":10000,\"flexi\":true}";
        ops(patch("/api/tote/ops/pools/" + poolId), terms.formatted(0))
                .andExpect(status().isOk()).andExpect(jsonPath("$.takeoutBasisPoints").value(2000))
                .andExpect(jsonPath("$.minStake").value(50)).andExpect(jsonPath("$.flexi").value(true));
        ops(patch("/api/tote/ops/pools/" + poolId), terms.formatted(0)).andExpect(status().isConflict());
        ops(patch("/api/tote/ops/pools/" + poolId), terms.formatted(1).replace("\"maxStake\":10000", "\"maxStake\":10"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("maxStake"));
        ops(patch("/api/tote/ops/pools/" + poolId), terms.formatted(1).replace("\"minStake\":50", "\"minStake\":0.5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("minStake"));

        ops(post("/api/tote/ops/races/" + raceId + "/open"), "").andExpect(status().isOk());
        ops(patch("/api/tote/ops/races/" + raceId), "{\"version\":2,\"name\":\"Too late\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "race-not-editable"));
        ops(patch("/api/tote/ops/pools/" + poolId), terms.formatted(1))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "pool-not-editable"));
    }

    @Test
    void aNonRunnerIsMarkedAndAnnounced() throws Exception {
        String raceId = race(clock.instant().plus(Duration.ofHours(3)));
        ops(post("/api/tote/ops/races/" + raceId + "/non-runners"), "{\"runner\":3}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runners[2].nonRunner").value(true))
                .andExpect(jsonPath("$.runners[1].nonRunner").value(false));
        ops(post("/api/tote/ops/races/" + raceId + "/non-runners"), "{\"runner\":3}").andExpect(status().isOk());
        ops(post("/api/tote/ops/races/" + raceId + "/non-runners"), "{\"runner\":12}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("runner"));
        ops(post("/api/tote/ops/races/" + raceId + "/non-runners"), "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("runner"));

        assertThat(events.stream(NonRunnerDeclared.class).filter(e -> e.raceId().toString().equals(raceId)))
                .singleElement().satisfies(e -> assertThat(e.runner()).isEqualTo(3));
        assertThat(programme.race(UUID.fromString(raceId)).orElseThrow().runner(3).orElseThrow().nonRunner()).isTrue();
    }

    @Test
    void theStopSignalFallsAtTheStartTimeAndFollowsAMovedStart() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(3));
        String raceId = race(start);
        ops(post("/api/tote/ops/races/" + raceId + "/open"), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.pools[0].status").value("OPEN"));
        Instant later = start.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        ops(post("/api/tote/ops/races/" + raceId + "/start-time"), "{\"startsAt\":\"" + later + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.startsAt").value(later.toString()));

        clock.advance(Duration.ofHours(3).plusSeconds(1));
        autoStartStop.tick();
        assertThat(raceStatus(raceId)).isEqualTo(RaceStatus.OPEN);

        clock.advance(Duration.ofMinutes(10));
        autoStartStop.tick();
        assertThat(raceStatus(raceId)).isEqualTo(RaceStatus.CLOSED);
        mvc.perform(get("/api/tote/races/" + raceId)).andExpect(jsonPath("$.pools[0].status").value("CLOSED"))
                .andExpect(jsonPath("$.secondsToStart").value(0));
        assertThat(events.stream(StartTimeMoved.class).filter(e -> e.raceId().toString().equals(raceId))).hasSize(1);
        assertThat(events.stream(RaceClosed.class).filter(e -> e.raceId().toString().equals(raceId))).hasSize(1);

        autoStartStop.tick();
        assertThat(events.stream(RaceClosed.class).filter(e -> e.raceId().toString().equals(raceId))).hasSize(1);
        ops(post("/api/tote/ops/races/" + raceId + "/start-time"), "{\"startsAt\":\"" + later.plusSeconds(3600) + "\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aRaceOpensByItselfBeforeItsStart() throws Exception {
        String raceId = race(clock.instant().plus(Duration.ofHours(3)));
        clock.advance(Duration.ofMinutes(61));
        autoStartStop.tick();
        assertThat(raceStatus(raceId)).isEqualTo(RaceStatus.OPEN);
        assertThat(events.stream(RaceOpened.class).filter(e -> e.raceId().toString().equals(raceId))).hasSize(1);
    }

    @Test
    void manualCloseCancelAndInvalidTransitions() throws Exception {
        String raceId = race(clock.instant().plus(Duration.ofHours(3)));
        ops(post("/api/tote/ops/races/" + raceId + "/close"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-transition"))
                .andExpect(jsonPath("$.detail", containsString("from SCHEDULED to CLOSED")));
        ops(post("/api/tote/ops/races/" + raceId + "/open"), "").andExpect(status().isOk());
        ops(post("/api/tote/ops/races/" + raceId + "/open"), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("from OPEN to OPEN")));
        ops(post("/api/tote/ops/races/" + raceId + "/close"), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        ops(post("/api/tote/ops/races/" + raceId + "/open"), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("from CLOSED to OPEN")));
        ops(post("/api/tote/ops/races/" + raceId + "/cancel"), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.pools[0].status").value("CANCELLED"));
        ops(post("/api/tote/ops/races/" + raceId + "/cancel"), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-transition"));
        ops(post("/api/tote/ops/races/" + UUID.randomUUID() + "/close"), "").andExpect(status().isNotFound());

        UUID id = UUID.fromString(raceId);
        assertThat(events.stream(RaceOpened.class).filter(e -> e.raceId().equals(id))).hasSize(1);
        assertThat(events.stream(RaceClosed.class).filter(e -> e.raceId().equals(id))).hasSize(1);
        assertThat(events.stream(RaceCancelled.class).filter(e -> e.raceId().equals(id))).hasSize(1);
    }

    @Test
    void aBig5SpansFiveRacesOfTwoMeetingsAndClosesAtItsFirstStop() throws Exception {
        LocalDate date = someDate();
        String r1 = meeting(date, 1);
        String r2 = meeting(date, 2);
        Instant start = clock.instant().plus(Duration.ofHours(3));
        List<String> legs = List.of(
                race(r1, 1, start), race(r2, 1, start.plusSeconds(900)), race(r1, 2, start.plusSeconds(1800)),
                race(r2, 2, start.plusSeconds(2700)), race(r1, 3, start.plusSeconds(3600)));
        String body = "{\"raceIds\":[\"" + String.join("\",\"", legs) + "\"]}";
        String created = ops(post("/api/tote/ops/big5"), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].betType").value("BIG5"))
                .andExpect(jsonPath("$[0].takeoutBasisPoints").value(2500))
                .andExpect(jsonPath("$[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$[0].raceIds", hasSize(5)))
                .andExpect(jsonPath("$[0].raceIds[1]").value(legs.get(1)))
                .andReturn().getResponse().getContentAsString();
        String poolId = JsonPath.read(created, "$[0].id");
        assertThat(programme.race(UUID.fromString(legs.get(3))).orElseThrow().pools())
                .anySatisfy(p -> assertThat(p.id().toString()).isEqualTo(poolId));

        ops(post("/api/tote/ops/races/" + legs.get(0) + "/open"), "").andExpect(status().isOk());
        mvc.perform(get("/api/tote/pools/" + poolId)).andExpect(jsonPath("$.status").value("OPEN"));
        ops(post("/api/tote/ops/races/" + legs.get(0) + "/close"), "").andExpect(status().isOk());
        mvc.perform(get("/api/tote/pools/" + poolId)).andExpect(jsonPath("$.status").value("CLOSED"));

        ops(post("/api/tote/ops/big5"), "{\"raceIds\":[\"" + String.join("\",\"", legs.subList(0, 4)) + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("raceIds"));
        ops(post("/api/tote/ops/big5"), "{\"raceIds\":[\"" + String.join("\",\"", legs.subList(1, 5)) + "\",\""
                + legs.get(1) + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("raceIds"));
        ops(post("/api/tote/ops/big5"), body)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("raceIds[0]"));
        ops(post("/api/tote/ops/big5"), "{\"raceIds\":[\"" + String.join("\",\"", legs.subList(1, 5)) + "\",\""
                + UUID.randomUUID() + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("raceIds[4]"));
    }

    @Test
    void anyoneReadsTheProgrammeButOnlyOperatorsChangeIt() throws Exception {
        mvc.perform(get("/api/tote/programme")).andExpect(status().isOk());
        mvc.perform(post("/api/tote/ops/meetings").contentType(MediaType.APPLICATION_JSON)
                        .content(meetingBody(someDate(), 1)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/tote/ops/meetings").with(as("CUSTOMER")).contentType(MediaType.APPLICATION_JSON)
                        .content(meetingBody(someDate(), 1)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/tote/ops/meetings").with(as("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .content(meetingBody(someDate(), 1)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/tote/ops/meetings").with(as("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
                        .content(meetingBody(someDate(), 1)))
                .andExpect(status().isCreated());
    }

    @Test
    void aMeetingIsEditedUnderItsVersion() throws Exception {
        String meetingId = meeting(someDate(), 3);
        ops(patch("/api/tote/ops/meetings/" + meetingId), "{\"version\":0,\"venue\":\"Enghien\",\"country\":\"fr\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.venue").value("Enghien"))
                .andExpect(jsonPath("$.country").value("FR")).andExpect(jsonPath("$.version").value(1));
        ops(patch("/api/tote/ops/meetings/" + meetingId), "{\"version\":0,\"venue\":\"Caen\"}")
                .andExpect(status().isConflict());
        ops(patch("/api/tote/ops/meetings/" + UUID.randomUUID()), "{\"version\":0,\"venue\":\"Caen\"}")
                .andExpect(status().isNotFound());
    }

    // ---- helpers

    private RaceStatus raceStatus(String raceId) throws Exception {
        String body = mvc.perform(get("/api/tote/races/" + raceId)).andReturn().getResponse().getContentAsString();
        return RaceStatus.valueOf(JsonPath.read(body, "$.status"));
    }

    static LocalDate someDate() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300_000));
    }

    private String meeting(LocalDate date, int number) throws Exception {
        return id(ops(post("/api/tote/ops/meetings"), meetingBody(date, number)).andExpect(status().isCreated()));
    }

    private String race(Instant start) throws Exception {
        return race(meeting(someDate(), 1), 1, start);
    }

    private String race(String meetingId, int number, Instant start) throws Exception {
        return id(ops(post("/api/tote/ops/meetings/" + meetingId + "/races"),
                raceBody(number, "Prix " + number, start, 8, "[\"SIMPLE_GAGNANT\",\"TRIO\"]"))
                .andExpect(status().isCreated()));
    }

    static String meetingBody(LocalDate date, int number) {
        return "{\"date\":\"" + date + "\",\"number\":" + number + ",\"venue\":\"Vincennes\",\"country\":\"FR\"}";
    }

    static String raceBody(int number, String name, Instant start, int runners, String betTypes) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= runners; i++) {
            list.append(i > 1 ? "," : "").append("{\"number\":").append(i).append(",\"name\":\"Horse ").append(i).append("\"}");
        }
        return "{\"number\":" + number + ",\"name\":\"" + name + "\",\"startsAt\":\"" + start + "\",\"runners\":["
                + list + "],\"betTypes\":" + betTypes + "}";
    }

    private ResultActions ops(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        request.with(as("OPERATOR"));
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    static RequestPostProcessor as(String role) {
        return jwt().jwt(j -> j.subject(UUID.randomUUID().toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
