package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
    void theJdkClientIsKeptOnRequest() {
        ResultsRushOptions options = ResultsRushOptions.parse(List.of("--start-app", "true", "--client", "jdk"));

        assertThat(options.lean()).isFalse();
        assertThat(options.against(URI.create("http://localhost:1"), "jdbc:postgresql://localhost/x").lean()).isFalse();
        assertThat(options.clients()).isEqualTo("JDK HttpClient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--client http2", "--connections 0", "--passing-connections -1"})
    void aBadClientChoiceIsRefused(String arguments) {
        assertThatThrownBy(() -> ResultsRushOptions.parse(List.of(("--start-app true " + arguments).split(" "))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
