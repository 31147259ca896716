package dev.paddock.tote;

import static dev.paddock.tote.RaceStatus.CANCELLED;
import static dev.paddock.tote.RaceStatus.CLOSED;
import static dev.paddock.tote.RaceStatus.OPEN;
import static dev.paddock.tote.RaceStatus.RESULT_OFFICIAL;
import static dev.paddock.tote.RaceStatus.RESULT_PROVISIONAL;
import static dev.paddock.tote.RaceStatus.SCHEDULED;
import static dev.paddock.tote.RaceStatus.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RaceStatusTest {

    /** The allowed transitions, written out independently of the enum. */
    static final Map<RaceStatus, Set<RaceStatus>> ALLOWED = Map.of(
            SCHEDULED, Set.of(OPEN, CANCELLED),
            OPEN, Set.of(CLOSED, CANCELLED),
            CLOSED, Set.of(RESULT_PROVISIONAL, CANCELLED),
            RESULT_PROVISIONAL, Set.of(RESULT_OFFICIAL, CANCELLED),
            RESULT_OFFICIAL, Set.of(SETTLED, RESULT_PROVISIONAL),
            SETTLED, Set.of(),
            CANCELLED, Set.of());

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (RaceStatus from : RaceStatus.values()) {
            for (RaceStatus to : RaceStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void everyPairIsAllowedOrRefused(RaceStatus from, RaceStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @Test
    void noRaceReopensAfterItsStopSignalNorGoesBackToScheduled() {
        for (RaceStatus from : RaceStatus.values()) {
            assertThat(from.canBecome(SCHEDULED)).as(from + " -> SCHEDULED").isFalse();
            assertThat(from.canBecome(OPEN)).as(from + " -> OPEN").isEqualTo(from == SCHEDULED);
        }
    }

    @Test
    void onlyAScheduledRaceIsEditableAndOnlyBeforeTheStopItsStartMoves() {
        assertThat(EnumSet.allOf(RaceStatus.class).stream().filter(RaceStatus::editable)).containsExactly(SCHEDULED);
        assertThat(EnumSet.allOf(RaceStatus.class).stream().filter(RaceStatus::movable)).containsExactly(SCHEDULED, OPEN);
    }

    @Test
    void onlyAnEnteredResultIsShown() {
        assertThat(EnumSet.allOf(RaceStatus.class).stream().filter(RaceStatus::hasResult))
                .containsExactly(RESULT_PROVISIONAL, RESULT_OFFICIAL, SETTLED);
    }

    @Test
    void anOfficialResultIsCorrectedBackToProvisionalButASettledRaceIsOver() {
        assertThat(RESULT_OFFICIAL.canBecome(RESULT_PROVISIONAL)).isTrue();
        assertThat(RESULT_OFFICIAL.canBecome(CANCELLED)).isFalse();
        assertThat(SETTLED.next()).isEmpty();
    }

    @Test
    void theNextStatesAreACopy() {
        SCHEDULED.next().clear();
        assertThat(SCHEDULED.canBecome(OPEN)).isTrue();
    }
}
