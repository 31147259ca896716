package dev.paddock.wallet;

import dev.paddock.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The payment provider refused the charge; the wallet did not move. */
public class PaymentDeclined extends ProblemException {

    private final String reason;

    public PaymentDeclined(String reason) {
        super(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "The payment was declined: " + reason + ".");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
