package dev.paddock.parimutuel;

/** One winning combination of a rank: its key, its dividend per 1 EUR in cents, and the stakes it holds. */
public record CombinationDividend(long key, long dividendCents, long stakeCents) {
}
