package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReadersTest {

    private static final Instant OPENS = Instant.parse("2026-11-23T07:00:00Z");
    private static final RushEvent WITH_WARM_UP = new RushEvent("e", "rush-x", "r", "marathon", OPENS, 5_000, "w", "f");
    private static final RushEvent WITHOUT = new RushEvent("e", "rush-x", "r", "marathon", OPENS, 5_000, null, null);

    @Test
    void beforeTheOpeningEveryOtherParticipantListReadIsOfTheWarmUpRace() {
        Readers list = group(WITH_WARM_UP, "participant list");

        List<String> read = LongStream.range(0, 4).mapToObj(n -> list.path(n, OPENS.minusSeconds(30), OPENS)).toList();

        assertThat(read).containsExactly("/events/rush-x/participants?race=marathon",
                "/events/rush-x/participants?race=10k", "/events/rush-x/participants?race=marathon",
                "/events/rush-x/participants?race=10k");
    }

    @Test
    void fromTheOpeningOnEveryReadIsOfTheMeasuredPath() {
        Readers list = group(WITH_WARM_UP, "participant list");

        assertThat(LongStream.range(0, 4).mapToObj(n -> list.path(n, OPENS, OPENS)))
                .containsOnly("/events/rush-x/participants?race=marathon");
        assertThat(list.path(1, OPENS.plusMillis(1), OPENS)).isEqualTo("/events/rush-x/participants?race=marathon");
    }

    @Test
    void theOtherGroupsAndARushWithoutWarmUpRacesAlwaysReadTheirOwnPath() {
        for (Readers group : Readers.of(WITH_WARM_UP)) {
            if (!group.name().equals("participant list")) {
                assertThat(group.path(1, OPENS.minusSeconds(30), OPENS)).isEqualTo(group.path());
            }
        }
        Readers list = group(WITHOUT, "participant list");
        assertThat(list.warmUpPath()).isNull();
        assertThat(list.path(1, OPENS.minusSeconds(30), OPENS)).isEqualTo("/events/rush-x/participants?race=marathon");
    }

    private static Readers group(RushEvent event, String name) {
        return Readers.of(event).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
