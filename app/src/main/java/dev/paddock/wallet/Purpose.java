package dev.paddock.wallet;

import java.util.regex.Pattern;

/**
 * Why money leaves or enters a wallet: the ledger account on the other side of the entry and a reference
 * the customer sees in the history (an order or bet id). The factories name the counter-accounts.
 */
public record Purpose(String counterAccount, String reference) {

    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z][a-z0-9-]{0,30}:[a-z0-9][a-z0-9:-]{0,60}");

    public Purpose {
        if (counterAccount == null || !ACCOUNT.matcher(counterAccount).matches()
                || counterAccount.startsWith("customer:")) {
            throw new IllegalArgumentException("Not a house ledger account: " + counterAccount);
        }
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("A reference has 1 to 200 characters");
        }
    }

    /** A stake: into {@code <module>:pools}. */
    public static Purpose bet(String module, Object betId) {
        return new Purpose(module(module) + ":pools", "bet:" + betId);
    }

    /** Winnings: out of {@code <module>:payouts}. */
    public static Purpose payout(String module, Object reference) {
        return new Purpose(module(module) + ":payouts", "payout:" + reference);
    }

    /** A purchase (an entry ticket, a booking): into {@code purchases:<module>}. */
    public static Purpose purchase(String module, Object orderId) {
        return new Purpose("purchases:" + module(module), "order:" + orderId);
    }

    /** Gives back what a purchase took: out of {@code purchases:<module>}. */
    public static Purpose refund(String module, Object reference) {
        return new Purpose("purchases:" + module(module), "refund:" + reference);
    }

    /** A fee kept by the operator: into {@code operator:fees}. */
    public static Purpose fee(Object reference) {
        return new Purpose("operator:fees", "fee:" + reference);
    }

    private static String module(String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("Not a module name: " + module);
        }
        return module;
    }
}
