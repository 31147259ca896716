package dev.paddock.wallet;

import dev.paddock.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The idempotency key already names another request; use a new key for a new movement. */
public class IdempotencyKeyReused extends ProblemException {

    public IdempotencyKeyReused() {
        super(HttpStatus.CONFLICT, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new movement.");
    }
}
