package dev.paddock.events.catalog;

import java.util.Set;

/**
 * Event addresses. A slug is the segment after {@code /events/}, so the words other parts use there for
 * their own pages ({@code /events/join}, {@code /events/orders/...}) are never slugs: no event takes them,
 * and they are neither anonymous nor cached as catalogue pages.
 */
final class Slugs {

    static final Set<String> RESERVED = Set.of("join", "orders", "registrations", "races", "teams", "my", "organizer",
            "ops", "new");

    /** A path pattern segment that matches any slug but the reserved words. */
    static final String SEGMENT = "{slug:(?!(?:" + String.join("|", RESERVED.stream().sorted().toList()) + ")$).+}";

    private Slugs() {
    }
}
