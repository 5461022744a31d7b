package io.redpair.testkit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An independent observer of which boxes serve flows: the in-JVM {@link Observer} on loopback, or the
 * {@link NamespaceObserver} whose pollers run inside each box's network namespace. Fault tests read only this.
 */
public interface ServingWitness extends AutoCloseable {

    /** Records a named instant (fault injected, link healed, ...) on the shared monotonic clock; returns it. */
    long mark(String name);

    /** Snapshot of everything recorded so far. */
    ObserverReport report();

    /** Waits until {@code box} answers 200 after {@code afterNanos}, or the timeout passes. */
    default boolean awaitServing(String box, long afterNanos, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (report().firstServingAfter(box, afterNanos).isPresent()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return false;
    }

    @Override
    void close() throws InterruptedException;
}
