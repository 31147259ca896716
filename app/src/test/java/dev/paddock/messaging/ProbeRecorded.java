package dev.paddock.messaging;

import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A test event sent to Kafka, keyed by its probe id, as the wallet's movements will be. */
@Externalized("paddock.test.probes::#{#this.probeId().toString()}")
public record ProbeRecorded(UUID probeId, String note) {
}
