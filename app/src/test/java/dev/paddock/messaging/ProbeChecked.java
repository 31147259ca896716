package dev.paddock.messaging;

import java.util.UUID;

/** A test event with one listener that fails on demand: see {@link FlakyProbeListener}. */
public record ProbeChecked(UUID probeId) {
}
