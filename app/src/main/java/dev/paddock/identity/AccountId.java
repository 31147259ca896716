package dev.paddock.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * The identity of an account. A controller method that declares an {@code AccountId} parameter receives
 * the signed-in account's id, whether the request came with a session cookie or a JWT; an anonymous
 * request gets a 401 before the method runs.
 */
public record AccountId(UUID value) {

    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("An account id is required");
        }
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(UUID.fromString(value));
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    /** In JSON (API bodies, Kafka events) an account id is its plain UUID string. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
