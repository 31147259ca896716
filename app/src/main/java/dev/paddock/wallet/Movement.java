package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One journal entry as the wallet sees it.
 *
 * @param amount       signed from the wallet's point of view: positive when money came in
 * @param balanceAfter the wallet's balance right after this movement
 * @param replayed     true when this call found the movement already recorded under its idempotency key
 */
public record Movement(UUID movementId, AccountId accountId, MovementKind kind, Money amount, Money balanceAfter,
        String reference, Instant at, boolean replayed) {

    public Movement asReplay() {
        return new Movement(movementId, accountId, kind, amount, balanceAfter, reference, at, true);
    }
}
