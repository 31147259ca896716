package dev.paddock.live;

import dev.paddock.identity.AccountId;

/**
 * Pushes small notifications to open browser pages. Pages re-fetch what changed (htmx), so a lost
 * notification costs freshness, never correctness. Call it after the change is committed (an
 * {@code @ApplicationModuleListener} or {@code @TransactionalEventListener} is the usual place).
 */
public interface LiveChannel {

    /** To every open page of one account, e.g. {@code toAccount(id, "wallet", balance)}. */
    void toAccount(AccountId account, String event, Object data);

    /** To every page subscribed to a public topic, e.g. a race's probable odds. */
    void toTopic(String topic, String event, Object data);
}
