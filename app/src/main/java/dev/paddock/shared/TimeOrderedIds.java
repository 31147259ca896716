package dev.paddock.shared;

import java.util.UUID;

/**
 * Ids of rows written at a high rate (bets, ledger entries): UUID version 7 (RFC 9562), the creation time in
 * milliseconds in the first 48 bits, then 74 random bits from {@link UUID#randomUUID()}. Ids made close in time sort
 * close together, so a primary key index takes each new row on its right-most pages instead of a random page: the
 * pages a write dirties, and the full-page images the WAL takes of them after each checkpoint, stay few.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        UUID random = UUID.randomUUID();
        long high = epochMillis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        // the random half keeps version 4's variant bits (10), which are version 7's too
        return new UUID(high, random.getLeastSignificantBits());
    }
}
