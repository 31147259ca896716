package dev.paddock.timing;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A race timed through the API: setup, start signal, reads from two lines, a file import, and the public
 * results that follow, on the real database. Entrants are confirmed registrations written with SQL.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class TimingFlowIT {

    static final Instant GUN = Instant.parse("2027-04-25T07:30:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String operator;
    UUID race;

    @BeforeEach
    void race() throws Exception {
        operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        race = TimingFixtures.race(jdbc, "10 km of Zürich", 10_000, GUN);
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of("club", "LC Zürich"));
        TimingFixtures.starter(jdbc, race, 2, "Beat", "Brändli", "M", "1985-07-12", Map.of("club", "TV Bern"));
        TimingFixtures.starter(jdbc, race, 3, "Chloé", "Favre", "F", "1979-11-30", Map.of());
        TimingFixtures.starter(jdbc, race, 4, "Daniel", "Keller", "M", "1992-05-05", Map.of());
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                        Map.of("code", "km5", "kind", "SPLIT", "distanceM", 5000),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))), 200);
        send(post("/api/timing/races/" + race + "/start"), Map.of("at", GUN.toString()), 200);
    }

    @Test
    void readsBecomeRankingsWithinASecondAndEveryReadKeepsItsVerdict() throws Exception {
        JsonNode batch = send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("m1", 1, "km5", 18 * 60, "MAIN"), read("b1", 1, "km5", 18 * 60 + 1, "BACKUP"),
                read("m2", 2, "km5", 17 * 60, "MAIN"), read("m3", 3, "km5", 20 * 60, "MAIN"),
                read("m4", 1, "finish", 36 * 60 + 5, "MAIN"), read("m5", 2, "finish", 36 * 60 + 5, "MAIN"),
                read("m6", 3, "finish", 20 * 60 + 30, "MAIN"), read("m7", 99, "finish", 40 * 60, "MAIN")), 200);
        assertThat(batch.findValuesAsString("verdict")).containsExactly("COUNTED", "DUPLICATE", "COUNTED", "COUNTED",
                "COUNTED", "COUNTED", "REJECTED", "UNKNOWN_BIB");
        assertThat(batch.get(6).get("reason").asString()).isEqualTo("IMPLAUSIBLE");

        JsonNode replay = send(post("/api/timing/races/" + race + "/passings"), read("m1", 1, "km5", 18 * 60, "MAIN"), 200);
        assertThat(replay.get("replay").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from timing.passings where race_id = ?").params(race).query(Integer.class)
                .single()).isEqualTo(8);

        String csv = "bib;point;time;line\n3;finish;11:12:10.4;MAIN\n";
        mvc.perform(post("/api/timing/races/" + race + "/passings/import").header("Authorization", bearer(operator))
                .contentType("text/csv").content(csv)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].verdict").value("COUNTED"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> finishers() == 3);
        MvcResult overall = mvc.perform(get("/api/results/races/" + race + "/rankings/overall"))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=1")))
                .andReturn();
        JsonNode rows = json.readTree(overall.getResponse().getContentAsString()).get("rows");
        assertThat(rows.findValuesAsString("name")).containsExactly("Anna Muster", "Beat Brändli", "Chloé Favre");
        assertThat(rows.findValues("place").stream().map(JsonNode::asInt).toList()).containsExactly(1, 1, 3);
        assertThat(rows.get(0).get("time").asString()).isEqualTo("36:05");
        assertThat(rows.get(2).get("time").asString()).isEqualTo("1:42:11");
        mvc.perform(get("/api/results/races/" + race + "/rankings/overall")
                        .header("If-None-Match", overall.getResponse().getHeader("ETag")))
                .andExpect(status().isNotModified());

        mvc.perform(get("/api/results/races/" + race + "/athletes/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.official").value("36:05"))
                .andExpect(jsonPath("$.places.overall").value(1))
                .andExpect(jsonPath("$.places.gender").value(1))
                .andExpect(jsonPath("$.splits[0].point").value("km5"))
                .andExpect(jsonPath("$.splits[0].places.overall").value(2))
                .andExpect(jsonPath("$.fields.club").value("LC Zürich"));
        mvc.perform(get("/api/results/races/" + race + "/search").param("q", "chloe fav"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].bib").value(3));
        mvc.perform(get("/api/results/races/" + race + "/rankings/gender").param("group", "F"))
                .andExpect(jsonPath("$.rows[0].bib").value(1)).andExpect(jsonPath("$.groups.length()").value(2));
    }

    @Test
    void readsNeedAnOperatorAndBadInputNamesItsField() throws Exception {
        String customer = accounts.accessToken(mvc, accounts.create());
        mvc.perform(post("/api/timing/races/" + race + "/passings").header("Authorization", bearer(customer))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(read("x", 1, "km5", 900, "MAIN"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/timing/races/" + race + "/passings").header("Authorization", bearer(operator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"x\",\"bib\":-3,\"point\":\"km5\",\"at\":\"2027-04-25T07:45:00Z\",\"line\":\"MAIN\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bib"));
        mvc.perform(post("/api/timing/races/" + race + "/passings/import").header("Authorization", bearer(operator))
                        .contentType("text/csv").content("bib,point,time\n1,km5,not-a-time\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("row 1.time"));
    }

    @Test
    void correctionsChangeTheResultsAndAreKeptWithWhoAndWhy() throws Exception {
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("f1", 1, "finish", 36 * 60, "MAIN"), read("f2", 2, "finish", 37 * 60, "MAIN"),
                read("f4", 4, "finish", 30 * 60, "MAIN"), read("k3", 3, "km5", 14 * 60, "MAIN"),
                read("f3", 3, "finish", 20 * 60, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 3);

        send(put("/api/timing/races/" + race + "/athletes/4/status"), Map.of("status", "DSQ", "reason", "Cut the course at km 7"), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 2);
        mvc.perform(get("/api/results/races/" + race + "/athletes/4")).andExpect(jsonPath("$.status").value("DSQ"));

        JsonNode review = send(get("/api/timing/races/" + race + "/passings"), Map.of(), 200);
        assertThat(review).hasSize(1);
        long rejected = review.get(0).get("id").asLong();
        send(post("/api/timing/races/" + race + "/passings/" + rejected + "/count"),
                Map.of("reason", "Video shows the finish; km 5 read was a spectator's chip"), 200);
        JsonNode counted = send(get("/api/timing/races/" + race + "/passings?bib=3&verdict=COUNTED"), Map.of(), 200);
        assertThat(counted.findValuesAsString("point")).containsExactlyInAnyOrder("km5", "finish");
        long km5 = counted.findValues("id").stream().map(JsonNode::asLong).min(Long::compare).orElseThrow();
        send(post("/api/timing/races/" + race + "/passings/" + km5 + "/discard"), Map.of("reason", "Spectator's chip"), 200);
        send(post("/api/timing/races/" + race + "/athletes/2/passings"),
                Map.of("point", "km5", "at", GUN.plusSeconds(18 * 60).toString(), "reason", "Mat down, marshal's sheet"), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 3);

        JsonNode log = send(get("/api/timing/races/" + race + "/corrections"), Map.of(), 200);
        assertThat(log.findValuesAsString("kind")).containsExactly("PASSING_ADDED", "PASSING_DISCARDED",
                "PASSING_COUNTED", "STATUS_SET");
        assertThat(log.findValuesAsString("reason")).contains("Cut the course at km 7");
        assertThat(log.get(0).get("by").asString()).isNotBlank();
        send(put("/api/timing/races/" + race + "/athletes/2/status"), Map.of("reason", "x"), 400);
    }

    @Test
    void thePublicPagesShowRankingsSearchAthletesAndCertificates() throws Exception {
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("k1", 1, "km5", 18 * 60, "MAIN"), read("f1", 1, "finish", 36 * 60, "MAIN"),
                read("f2", 2, "finish", 37 * 60 + 12, "MAIN"), read("k3", 3, "km5", 19 * 60, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 2);

        String page = mvc.perform(get("/results/races/" + race)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Anna Muster", "Beat Brändli", "36:00", "+1:12", "results:" + race)
                .doesNotContain("Chloé Favre").doesNotContain("+41 79");
        assertThat(mvc.perform(get("/results/races/" + race + "/table").param("q", "favre")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Chloé Favre").doesNotContain("Anna Muster");
        String women = mvc.perform(get("/results/races/" + race).param("ranking", "gender").param("group", "F"))
                .andReturn().getResponse().getContentAsString();
        assertThat(women).contains("Anna Muster").doesNotContain("Beat Brändli");

        String athlete = mvc.perform(get("/results/races/" + race + "/athletes/3")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(athlete).contains("Chloé Favre", "On the course", "results:" + race + ":3", "19:00")
                .doesNotContain("certificate.pdf");
        byte[] pdf = mvc.perform(get("/results/races/" + race + "/athletes/1/certificate.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var document = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(document).getTextFromPage(1);
            assertThat(text).contains("Anna Muster", "36:00", "Place 1 overall");
        }
        mvc.perform(get("/results/races/" + race + "/athletes/3/certificate.pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/results/races/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void anAthletesResultsAreInTheirAccount() throws Exception {
        var runner = accounts.create();
        jdbc.sql("update events.registrations set account_id = ? where race_id = ? and bib = 2")
                .params(runner.id().value(), race).update();
        send(post("/api/timing/races/" + race + "/passings"), read("f2", 2, "finish", 37 * 60, "MAIN"), 200);
        String token = accounts.accessToken(mvc, runner);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 1);
        mvc.perform(get("/api/results/my").header("Authorization", bearer(token))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].bib").value(2))
                .andExpect(jsonPath("$[0].official").value("37:00")).andExpect(jsonPath("$[0].overall").value(1));
        mvc.perform(get("/api/results/my").header("Authorization", bearer(operator)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/results/my")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPatrolIsRankedOnItsLastMemberOnceAllHaveFinished() throws Exception {
        twoTeams();
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "teamScoring", "ALL_TOGETHER",
                "points", List.of(Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))), 200);
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "teamScoring", "BEST_OF",
                "points", List.of(Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))), 400);
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("a", 1, "finish", 40 * 60, "MAIN"), read("b", 2, "finish", 40 * 60 + 3, "MAIN"),
                read("c", 3, "finish", 35 * 60, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 3);
        mvc.perform(get("/api/results/races/" + race + "/rankings/teams")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].team").value("Patrouille Suisse"))
                .andExpect(jsonPath("$[0].time").value("40:03"))
                .andExpect(jsonPath("$[0].members.length()").value(2));
        assertThat(mvc.perform(get("/results/races/" + race).param("ranking", "teams")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Patrouille Suisse", "40:03")
                .doesNotContain("Alpine Club");
    }

    @Test
    void aRaceComputesExactlyTheRankingsItConfigures() throws Exception {
        jdbc.sql("update events.races set age_basis = 'BIRTH_YEAR' where id = ?").params(race).update();
        TimingFixtures.starter(jdbc, race, 5, "Eva", "Roth", "F", "1987-12-31", Map.of("club", "LC Zürich"));
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                        Map.of("code", "km5", "kind", "SPLIT", "distanceM", 5000),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000)),
                "rankings", List.of(
                        Map.of("code", "club", "name", "Clubs", "grouping", "FIELD", "groupField", "club"),
                        Map.of("code", "women", "grouping", "OVERALL", "filter", Map.of("gender", "F")),
                        Map.of("code", "ages", "grouping", "CATEGORY", "ties", "FINISH_ORDER"),
                        Map.of("code", "halfway", "grouping", "OVERALL", "point", "km5"))), 200);
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("k1", 1, "km5", 18 * 60, "MAIN"), read("f1", 1, "finish", 36 * 60, "MAIN"),
                read("f2", 2, "finish", 37 * 60, "MAIN"), read("f5", 5, "finish", 36 * 60, "MAIN"),
                read("f3", 3, "finish", 41 * 60, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 4);

        JsonNode results = send(get("/api/results/races/" + race), Map.of(), 200);
        assertThat(results.get("rankings").valueStream().map(JsonNode::asString).toList())
                .containsExactly("club", "women", "ages", "halfway");
        assertThat(results.get("index").get(0).get("name").asString()).isEqualTo("Clubs");
        assertThat(results.get("index").get(3).get("point").asString()).isEqualTo("km5");
        mvc.perform(get("/api/results/races/" + race + "/rankings/overall")).andExpect(status().isNotFound());
        mvc.perform(get("/api/results/races/" + race + "/rankings/club").param("group", "LC Zürich"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.rows.length()").value(2)).andExpect(jsonPath("$.rows[0].place").value(1))
                .andExpect(jsonPath("$.rows[1].place").value(1)).andExpect(jsonPath("$.rows[1].tied").value(true));
        mvc.perform(get("/api/results/races/" + race + "/rankings/women"))
                .andExpect(jsonPath("$.rows.length()").value(3)).andExpect(jsonPath("$.rows[2].bib").value(3));
        // By birth year Eva is 40 in 2027 (39 on race day): W40 with Chloé, not W30 with Anna.
        mvc.perform(get("/api/results/races/" + race + "/rankings/ages").param("group", "W40"))
                .andExpect(jsonPath("$.rows.length()").value(2)).andExpect(jsonPath("$.rows[0].bib").value(5));
        mvc.perform(get("/api/results/races/" + race + "/rankings/ages").param("group", "W30"))
                .andExpect(jsonPath("$.rows.length()").value(1)).andExpect(jsonPath("$.rows[0].bib").value(1));
        mvc.perform(get("/api/results/races/" + race + "/rankings/halfway"))
                .andExpect(jsonPath("$.rows.length()").value(1)).andExpect(jsonPath("$.rows[0].time").value("18:00"));
        mvc.perform(get("/api/results/races/" + race + "/athletes/5"))
                .andExpect(jsonPath("$.rankings[0].ranking").value("club"))
                .andExpect(jsonPath("$.rankings[2].group").value("W40"));
        String page = mvc.perform(get("/results/races/" + race)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Clubs", "halfway", "LC Zürich", "TV Bern");
        mvc.perform(get("/results/races/" + race).param("ranking", "gender")).andExpect(status().isNotFound());
    }

    @Test
    void rankingsThatCannotBeComputedAreRefusedFieldByField() throws Exception {
        JsonNode problem = send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "km5", "kind", "SPLIT", "distanceM", 5000),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000)),
                "rankings", List.of(Map.of("code", "club", "grouping", "FIELD", "groupField", "club"),
                        Map.of("code", "club", "grouping", "OVERALL"),
                        Map.of("code", "phones", "grouping", "FIELD", "groupField", "phone"),
                        Map.of("code", "late", "grouping", "OVERALL", "point", "km30"))), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("rankings[1].code",
                "rankings[2].groupField", "rankings[3].point");
        mvc.perform(get("/api/results/races/" + race + "/rankings/overall")).andExpect(status().isOk());
    }

    @Test
    void aTriathlonShowsSegmentTimesAndPlacesAndRanksTheFastestBike() throws Exception {
        List<Map<String, Object>> points = List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                Map.of("code", "t1in", "kind", "SPLIT", "distanceM", 1900), Map.of("code", "t1out", "kind", "SPLIT", "distanceM", 2000),
                Map.of("code", "t2in", "kind", "SPLIT", "distanceM", 92_000), Map.of("code", "t2out", "kind", "SPLIT", "distanceM", 92_100),
                Map.of("code", "finish", "kind", "FINISH", "distanceM", 113_200));
        List<Map<String, Object>> segments = List.of(segment("swim", "start", "t1in", "DISCIPLINE"),
                segment("t1", "t1in", "t1out", "TRANSITION"), segment("bike", "t1out", "t2in", "DISCIPLINE"),
                segment("t2", "t2in", "t2out", "TRANSITION"), segment("run", "t2out", "finish", "DISCIPLINE"));
        JsonNode problem = send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "fastestPerKm", "PT30S",
                "points", points, "segments", List.of(segment("bike", "t1out", "t2in", "DISCIPLINE"),
                        segment("swim", "start", "t1in", "DISCIPLINE"), segment("run", "t2out", "km42", "DISCIPLINE"))), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("segments[1].from", "segments[2].to");
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "fastestPerKm", "PT30S", "points", points,
                "segments", segments, "rankings", List.of(Map.of("code", "overall", "grouping", "OVERALL"),
                        Map.of("code", "bike-split", "name", "Fastest bike", "grouping", "OVERALL", "segment", "bike"))), 200);
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("a1", 1, "t1in", 30 * 60, "MAIN"), read("a2", 1, "t1out", 32 * 60, "MAIN"),
                read("a3", 1, "t2in", 152 * 60, "MAIN"), read("a4", 1, "t2out", 154 * 60, "MAIN"),
                read("a5", 1, "finish", 210 * 60, "MAIN"),
                read("b1", 2, "t1in", 28 * 60, "MAIN"), read("b2", 2, "t1out", 31 * 60, "MAIN"),
                read("b4", 2, "t2out", 160 * 60, "MAIN"), read("b5", 2, "finish", 215 * 60, "MAIN"),
                read("c1", 3, "t1in", 35 * 60, "MAIN"), read("c2", 3, "t1out", 36 * 60, "MAIN"),
                read("c3", 3, "t2in", 140 * 60, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 2);

        mvc.perform(get("/api/results/races/" + race + "/athletes/1"))
                .andExpect(jsonPath("$.official").value("3:30:00"))
                .andExpect(jsonPath("$.segments[0].segment").value("swim")).andExpect(jsonPath("$.segments[0].time").value("30:00"))
                .andExpect(jsonPath("$.segments[0].place").value(2))
                .andExpect(jsonPath("$.segments[1].kind").value("TRANSITION")).andExpect(jsonPath("$.segments[1].time").value("2:00"))
                .andExpect(jsonPath("$.segments[2].time").value("2:00:00")).andExpect(jsonPath("$.segments[2].place").value(2))
                .andExpect(jsonPath("$.segments[4].time").value("56:00")).andExpect(jsonPath("$.segments[4].place").value(2));
        // Bib 2's T2-in mat missed them: their bike and T2 are unknown, not guessed; their total is their finish.
        mvc.perform(get("/api/results/races/" + race + "/athletes/2"))
                .andExpect(jsonPath("$.official").value("3:35:00"))
                .andExpect(jsonPath("$.segments[2].time").value("")).andExpect(jsonPath("$.segments[2].place").isEmpty())
                .andExpect(jsonPath("$.segments[3].time").value("")).andExpect(jsonPath("$.segments[4].time").value("55:00"))
                .andExpect(jsonPath("$.segments[4].place").value(1));
        mvc.perform(get("/api/results/races/" + race + "/rankings/bike-split"))
                .andExpect(jsonPath("$.rows.length()").value(2)).andExpect(jsonPath("$.rows[0].bib").value(3))
                .andExpect(jsonPath("$.rows[0].time").value("1:44:00")).andExpect(jsonPath("$.rows[1].bib").value(1));
        assertThat(mvc.perform(get("/results/races/" + race + "/athletes/1")).andReturn().getResponse()
                .getContentAsString()).contains("bike", "2:00:00", "56:00");
    }

    @Test
    void aRelayIsTimedLegByLegAtItsHandoverMat() throws Exception {
        twoTeams();
        List<Map<String, Object>> points = List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                Map.of("code", "handover", "kind", "SPLIT", "distanceM", 5000),
                Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000));
        JsonNode problem = send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "points", points,
                "teamScoring", "ALL_TOGETHER", "relayHandovers", List.of("handover")), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("relayHandovers");
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN", "points", points, "teamScoring", "LEGS",
                "relayHandovers", List.of("handover")), 200);
        // Leg 1 is each team's lower bib, read at the handover; leg 2 ends at the finish.
        send(post("/api/timing/races/" + race + "/passings/batch"), List.of(
                read("a", 1, "handover", 18 * 60, "MAIN"), read("b", 2, "finish", 37 * 60, "MAIN"),
                read("c", 3, "handover", 17 * 60, "MAIN"), read("d", 4, "finish", 38 * 60 + 30, "MAIN")), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> finishers() == 2);

        mvc.perform(get("/api/results/races/" + race + "/rankings/teams")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].team").value("Patrouille Suisse")).andExpect(jsonPath("$[0].time").value("37:00"))
                .andExpect(jsonPath("$[0].legs[0].athlete").value("Anna Muster"))
                .andExpect(jsonPath("$[0].legs[0].time").value("18:00")).andExpect(jsonPath("$[0].legs[0].place").value(2))
                .andExpect(jsonPath("$[0].legs[1].athlete").value("Beat Brändli"))
                .andExpect(jsonPath("$[0].legs[1].time").value("19:00")).andExpect(jsonPath("$[0].legs[1].place").value(1))
                .andExpect(jsonPath("$[1].team").value("Alpine Club")).andExpect(jsonPath("$[1].time").value("38:30"))
                .andExpect(jsonPath("$[1].legs[0].place").value(1)).andExpect(jsonPath("$[1].legs[1].time").value("21:30"));
        assertThat(mvc.perform(get("/results/races/" + race).param("ranking", "teams")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Patrouille Suisse", "37:00", "Beat Brändli 19:00");
    }

    private static Map<String, Object> segment(String code, String from, String to, String kind) {
        return Map.of("code", code, "from", from, "to", to, "kind", kind);
    }

    /** Bibs 1 and 2 run for Patrouille Suisse, 3 and 4 for Alpine Club. */
    private void twoTeams() {
        UUID swiss = TimingFixtures.team(jdbc, race, "Patrouille Suisse");
        UUID alpine = TimingFixtures.team(jdbc, race, "Alpine Club");
        List<UUID> members = jdbc.sql("select id from events.registrations where race_id = ? order by bib").params(race)
                .query(UUID.class).list();
        TimingFixtures.joins(jdbc, members.get(0), swiss);
        TimingFixtures.joins(jdbc, members.get(1), swiss);
        TimingFixtures.joins(jdbc, members.get(2), alpine);
        TimingFixtures.joins(jdbc, members.get(3), alpine);
    }

    private int finishers() throws Exception {
        String body = mvc.perform(get("/api/results/races/" + race)).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("finishers").asInt();
    }

    private Map<String, Object> read(String id, int bib, String point, int secondsAfterGun, String line) {
        return Map.of("id", id, "bib", bib, "point", point, "at", GUN.plusSeconds(secondsAfterGun).toString(), "line", line);
    }

    private JsonNode send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body,
            int expected) throws Exception {
        var response = mvc.perform(request.header("Authorization", bearer(operator)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }
}
