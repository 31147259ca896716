package dev.paddock.events.catalog;

/** A step of an event's refund policy: cancelled at least {@code daysBefore} days ahead, {@code percent} back. */
record RefundStep(int daysBefore, int percent) {
}
