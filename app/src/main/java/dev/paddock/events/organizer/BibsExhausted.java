package dev.paddock.events.organizer;

/** The race's ranges have too few free numbers (or no run of consecutive ones long enough for a team). */
final class BibsExhausted extends RuntimeException {

    BibsExhausted(String message) {
        super(message);
    }
}
