package dev.paddock.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code events.registrations} as the account part reads it. */
record Registration(UUID id, UUID raceId, UUID eventId, UUID orderId, UUID accountId, UUID buyerAccountId,
        UUID teamId, String status, String firstName, String lastName, String gender, LocalDate birthDate,
        String nationality, String email, String answers, long priceCents, Integer bib, Long waitlistPosition,
        Instant offerExpiresAt) {

    /** CONFIRMED and OFFERED registrations hold a row of {@code events.places}. */
    boolean holdsPlace() {
        return "CONFIRMED".equals(status) || "OFFERED".equals(status);
    }

    /** Whether the account may see and change it: the athlete themselves or whoever registered them. */
    boolean belongsTo(UUID account) {
        return account.equals(accountId) || account.equals(buyerAccountId);
    }

    String name() {
        return firstName + " " + lastName;
    }

    String initials() {
        return firstName.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + "."
                + lastName.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ".";
    }
}
