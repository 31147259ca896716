package dev.paddock.parimutuel;

import java.math.BigInteger;

/** An exact fraction, so that dividends are rounded once, at the end, whatever the size of the pool. */
record Ratio(BigInteger numerator, BigInteger denominator) {

    static final Ratio ZERO = of(0);

    static Ratio of(long value) {
        return new Ratio(BigInteger.valueOf(value), BigInteger.ONE);
    }

    static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Ratio plus(Ratio other) {
        BigInteger n = numerator.multiply(other.denominator).add(other.numerator.multiply(denominator));
        BigInteger d = denominator.multiply(other.denominator);
        BigInteger gcd = n.gcd(d);
        return gcd.signum() == 0 || gcd.equals(BigInteger.ONE) ? new Ratio(n, d) : new Ratio(n.divide(gcd), d.divide(gcd));
    }

    Ratio minus(Ratio other) {
        return plus(new Ratio(other.numerator.negate(), other.denominator));
    }

    Ratio times(long factor) {
        return new Ratio(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    Ratio times(Ratio factor) {
        return new Ratio(numerator.multiply(factor.numerator), denominator.multiply(factor.denominator));
    }

    Ratio over(long divisor) {
        return new Ratio(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    Ratio over(Ratio divisor) {
        return new Ratio(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    int signum() {
        return numerator.signum();
    }

    /** Rounded down (towards minus infinity). */
    long floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != denominator.signum()) {
            q = q.subtract(BigInteger.ONE);
        }
        return q.longValueExact();
    }
}
