package dev.paddock.tote.programme;

import dev.paddock.shared.Money;

/**
 * What a pool charges: the takeout in basis points (1390 = 13.90 %), the smallest and largest ticket, the
 * price of one unit combination, and whether a ticket may pay a fraction of it per combination (flexi).
 */
public record PoolTerms(int takeoutBasisPoints, Money minStake, Money unitStake, Money maxStake, boolean flexi) {
}
