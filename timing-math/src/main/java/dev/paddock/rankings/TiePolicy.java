package dev.paddock.rankings;

/**
 * What equal times get. SHARED: the same place, shown "12=", the next place skipped ("12=, 12=, 14").
 * FINISH_ORDER: distinct places in the order the athletes crossed the line (then by bib).
 */
public enum TiePolicy {
    SHARED, FINISH_ORDER
}
