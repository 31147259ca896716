package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's fingerprint stays what the database holds for requests already made: SHA-256 of
 * {@code kind|scope|<request as JSON>} in UTF-8, whatever way it is computed.
 */
class FingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID RACE = UUID.fromString("3f1c0b7e-2a4d-4c8e-9b1f-5d6e7a8b9c0d");

    private final Checkout checkout = new Checkout(null, null, JSON, null, null);

    static Stream<Arguments> requests() {
        Athlete ann = new Athlete("Ann", "Muster", "F", LocalDate.of(1990, 5, 31), "CH", "ann@example.test");
        Athlete zoe = new Athlete("Zoë", "Müller-Brändli", "X", LocalDate.of(2001, 1, 2), "FR", "zoe@example.test");
        return Stream.of(
                Arguments.of("individual", RACE, new RegistrationRequests.Individual("r-1", ann,
                        JSON.readTree("{\"club\":\"LC Zürich\",\"tshirt\":\"M\",\"consent\":true}"), null, null,
                        "WALLET", null)),
                Arguments.of("individual", RACE, new RegistrationRequests.Individual("r-2", zoe, null, "PT3H30M",
                        "EARLY", "CARD", Boolean.FALSE)),
                Arguments.of("individual", RACE, new RegistrationRequests.Individual(null, null, null, null, null, null,
                        null)),
                Arguments.of("team", RACE, new RegistrationRequests.Team("t-1", "Les Gazelles",
                        List.of(new RegistrationRequests.Member(zoe, null, "RUNNER")), null, null, null, "WALLET")),
                Arguments.of("join", "ABC-123", new RegistrationRequests.Join("j-1", "ABC-123", ann, null, "WALLET",
                        null)));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void isTheDigestOfKindScopeAndTheRequestAsJson(String kind, Object scope, Object request) throws Exception {
        byte[] text = (kind + "|" + scope + "|" + JSON.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));

        assertThat(checkout.fingerprint(kind, scope, request)).isEqualTo(expected);
    }

    @Test
    void differsWithTheContentTheKindOrTheScope() {
        Athlete ann = new Athlete("Ann", "Muster", "F", LocalDate.of(1990, 5, 31), "CH", "ann@example.test");
        RegistrationRequests.Individual one = new RegistrationRequests.Individual("r-1", ann, null, null, null,
                "WALLET", null);
        RegistrationRequests.Individual other = new RegistrationRequests.Individual("r-1", ann, null, null, null,
                "CARD", null);

        assertThat(List.of(checkout.fingerprint("individual", RACE, one), checkout.fingerprint("individual", RACE, other),
                checkout.fingerprint("lottery", RACE, one), checkout.fingerprint("individual", UUID.randomUUID(), one)))
                .doesNotHaveDuplicates();
        assertThat(checkout.fingerprint("individual", RACE, one)).as("computed again")
                .isEqualTo(checkout.fingerprint("individual", RACE, one));
    }
}
