package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.ProblemException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retries answered from memory: the first answer as a replay, 409 for other content, nothing for the unknown. */
class RecentAnswersTest {

    private static final RegistrationAnswer CONFIRMED = new RegistrationAnswer(UUID.randomUUID(), "CONFIRMED", null,
            null, List.of(new RegistrationAnswer.Entry(UUID.randomUUID(), UUID.randomUUID(), "CONFIRMED", 17, 5000,
                    null)), 5000, 0, 5000, false);

    @ParameterizedTest(name = "remembered {0} with {1}, asked {2} with {3}: {4}")
    @CsvSource(nullValues = "NULL", value = {
            "buyer|r1, fp1,  buyer|r1, fp1, replay",
            "buyer|r1, fp1,  buyer|r1, fp2, request-id-reused",
            "buyer|r1, fp1,  buyer|r2, fp1, unknown",
            "buyer|r1, fp1,  other|r1, fp1, unknown",
            "NULL,     NULL, buyer|r1, fp1, unknown"})
    void aRetryIsAnsweredFromMemoryOnlyForTheSameRequestIdAndContent(String rememberedKey, String rememberedPrint,
            String askedKey, String askedPrint, String expected) {
        RecentAnswers recent = new RecentAnswers();
        if (rememberedKey != null) {
            recent.remember(rememberedKey, rememberedPrint, CONFIRMED);
        }

        switch (expected) {
            case "replay" -> {
                RegistrationAnswer replay = recent.replay(askedKey, askedPrint).orElseThrow();
                assertThat(replay.replayed()).isTrue();
                assertThat(replay.orderId()).isEqualTo(CONFIRMED.orderId());
                assertThat(replay.registrations()).isEqualTo(CONFIRMED.registrations());
            }
            case "unknown" -> assertThat(recent.replay(askedKey, askedPrint)).isEmpty();
            default -> assertThatThrownBy(() -> recent.replay(askedKey, askedPrint))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.slug()).isEqualTo(expected));
        }
    }

    @Test
    void aReplayedAnswerIsNotRememberedAsAFirstAnswer() {
        RecentAnswers recent = new RecentAnswers();
        recent.remember("buyer|r1", "fp1", CONFIRMED.asReplay());
        assertThat(recent.replay("buyer|r1", "fp1")).isEmpty();
    }
}
