package dev.paddock.events.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundPolicyTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    // first race on 2027-04-25 at 08:30 Zurich (06:30 UTC, summer time)
    private static final Instant FIRST_START = Instant.parse("2027-04-25T06:30:00Z");
    private static final RefundPolicy POLICY = new RefundPolicy(List.of(
            new RefundPolicy.Step(7, 50), new RefundPolicy.Step(30, 100), new RefundPolicy.Step(1, 10)));

    @ParameterizedTest(name = "cancelled at {0}: {1} %")
    @CsvSource({
            "2027-01-01T10:00:00Z, 100",
            "2027-03-26T12:00:00Z, 100",   // 30 calendar days before in Zurich
            "2027-03-26T23:30:00Z, 50",    // already 27 March in Zurich: 29 days
            "2027-03-27T10:00:00Z, 50",
            "2027-04-18T21:59:59Z, 50",    // 23:59:59 on 18 April in Zurich: 7 days
            "2027-04-18T22:00:00Z, 10",    // midnight 19 April in Zurich: 6 days
            "2027-04-24T20:00:00Z, 10",    // 1 day before
            "2027-04-25T00:00:00Z, 0",     // race day, before the start
            "2027-04-25T06:29:59Z, 0",
            "2027-04-25T06:30:00Z, 0",     // started
            "2027-05-01T00:00:00Z, 0"})
    void thePercentIsTheLargestStepThatApplies(Instant now, int percent) {
        assertThat(POLICY.percentAt(now, FIRST_START, ZURICH)).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0} days before with [{1}]: {2} %")
    @CsvSource({
            "40, '', 0",
            "40, '0:100', 100",
            "0, '0:100', 100",
            "5, '10:80', 0",
            "10, '10:80', 80",
            "10, '10:80;10:20', 80"})
    void stepsInAnyOrder(int daysBefore, String steps, int percent) {
        List<RefundPolicy.Step> parsed = steps.isEmpty() ? List.of() : java.util.Arrays.stream(steps.split(";"))
                .map(s -> new RefundPolicy.Step(Integer.parseInt(s.split(":")[0]), Integer.parseInt(s.split(":")[1])))
                .toList();
        Instant now = FIRST_START.minus(java.time.Duration.ofDays(daysBefore)).minusSeconds(60);
        assertThat(new RefundPolicy(parsed).percentAt(now, FIRST_START, ZURICH)).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{1} % of {0} = {2}")
    @CsvSource({
            "9500, 100, 9500",
            "9500, 50, 4750",
            "9999, 50, 4999",
            "9999, 33, 3299",
            "1, 99, 0",
            "0, 100, 0",
            "9500, 0, 0"})
    void refundsRoundDownToTheCent(long paid, int percent, long refund) {
        assertThat(RefundPolicy.refundCents(paid, percent)).isEqualTo(refund);
    }

    @ParameterizedTest
    @CsvSource({"-1, 50", "5, -1", "5, 101"})
    void aStepIsInRange(int daysBefore, int percent) {
        assertThatThrownBy(() -> new RefundPolicy.Step(daysBefore, percent)).isInstanceOf(IllegalArgumentException.class);
    }
}
