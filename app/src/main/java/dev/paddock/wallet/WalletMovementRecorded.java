package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A movement was written to a wallet; published in the movement's transaction.
 *
 * @param kind         a {@link MovementKind} name
 * @param amount       cents, signed from the wallet's point of view
 * @param balanceAfter cents, the wallet's balance right after the movement
 */
@Externalized("paddock.wallet.movements::#{#this.accountId().toString()}")
public record WalletMovementRecorded(AccountId accountId, UUID movementId, String kind, long amount,
        long balanceAfter, Instant at) {
}
