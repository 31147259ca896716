package dev.paddock.events.registration;

import java.nio.charset.StandardCharsets;

/**
 * An individual registration request as the fingerprint's JSON, written by hand: the same bytes Jackson writes for
 * the record (fields in declaration order, nulls written, dates as ISO text, the answers as their own JSON), without
 * Jackson's serializer machinery, which cost a registration more than the digest (FingerprintTest compares both).
 * Null when a text holds a UTF-16 surrogate: the caller lets Jackson write such a request.
 */
final class IndividualJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IndividualJson() {
    }

    /**
     * @param answers the answers as their JSON text ({@code JsonNode.toString()}), or null when there are none
     */
    static byte[] bytes(RegistrationRequests.Individual request, String answers) {
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        if (!text(json, "requestId", request.requestId())) {
            return null;
        }
        json.append(",\"athlete\":");
        Athlete athlete = request.athlete();
        if (athlete == null) {
            json.append("null");
        } else {
            json.append('{');
            boolean plain = text(json, "firstName", athlete.firstName());
            json.append(',');
            plain &= text(json, "lastName", athlete.lastName());
            json.append(',');
            plain &= text(json, "gender", athlete.gender());
            json.append(",\"birthDate\":");
            if (athlete.birthDate() == null) {
                json.append("null");
            } else {
                json.append('"').append(athlete.birthDate()).append('"');
            }
            json.append(',');
            plain &= text(json, "nationality", athlete.nationality());
            json.append(',');
            plain &= text(json, "email", athlete.email());
            if (!plain) {
                return null;
            }
            json.append('}');
        }
        json.append(",\"answers\":").append(answers == null ? "null" : answers).append(',');
        boolean plain = text(json, "predictedTime", request.predictedTime());
        json.append(',');
        plain &= text(json, "promoCode", request.promoCode());
        json.append(',');
        plain &= text(json, "payment", request.payment());
        if (!plain) {
            return null;
        }
        json.append(",\"waitlist\":").append(request.waitlist()).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "name":"value"} (or {@code null}), escaped as Jackson escapes; false if the value holds a surrogate. */
    private static boolean text(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null");
            return true;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return false;
            }
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
        return true;
    }
}
