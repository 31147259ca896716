package dev.paddock.wallet.web;

import java.util.UUID;

/**
 * A deposit or withdrawal form as rendered. Each render carries a new idempotency key, so a double click
 * or a resubmitted page moves the money once, and the next movement gets a key of its own.
 *
 * @param kind   "deposit" or "withdrawal": the form's path and the prefix of its element ids
 * @param amount what the customer typed, shown again next to an error
 * @param error  the message next to the amount field, or null
 * @param done   the confirmation of the last movement, or null
 */
record MovementForm(String kind, String idempotencyKey, String amount, String error, String done) {

    static MovementForm fresh(String kind) {
        return new MovementForm(kind, UUID.randomUUID().toString(), "", null, null);
    }

    MovementForm rejected(String typed, String message) {
        return new MovementForm(kind, UUID.randomUUID().toString(), typed, message, null);
    }

    MovementForm completed(String message) {
        return new MovementForm(kind, UUID.randomUUID().toString(), "", null, message);
    }
}
