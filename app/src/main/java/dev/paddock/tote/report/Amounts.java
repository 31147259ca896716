package dev.paddock.tote.report;

/**
 * The report's fixed number formats, the same on every machine and in every language: amounts in euros with
 * two decimals ("1234.50", "-0.05"), rates in percent with two decimals ("13.90"), winning units with two
 * decimals. Plain long arithmetic: no locale, no floating point.
 */
final class Amounts {

    private Amounts() {
    }

    static String euros(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + abs / 100 + "." + twoDigits(abs % 100);
    }

    static String euros(Long cents) {
        return cents == null ? "" : euros(cents.longValue());
    }

    static String percent(int basisPoints) {
        return euros(basisPoints);
    }

    /** Stakes over the unit stake, two decimals rounded half-even (flexi stakes make fractions). */
    static String units(long stakeCents, long unitStakeCents) {
        long hundredths = Math.floorDiv(Math.multiplyExact(stakeCents, 100), unitStakeCents);
        long rest = Math.floorMod(Math.multiplyExact(stakeCents, 100), unitStakeCents);
        long twice = 2 * rest;
        if (twice > unitStakeCents || twice == unitStakeCents && hundredths % 2 != 0) {
            hundredths++;
        }
        return euros(hundredths);
    }

    static String count(Long count) {
        return count == null ? "" : count.toString();
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
