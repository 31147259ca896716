package dev.paddock.parimutuel;

/**
 * A runner's probable Simple Placé dividend, per 1 EUR in cents: it depends on which runners place with
 * it. {@code min} assumes it places with the most backed others, {@code max} with the least backed.
 */
public record PlaceOdds(long min, long max) {

    public PlaceOdds {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " above max " + max);
        }
    }
}
