package dev.paddock.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One security event.
 *
 * @param type    a stable upper-case name, e.g. {@code LOGIN_FAILED}
 * @param actor   the account that acted, or null (anonymous visitor, the system)
 * @param subject the account acted upon, or null
 * @param ip      the client address, or null outside a request
 * @param details small facts worth keeping (never a password or token), stored as JSON (null values allowed)
 */
public record AuditEntry(String type, UUID actor, UUID subject, String ip, Map<String, Object> details) {

    public AuditEntry {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs a type");
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
