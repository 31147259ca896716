package dev.paddock.events.catalog;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Anonymous answers that any cache may keep for a second, revalidated by ETag (304 when unchanged). */
final class PublicAnswers {

    static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private PublicAnswers() {
    }

    static ResponseEntity<byte[]> json(Snapshot<?> snapshot, String ifNoneMatch) {
        if (snapshot.matches(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(snapshot.etag()).cacheControl(ONE_SECOND).build();
        }
        return ResponseEntity.ok().eTag(snapshot.etag()).cacheControl(ONE_SECOND).contentType(MediaType.APPLICATION_JSON)
                .body(snapshot.json());
    }
}
