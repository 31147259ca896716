package dev.paddock.messaging.publications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Public for the page's template engine only; one row of the event publication registry as an operator sees it: which event went to which listener,
 * when, how many attempts, where it stands, and the start of its payload.
 */
public record PublicationView(UUID id, String eventType, String listenerId, Instant publishedAt, Instant completedAt,
        Instant lastAttemptAt, int attempts, String status, String payload) {

    static final int PAYLOAD_PREVIEW = 300;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String publishedText() {
        return SHOWN.format(publishedAt);
    }

    /** {@code dev.paddock.wallet.WalletMovementRecorded} reads as {@code WalletMovementRecorded}. */
    public String eventName() {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }

    static String preview(String payload) {
        if (payload == null) {
            return "";
        }
        return payload.length() <= PAYLOAD_PREVIEW ? payload : payload.substring(0, PAYLOAD_PREVIEW) + "…";
    }
}
