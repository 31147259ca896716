package dev.paddock.bench;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting, separated so tests can run a whole schedule in virtual time. */
public interface Ticker {

    long nanoTime();

    void sleepUntil(long nanoTime) throws InterruptedException;

    /** Parks rather than spins: the generator usually shares its cores with the server under test. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };
}
