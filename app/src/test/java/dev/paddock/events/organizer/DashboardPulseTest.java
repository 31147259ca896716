package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DashboardPulseTest {

    final MutableClock clock = new MutableClock();
    final List<String> pushes = new ArrayList<>();
    final DashboardPulse pulse = new DashboardPulse(new LiveChannel() {
        @Override
        public void toAccount(AccountId account, String event, Object data) {
            throw new AssertionError("dashboards are topics");
        }

        @Override
        public void toTopic(String topic, String event, Object data) {
            pushes.add(topic + " " + event);
        }
    }, clock);

    @Test
    void fiveThousandConfirmationsInAMinuteMeanAtMostOnePushASecond() {
        UUID event = UUID.randomUUID();
        for (int i = 0; i < 5_000; i++) {
            pulse.changed(event);
            clock.advance(Duration.ofMillis(12));
            if (i % 20 == 0) {
                pulse.flush();
            }
        }
        clock.advance(Duration.ofSeconds(1));
        pulse.flush();
        // 5,000 × 12 ms = 60 s: one push per second, plus the trailing one
        assertThat(pushes).hasSizeBetween(60, 62).allMatch(p -> p.equals("event-dashboard:" + event + " stats"));
    }

    @Test
    void theFirstChangeAfterAQuietSecondIsPushedAtOnceAndLaterOnesAreFoldedIntoOne() {
        UUID event = UUID.randomUUID();
        pulse.changed(event);
        assertThat(pushes).hasSize(1);
        clock.advance(Duration.ofMillis(300));
        pulse.changed(event);
        pulse.changed(event);
        pulse.flush();
        assertThat(pushes).as("not before the second is over").hasSize(1);
        clock.advance(Duration.ofMillis(700));
        pulse.flush();
        assertThat(pushes).hasSize(2);
        pulse.flush();
        clock.advance(Duration.ofSeconds(5));
        pulse.flush();
        assertThat(pushes).as("nothing left to push").hasSize(2);
        pulse.changed(event);
        assertThat(pushes).hasSize(3);
    }

    @Test
    void eventsArePacedIndependently() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        pulse.changed(one);
        pulse.changed(two);
        pulse.changed(one);
        assertThat(pushes).containsExactly("event-dashboard:" + one + " stats", "event-dashboard:" + two + " stats");
    }
}
