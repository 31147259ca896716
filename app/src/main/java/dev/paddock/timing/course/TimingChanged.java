package dev.paddock.timing.course;

import java.util.UUID;

/** A race's timing setup, start signals, passings or statuses changed: its board must be rebuilt or refreshed. */
public record TimingChanged(UUID raceId) {
}
