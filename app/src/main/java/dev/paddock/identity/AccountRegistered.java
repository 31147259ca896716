package dev.paddock.identity;

import java.time.Instant;

/** A visitor signed up; published in the sign-up transaction. */
public record AccountRegistered(AccountId accountId, String email, Instant at) {
}
