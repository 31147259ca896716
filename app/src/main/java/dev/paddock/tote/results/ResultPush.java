package dev.paddock.tote.results;

import dev.paddock.live.LiveChannel;
import dev.paddock.shared.AfterCommit;
import dev.paddock.tote.RaceCancelled;
import dev.paddock.tote.ResultOfficial;
import dev.paddock.tote.ResultProvisional;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the race's open pages (topic {@code race:<id>}, event {@code result}) that its result was entered,
 * corrected, made official or that the race was cancelled, once committed; they re-fetch the arrival. A plain
 * listener deferred to after commit, like the wallet's balance push: a lost push only costs freshness.
 */
@Component
class ResultPush {

    private final LiveChannel live;

    ResultPush(LiveChannel live) {
        this.live = live;
    }

    @EventListener
    void on(ResultProvisional event) {
        push(event.raceId(), Map.of("raceId", event.raceId(), "version", event.version(), "state", "PROVISIONAL"));
    }

    @EventListener
    void on(ResultOfficial event) {
        push(event.raceId(), Map.of("raceId", event.raceId(), "version", event.version(), "state", "OFFICIAL"));
    }

    @EventListener
    void on(RaceCancelled event) {
        push(event.raceId(), Map.of("raceId", event.raceId(), "state", "CANCELLED"));
    }

    private void push(UUID raceId, Map<String, Object> data) {
        AfterCommit.run(() -> live.toTopic("race:" + raceId, "result", data));
    }
}
