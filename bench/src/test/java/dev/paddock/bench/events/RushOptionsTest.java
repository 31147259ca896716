package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RushOptionsTest {

    @Test
    void theDefaultsAreTheIssuesFigures() {
        RushOptions options = RushOptions.parse(List.of());

        assertThat(options.athletes()).isEqualTo(20_000);
        assertThat(options.places()).isEqualTo(5_000);
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.readers()).isEqualTo(2_000);
        assertThat(options.startApp()).isFalse();
        assertThat(options.jdbcUrl()).isNull();
        assertThat(options.arrivals().attempts()).isEqualTo(20_000);
        assertThat(options.lean()).isTrue();
        assertThat(options.connections()).isEqualTo(1024);
        assertThat(options.readerConnections()).isEqualTo(384);
        assertThat(options.shedRetries()).isEqualTo(5);
        assertThat(options.maxInFlight()).isGreaterThan(options.athletes());
    }

    @Test
    void byDefaultTheNodeIsWarmAtTheOpeningAndTheWarmUpEndsBeforeIt() {
        RushOptions options = RushOptions.parse(List.of());

        assertThat(options.warmUpRegistrations()).isEqualTo(24_000);
        assertThat(options.warmUpTime()).isEqualTo(Duration.ofSeconds(80));
        assertThat(options.lead()).isGreaterThan(options.warmUpTime());
        assertThat(options.readerWarmUp()).isGreaterThan(options.warmUpTime()).isLessThan(options.lead());
        assertThat(options.warmUpBurst()).isEqualTo(1);
        assertThat(options.warmUps().intendedOffsetNanos(1)).isEqualTo(Duration.ofMillis(80).toNanos() / 24);
        RushOptions cold = RushOptions.parse(List.of("--warm-up-registrations", "50", "--warm-up-time", "2s"));
        assertThat(cold.warmUpRegistrations()).isEqualTo(50);
        assertThat(cold.warmUpTime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theWarmUpsOpenRaceHasAPlaceForEachOfItsHalfUnlessItsPlacesAreGiven() {
        assertThat(RushOptions.parse(List.of()).warmUpPlaces()).isEqualTo(12_000);
        // 51 alternate: 26 in the 10 km race, 25 in the full 5 km race
        assertThat(RushOptions.parse(List.of("--warm-up-registrations", "51")).warmUpPlaces()).isEqualTo(26);
        assertThat(RushOptions.parse(List.of("--warm-up-registrations", "1")).warmUpPlaces()).isEqualTo(1);
        assertThat(RushOptions.parse(List.of("--warm-up-registrations", "0")).warmUpPlaces()).isZero();
        RushOptions allConfirmed = RushOptions.parse(List.of("--warm-up-registrations", "3000", "--warm-up-places",
                "3000"));
        assertThat(allConfirmed.warmUpPlaces()).isEqualTo(3_000);
        assertThat(allConfirmed.against(java.net.URI.create("http://localhost:1"), null).warmUpPlaces())
                .isEqualTo(3_000);
    }

    @Test
    void theTraceIsWrittenOnlyWhenAsked() {
        assertThat(RushOptions.parse(List.of()).trace()).isNull();
        RushOptions traced = RushOptions.parse(List.of("--trace", "/tmp/attempts.csv"));

        assertThat(traced.trace()).isEqualTo(java.nio.file.Path.of("/tmp/attempts.csv"));
        assertThat(traced.against(java.net.URI.create("http://localhost:1"), null).trace()).isEqualTo(traced.trace());
    }

    @Test
    void theJdkClientIsKeptOnRequest() {
        RushOptions options = RushOptions.parse(List.of("--client", "jdk", "--connections", "64"));

        assertThat(options.lean()).isFalse();
        assertThat(options.clients()).isEqualTo("JDK HttpClient");
        assertThat(options.against(java.net.URI.create("http://localhost:1"), null).lean()).isFalse();
        assertThat(RushOptions.parse(List.of("--connections", "64", "--reader-connections", "8")).clients())
                .isEqualTo("keep-alive clients, 64 connections for registrations, 8 for readers");
    }

    @ParameterizedTest
    @CsvSource({
            "20000, 2000, 5000, 60000",     // 10 athletes each at 50.00, plus 100.00
            "20000, 20000, 5000, 15000",    // one each
            "100, 30, 5000, 30000",         // 4 at most (100 / 30 rounded up)
            "10, 10, 0, 10000"})            // a free race: the margin only
    void eachBuyerIsFundedForItsShareOfAthletesPlusAMargin(int athletes, int accounts, long price, long funding) {
        RushOptions options = RushOptions.parse(List.of("--athletes", String.valueOf(athletes), "--accounts",
                String.valueOf(accounts), "--price-cents", String.valueOf(price)));

        assertThat(options.fundingCents()).isEqualTo(funding);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--unknown 1",
            "--athletes",
            "--accounts 0",
            "--athletes 10 --accounts 11",
            "--places 0",
            "--waitlist-share 1.5",
            "--client http2",
            "--connections 0",
            "--reader-connections 0",
            "--shed-retries -1",
            "--warm-up-registrations -1",
            "--warm-up-time 0s",
            "--warm-up-burst 0",
            "--warm-up-places 0",
            "--warm-up-registrations 10 --warm-up-places 11"})
    void aBadCommandLineIsRefused(String arguments) {
        assertThatThrownBy(() -> RushOptions.parse(List.of(arguments.split(" "))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBurstyWarmUpSendsItsBurstsAtTheOpeningsPeakRateWithTheSameMeanRate() {
        RushOptions options = RushOptions.parse(List.of("--warm-up-burst", "300"));

        // 24,000 in bursts of 300 over 80 s: a burst a second, at the curve's first rate (~2,773/s)
        assertThat(options.warmUps().burstRate()).isEqualTo(options.arrivals().rateAt(Duration.ZERO));
        assertThat(options.warmUps().burstRate()).isBetween(2_700.0, 2_800.0);
        assertThat(options.warmUps().intendedOffsetNanos(300)).isEqualTo(1_000_000_000L);
        assertThat(options.warmUps().intendedOffsetNanos(23_999)).isLessThan(options.warmUpTime().toNanos());
        assertThat(options.warmUps().intendedOffsetNanos(24_000)).isEqualTo(Long.MAX_VALUE);
    }
}
