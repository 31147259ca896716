package dev.paddock.timing.intake;

/**
 * What became of a read.
 *
 * @param verdict COUNTED, DUPLICATE, REPLACED, REJECTED or UNKNOWN_BIB
 * @param replay  true if this read had been sent before (the stored verdict is returned, nothing changed)
 */
public record PassingOutcome(String id, int bib, String verdict, String reason, String detail, boolean replay) {
}
