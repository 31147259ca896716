package dev.paddock.events.organizer;

/** A bib number nobody holds yet, and the index of its range in the race's ranges (ascending). */
record FreeBib(int bib, int range) {
}
