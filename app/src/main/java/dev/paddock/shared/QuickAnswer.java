package dev.paddock.shared;

import java.nio.charset.StandardCharsets;

/**
 * An anonymous answer already in memory (a snapshot's serialised bytes), written by {@link QuickReads}
 * without Spring Security or Spring MVC.
 *
 * @param status       HTTP status, usually 200 (a cached 404 is allowed; a 503 is sent with {@code Retry-After: 1})
 * @param contentType  e.g. {@code application/json} or {@code text/html;charset=UTF-8}
 * @param etag         strong validator in quotes, e.g. {@code "3f2a-17"}, or null for none
 * @param cacheControl e.g. {@code max-age=1, public}, or null for none
 */
public record QuickAnswer(int status, byte[] body, String contentType, String etag, String cacheControl) {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html;charset=UTF-8";

    public static QuickAnswer json(byte[] body, String etag, String cacheControl) {
        return new QuickAnswer(200, body, JSON, etag, cacheControl);
    }

    public static QuickAnswer html(String page, String etag, String cacheControl) {
        return new QuickAnswer(200, page.getBytes(StandardCharsets.UTF_8), HTML, etag, cacheControl);
    }

    /** Whether a request's {@code If-None-Match} names this answer's ETag (a list or {@code *} included). */
    public boolean matches(String ifNoneMatch) {
        if (etag == null || ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
