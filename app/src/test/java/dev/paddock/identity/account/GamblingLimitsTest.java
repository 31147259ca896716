package dev.paddock.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class GamblingLimitsTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration COOLING_OFF = Duration.ofDays(7);

    static Money euros(Long amount) {
        return amount == null ? null : Money.ofCents(amount * 100);
    }

    static GamblingLimits limit(Long euros) {
        return new GamblingLimits(euros(euros), false, null, null, null);
    }

    @ParameterizedTest(name = "from {0} to {1}: in force {2}, pending {3}")
    @CsvSource({
            // from, to, in force now, pending value (-1 = nothing pending, empty = removal pending)
            ",    50,  50, -1",
            "100, 50,  50, -1",
            "50,  100, 50, 100",
            "50,  ,    50, ",
            "50,  50,  50, -1",
            ",    ,      , -1"})
    void lowerAtOnceRaiseAfterCoolingOff(Long from, Long to, Long inForce, Long pending) {
        GamblingLimits after = limit(from).change(euros(to), null, NOW, COOLING_OFF);

        assertThat(after.limitAt(NOW)).isEqualTo(euros(inForce));
        if (pending != null && pending == -1) {
            assertThat(after.pendingChange()).isFalse();
        } else {
            assertThat(after.pendingChange()).isTrue();
            assertThat(after.pendingLimit()).isEqualTo(euros(pending));
            assertThat(after.pendingFrom()).isEqualTo(NOW.plus(COOLING_OFF));
            assertThat(after.limitAt(NOW.plus(COOLING_OFF).minusSeconds(1))).isEqualTo(euros(inForce));
            assertThat(after.limitAt(NOW.plus(COOLING_OFF))).isEqualTo(euros(pending));
        }
    }

    @Test
    void askingAgainForAPendingRaiseKeepsItsDate() {
        GamblingLimits pending = limit(50L).change(euros(100L), null, NOW, COOLING_OFF);
        GamblingLimits again = pending.change(euros(100L), null, NOW.plus(Duration.ofDays(3)), COOLING_OFF);
        assertThat(again.pendingFrom()).isEqualTo(NOW.plus(COOLING_OFF));
    }

    @Test
    void goingBackToTheCurrentLimitCancelsAPendingRaise() {
        GamblingLimits pending = limit(50L).change(euros(100L), null, NOW, COOLING_OFF);
        GamblingLimits cancelled = pending.change(euros(50L), null, NOW.plusSeconds(60), COOLING_OFF);
        assertThat(cancelled.pendingChange()).isFalse();
        assertThat(cancelled.limitAt(NOW.plus(Duration.ofDays(30)))).isEqualTo(euros(50L));
    }

    @Test
    void aDuePendingRaiseIsSettledBeforeTheNextChange() {
        GamblingLimits pending = limit(50L).change(euros(100L), null, NOW, COOLING_OFF);
        Instant later = NOW.plus(Duration.ofDays(8));
        GamblingLimits lowered = pending.change(euros(80L), null, later, COOLING_OFF);
        assertThat(lowered.weeklyStakeLimit()).isEqualTo(euros(80L));
        assertThat(lowered.pendingChange()).isFalse();
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> GamblingLimits.NONE.change(Money.ZERO, null, NOW, COOLING_OFF))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aSelfExclusionCanBeExtendedButNotShortenedOrLifted() {
        Instant until = NOW.plus(Duration.ofDays(30));
        GamblingLimits excluded = GamblingLimits.NONE.change(null, until, NOW, COOLING_OFF);
        assertThat(excluded.selfExcludedAt(NOW)).isTrue();

        assertThat(excluded.change(null, until.plus(Duration.ofDays(1)), NOW, COOLING_OFF).selfExcludedUntil())
                .isEqualTo(until.plus(Duration.ofDays(1)));
        assertThat(excluded.change(null, until, NOW, COOLING_OFF)).isEqualTo(excluded);
        for (Instant shorter : new Instant[] {null, until.minusSeconds(1)}) {
            assertThatThrownBy(() -> excluded.change(null, shorter, NOW, COOLING_OFF))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(HttpStatus.CONFLICT));
        }
    }

    @Test
    void anEndedSelfExclusionCanBeCleared() {
        GamblingLimits excluded = GamblingLimits.NONE.change(null, NOW.plusSeconds(60), NOW, COOLING_OFF);
        GamblingLimits cleared = excluded.change(null, null, NOW.plusSeconds(60), COOLING_OFF);
        assertThat(cleared.selfExcludedUntil()).isNull();
    }

    @Test
    void aSelfExclusionEndsInTheFutureAndWithinTenYears() {
        assertThatThrownBy(() -> GamblingLimits.NONE.change(null, NOW, NOW, COOLING_OFF))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> GamblingLimits.NONE.change(null, NOW.plus(Duration.ofDays(3700)), NOW, COOLING_OFF))
                .isInstanceOf(ProblemException.class);
    }
}
