package dev.paddock.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of euros in integer minor units (cents). Paddock has one currency, so the value carries
 * no currency code; a long of cents is exact, cheap on hot paths and maps to a PostgreSQL bigint. In JSON
 * (API bodies, stored and externalized events) it is that integer of cents.
 */
public record Money(@JsonValue long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator
    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Parses a decimal euro amount such as "12.50"; more than two decimals is an error, never rounded. */
    public static Money parse(String euros) {
        BigDecimal value = new BigDecimal(euros.trim());
        try {
            return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("An amount has at most two decimals: " + euros, e);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public BigDecimal toEuros() {
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return toEuros().toPlainString() + " EUR";
    }
}
