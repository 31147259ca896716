package dev.paddock.events.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The answers this node's registration writer gave lately, by buyer and requestId ({@link RegistrationRows#key}):
 * a client sending an attempt again (its answer lost, or a 503 that came after the batch committed) is answered
 * from memory, without the database or a place in the writer's queue. Only committed answers are kept, the way
 * the database stores them for replays; the database stays the record: a requestId this node did not answer (or
 * answered before a restart, or so long ago it was forgotten) goes the usual way and is found there.
 */
@Component
class RecentAnswers {

    private record Known(String fingerprint, RegistrationAnswer answer) {
    }

    private final Cache<String, Known> answers = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** An answer the writer gave after its batch committed (never a replay: that one is already known). */
    void remember(String key, String fingerprint, RegistrationAnswer answer) {
        if (!answer.replayed()) {
            answers.put(key, new Known(fingerprint, answer));
        }
    }

    /**
     * The first answer to this requestId as a replay, if this node gave it lately; 409 request-id-reused if the
     * requestId was used for another registration.
     */
    Optional<RegistrationAnswer> replay(String key, String fingerprint) {
        Known known = answers.getIfPresent(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.fingerprint().equals(fingerprint)) {
            throw Checkout.requestIdReused();
        }
        return Optional.of(known.answer().asReplay());
    }

    /** Forgets every answer, as a restarted node has (tests: a retry this node never answered). */
    void forgetAll() {
        answers.invalidateAll();
    }
}
