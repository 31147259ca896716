package dev.paddock.timing.results;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * Which public results page a request asks for: a race's page or its table ({@code bib} null), or an athlete's page
 * or card. Null for anything else under the prefix (a certificate, a malformed id).
 *
 * @param fragment the table or the card, which open pages fetch again when the live channel says they changed
 */
record PageAddress(UUID raceId, Integer bib, boolean fragment) {

    static PageAddress of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(ResultPages.PREFIX)) {
            return null;
        }
        String[] parts = path.substring(ResultPages.PREFIX.length()).split("/", -1);
        UUID raceId = race(parts[0]);
        if (raceId == null) {
            return null;
        }
        if (parts.length == 1 || parts.length == 2 && parts[1].equals("table")) {
            return new PageAddress(raceId, null, parts.length == 2);
        }
        boolean athlete = parts.length == 3 || parts.length == 4 && parts[3].equals("card");
        if (athlete && parts[1].equals("athletes")) {
            Integer bib = number(parts[2], null);
            return bib == null ? null : new PageAddress(raceId, bib, parts.length == 4);
        }
        return null;
    }

    /** A whole number as Spring MVC binds it, {@code absent} when absent, or null when it is not one. */
    static Integer number(String text, Integer absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A race id as Spring MVC binds it, or null. */
    static UUID race(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
