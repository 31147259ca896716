package dev.paddock.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.live.LiveChannel;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    LiveChannel live;

    @Test
    void aTopicPushReachesTheStreamSubscribedToItAndNoOther() throws Exception {
        String race = "race-" + UUID.randomUUID();
        String otherRace = "race-" + UUID.randomUUID();
        try (SseClient subscribed = SseClient.open(stream("?topic=" + race));
                SseClient elsewhere = SseClient.open(stream("?topic=" + otherRace))) {
            assertThat(subscribed.status()).isEqualTo(200);
            subscribed.await("ready");
            elsewhere.await("ready");

            live.toTopic(race, "odds", Map.of("runner", 7));
            // Pushed after the odds: once the other stream has it, the odds would have come before it.
            live.toTopic(otherRace, "marker", Map.of());

            assertThat(subscribed.await("odds").data()).isEqualTo("{\"runner\":7}");
            assertThat(elsewhere.eventsUntil("marker")).extracting(SseClient.Event::name).doesNotContain("odds");
        }
    }

    @Test
    void aStreamMaySubscribeToSeveralTopics() throws Exception {
        String race = "race-" + UUID.randomUUID();
        String results = "results-" + UUID.randomUUID();
        try (SseClient page = SseClient.open(stream("?topic=" + race + "&topic=" + results))) {
            page.await("ready");

            live.toTopic(race, "odds", Map.of());
            live.toTopic(results, "result", Map.of("winner", 3));

            assertThat(page.eventsUntil("result")).extracting(SseClient.Event::name).contains("odds");
        }
    }

    @Test
    void malformedTopicsAreIgnoredRatherThanRefused() throws Exception {
        try (SseClient page = SseClient.open(stream("?topic=NOT%20A%20TOPIC"))) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.await("ready").data()).isEqualTo("{}");
        }
    }

    private URI stream(String query) {
        return URI.create("http://localhost:" + port + "/live/stream" + query);
    }
}
