package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsRushOptionsTest {

    @Test
    void theLoadGoesOverKeepAliveClientsByDefault() {
        ResultsRushOptions options = ResultsRushOptions.parse(List.of("--start-app", "true"));

        assertThat(options.lean()).isTrue();
        assertThat(options.connections()).isEqualTo(512);
        assertThat(options.passingConnections()).isEqualTo(64);
        assertThat(options.clients()).isEqualTo("keep-alive clients, 512 connections for lookups, 64 for passings");
    }

    @Test
    void aWarmNodeIsMeasuredByDefaultAndAColdStartOneOptionAway() {
        assertThat(ResultsRushOptions.parse(List.of("--start-app", "true")).warmUp()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ResultsRushOptions.parse(List.of("--start-app", "true", "--warm-up", "10s")).warmUp())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theJdkClientIsKeptOnRequest() {
        ResultsRushOptions options = ResultsRushOptions.parse(List.of("--start-app", "true", "--client", "jdk"));

        assertThat(options.lean()).isFalse();
        assertThat(options.against(URI.create("http://localhost:1"), "jdbc:postgresql://localhost/x").lean()).isFalse();
        assertThat(options.clients()).isEqualTo("JDK HttpClient");
    }

    @Test
    void theWarmUpRampsFromATenthOfTheRateByDefaultAndTheOldWayIsOneOptionAway() {
        ResultsRushOptions ramped = ResultsRushOptions.parse(List.of("--start-app", "true"));
        ResultsRushOptions constant = ResultsRushOptions.parse(List.of("--start-app", "true", "--warm-up-ramp", "1"));

        assertThat(ramped.warmUpRamp()).isEqualTo(0.1);
        assertThat(ramped.warmUpLoad()).isEqualTo("lookups ramped from 10% to 100% of the rate");
        assertThat(ramped.against(URI.create("http://localhost:1"), "jdbc:postgresql://localhost/x").warmUpRamp())
                .isEqualTo(0.1);
        assertThat(constant.warmUpLoad()).isEqualTo("lookups at the full rate from the start");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--client http2", "--connections 0", "--passing-connections -1", "--warm-up-ramp 0",
            "--warm-up-ramp 1.5"})
    void aBadClientChoiceIsRefused(String arguments) {
        assertThatThrownBy(() -> ResultsRushOptions.parse(List.of(("--start-app true " + arguments).split(" "))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
