package dev.paddock.wallet;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The wallet does not hold the amount; nothing was written. */
public class InsufficientFunds extends ProblemException {

    public InsufficientFunds(Money amount) {
        super(HttpStatus.CONFLICT, "insufficient-funds",
                "The wallet does not hold " + amount + "; nothing was taken.");
    }
}
