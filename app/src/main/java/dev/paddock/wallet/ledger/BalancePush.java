package dev.paddock.wallet.ledger;

import dev.paddock.live.LiveChannel;
import dev.paddock.shared.AfterCommit;
import dev.paddock.wallet.WalletMovementRecorded;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the account's open pages the new balance once the movement is committed; pages re-fetch on it.
 * A plain listener that defers itself to after commit, rather than a {@code @TransactionalEventListener}:
 * Spring Modulith would track the latter in its publication registry, which costs two more transactions per
 * movement and, while the movement's connection is still held, a second pooled connection. A lost push
 * only costs freshness, so it needs no outbox.
 */
@Component
class BalancePush {

    private final LiveChannel live;

    BalancePush(LiveChannel live) {
        this.live = live;
    }

    @EventListener
    void push(WalletMovementRecorded movement) {
        AfterCommit.run(() -> live.toAccount(movement.accountId(), "wallet", Map.of("balance", movement.balanceAfter())));
    }
}
