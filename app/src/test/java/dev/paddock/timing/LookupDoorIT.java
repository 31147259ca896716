package dev.paddock.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static dev.paddock.identity.TestAccounts.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.timing.board.Boards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * While requests would wait for a thread longer than {@code max-wait} (here: every carrier of the virtual threads
 * kept busy), anonymous result lookups, JSON and pages, are answered 503 overloaded with Retry-After from memory;
 * once the node has caught up they are answered again.
 */
@SpringBootTest(properties = "paddock.timing.results.max-wait=100ms")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class LookupDoorIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Boards boards;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JsonMapper json;

    @Test
    void lookupsAreShedWhileRequestsWaitForAThreadAndAnsweredOnceTheyDoNot() throws Exception {
        UUID race = TimingFixtures.race(jdbc, "Door 10K", 10_000, Instant.parse("2027-05-02T07:00:00Z"));
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        String operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        var course = mvc.perform(put("/api/timing/races/" + race).header("Authorization", bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("officialClock", "GUN",
                        "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                                Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))))))
                .andReturn().getResponse();
        assertThat(course.getStatus()).as(course.getContentAsString()).isEqualTo(200);
        assertThat(boards.snapshot(race)).isPresent();
        String athlete = "/api/results/races/" + race + "/athletes/1";
        String page = "/results/races/" + race + "/athletes/1";
        assertThat(mvc.perform(get(athlete)).andReturn().getResponse().getStatus()).isEqualTo(200);

        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> spinning = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
                spinning.add(Thread.ofVirtual().start(() -> {
                    while (busy.get()) {
                        Thread.onSpinWait();
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> status(athlete) == 503);
            MvcResult shed = mvc.perform(get(athlete)).andReturn();
            assertThat(shed.getResponse().getHeader("Retry-After")).isEqualTo("1");
            assertThat(shed.getResponse().getContentAsString()).contains("overloaded");
            assertThat(status(page)).isEqualTo(503);
        } finally {
            busy.set(false);
            for (Thread thread : spinning) {
                thread.join();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> status(athlete) == 200 && status(page) == 200);
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }
}
