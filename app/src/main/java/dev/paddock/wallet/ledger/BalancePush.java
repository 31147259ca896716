package dev.paddock.wallet.ledger;

import dev.paddock.live.LiveChannel;
import dev.paddock.wallet.WalletMovementRecorded;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells the account's open pages the new balance once the movement is committed; pages re-fetch on it. */
@Component
class BalancePush {

    private final LiveChannel live;

    BalancePush(LiveChannel live) {
        this.live = live;
    }

    @TransactionalEventListener
    void push(WalletMovementRecorded movement) {
        live.toAccount(movement.accountId(), "wallet", Map.of("balance", movement.balanceAfter()));
    }
}
