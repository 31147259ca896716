package dev.paddock.bench;

import java.util.concurrent.CompletableFuture;

/** Sends request number {@code sequence} without waiting for the answer. */
@FunctionalInterface
public interface Target {

    CompletableFuture<Outcome> send(long sequence);
}
