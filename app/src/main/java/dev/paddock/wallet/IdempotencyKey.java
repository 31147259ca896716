package dev.paddock.wallet;

import dev.paddock.identity.AccountId;

/**
 * Names one intended movement so that a retry does it once. Keys are global across the ledger: modules
 * build them from their own ids ({@code "tote:bet:" + betId}); keys chosen by a customer (REST header, web
 * form) go through {@link #fromCustomer} so two customers can never collide.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 200;

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    public static IdempotencyKey fromCustomer(AccountId account, String clientKey) {
        return new IdempotencyKey("customer:" + account + ":" + clientKey);
    }

    /** Derives the key of a follow-up movement, e.g. the refund of a declined payout. */
    public IdempotencyKey derived(String suffix) {
        return new IdempotencyKey(value + "#" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
