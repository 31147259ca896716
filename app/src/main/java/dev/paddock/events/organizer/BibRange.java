package dev.paddock.events.organizer;

/**
 * Numbers {@code firstBib..lastBib} (inclusive) of one race, for one wave or none. A race's ranges in
 * ascending order are the order numbers are handed out in: the first wave is filled first.
 */
record BibRange(int firstBib, int lastBib, String wave) {

    int size() {
        return lastBib - firstBib + 1;
    }

    boolean overlaps(BibRange other) {
        return firstBib <= other.lastBib && other.firstBib <= lastBib;
    }

    boolean holds(int bib) {
        return bib >= firstBib && bib <= lastBib;
    }
}
