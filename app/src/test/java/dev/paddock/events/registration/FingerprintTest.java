package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    @ParameterizedTest
    @MethodSource("requests")
    void anIndividualRequestWrittenByHandHasTheSameFingerprint(String kind, Object scope, Object request) {
        if (request instanceof RegistrationRequests.Individual individual && scope instanceof UUID race) {
            assertThat(checkout.fingerprint(kind, race, individual, answers(individual)))
                    .isEqualTo(checkout.fingerprint(kind, scope, request));
        }
    }

    /** Texts with quotes, backslashes, control characters, accents, emoji (surrogates: Jackson's path), nulls. */
    @Test
    void anyIndividualRequestWrittenByHandHasJacksonsFingerprint() {
        Random random = new Random(20261122);
        int byHand = 0;
        for (int n = 0; n < 3_000; n++) {
            Athlete athlete = random.nextInt(10) == 0 ? null : new Athlete(text(random), text(random), text(random),
                    random.nextInt(8) == 0 ? null : LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000)),
                    text(random), text(random));
            Boolean waitlist = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            RegistrationRequests.Individual request = new RegistrationRequests.Individual(text(random), athlete,
                    answersNode(random), text(random), text(random), text(random), waitlist);

            assertThat(checkout.fingerprint("individual", RACE, request, answers(request))).as(request.toString())
                    .isEqualTo(checkout.fingerprint("individual", RACE, (Object) request));
            byHand += IndividualJson.bytes(request, answers(request)) == null ? 0 : 1;
        }
        assertThat(byHand).as("requests written by hand (the others hold an emoji: Jackson's path)")
                .isGreaterThan(300);
    }

    private static String answers(RegistrationRequests.Individual request) {
        return request.answers() == null ? null : request.answers().toString();
    }

    private static final String CHARS = "aZ09 \"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080éüßÆ€中😀";

    private static String text(Random random) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(CHARS.codePointAt(CHARS.offsetByCodePoints(0,
                    random.nextInt(CHARS.codePointCount(0, CHARS.length())))));
        }
        return text.toString();
    }

    private static JsonNode answersNode(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> JSON.getNodeFactory().nullNode();
            default -> {
                ObjectNode answers = JSON.createObjectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    String key = "f" + random.nextInt(100) + (text(random) == null ? "" : "x");
                    switch (random.nextInt(5)) {
                        case 0 -> answers.put(key, text(random));
                        case 1 -> answers.put(key, random.nextBoolean());
                        case 2 -> answers.put(key, random.nextInt());
                        case 3 -> answers.put(key, random.nextDouble() * 1e6);
                        default -> answers.putArray(key).add(text(random)).add(random.nextLong());
                    }
                }
                yield answers;
            }
        };
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
