package dev.paddock.bench.events;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.PaddockApi;
import tools.jackson.databind.JsonNode;

/**
 * What one registration attempt came back with: for a 2xx, the registration's status (CONFIRMED, WAITLISTED),
 * its id, its order and what the order cost; otherwise the HTTP status and the problem's type, or no response.
 *
 * @param label how the report counts it: the registration's status, {@code 409 race-full}, {@code no response: ...}
 */
record Answer(int httpStatus, String label, String registrationId, String orderId, long totalCents) {

    static final String CONFIRMED = "CONFIRMED";
    static final String WAITLISTED = "WAITLISTED";

    static Answer of(KeepAliveClient.Reply response, PaddockApi api) {
        int status = response.status();
        if (status / 100 != 2) {
            String type = response.problemType();
            return new Answer(status, type == null ? String.valueOf(status)
                    : status + " " + type.substring(type.lastIndexOf('/') + 1), null, null, 0);
        }
        try {
            JsonNode body = api.read(response.body());
            JsonNode registration = body.get("registrations").get(0);
            return new Answer(status, registration.get("status").asString(), registration.get("id").asString(),
                    text(body.get("orderId")), body.get("totalCents").asLong());
        } catch (RuntimeException unreadable) {
            return new Answer(status, status + " unreadable body", null, null, 0);
        }
    }

    static Answer noResponse(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return new Answer(0, "no response: " + cause.getClass().getSimpleName(), null, null, 0);
    }

    boolean confirmed() {
        return CONFIRMED.equals(label) && registrationId != null;
    }

    boolean acknowledged() {
        return registrationId != null;
    }

    /** The server may or may not have registered it: no answer, or a server error. A replay tells. */
    boolean unknown() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
