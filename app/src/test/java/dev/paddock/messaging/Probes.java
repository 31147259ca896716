package dev.paddock.messaging;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the test events inside a transaction, as a module's service publishes its domain events. */
@Service
public class Probes {

    private final ApplicationEventPublisher events;

    Probes(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void record(UUID probeId, String note) {
        events.publishEvent(new ProbeRecorded(probeId, note));
    }

    @Transactional
    public void check(UUID probeId) {
        events.publishEvent(new ProbeChecked(probeId));
    }
}
