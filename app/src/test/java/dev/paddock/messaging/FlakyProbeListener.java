package dev.paddock.messaging;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Fails for the probes a test has broken, succeeds (and remembers the probe) once repaired. */
@Component
public class FlakyProbeListener {

    private final Set<UUID> broken = ConcurrentHashMap.newKeySet();
    private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

    public void breakFor(UUID probeId) {
        broken.add(probeId);
    }

    public void repair(UUID probeId) {
        broken.remove(probeId);
    }

    public boolean handled(UUID probeId) {
        return handled.contains(probeId);
    }

    @ApplicationModuleListener
    void on(ProbeChecked event) {
        if (broken.contains(event.probeId())) {
            throw new IllegalStateException("Probe " + event.probeId() + " is broken on purpose");
        }
        handled.add(event.probeId());
    }
}
