package dev.paddock.tote;

/** A runner of a race by its programme number; a non-runner ("NP") does not start. */
public record RunnerCard(int number, String name, boolean nonRunner) {
}
