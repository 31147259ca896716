package dev.paddock.events.account;

/**
 * What a change did: the registration after it, the money it moved and whether it was a retry of a change already
 * made (then nothing moved again).
 */
record Change(MyEvents.RegistrationView registration, String kind, long chargedCents, long refundedCents,
        boolean replayed) {
}
