package io.redpair.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Latest-wins hand-over of values from any thread to one consumer running on a target executor (the
 * JavaFX thread in the console). However fast the supervisor publishes snapshots, at most one delivery
 * task is queued on the target at a time, and it delivers the newest value only: the UI never works
 * through a backlog of stale snapshots, and the JavaFX event queue cannot grow without bound.
 *
 * <p>Invariants: no value submitted after the last delivery is ever lost (the newest one is always
 * delivered eventually); values are delivered in submission order with older ones possibly skipped;
 * the consumer runs only on the target executor. Deliberately free of JavaFX so it is tested with a
 * hand-driven executor; the console passes {@link FxExecutor}.
 *
 * @param <T> an immutable value (a snapshot); {@code null} is rejected because it marks "nothing pending"
 */
public final class CoalescingUpdater<T> {

    private final Executor target;
    private final Consumer<? super T> consumer;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    public CoalescingUpdater(Executor target, Consumer<? super T> consumer) {
        this.target = Objects.requireNonNull(target, "target");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Offers a new value; callable from any thread, never blocks. Replaces a value not yet delivered. */
    public void submit(T value) {
        latest.set(Objects.requireNonNull(value, "value"));
        submitted.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            target.execute(this::deliver);
        }
    }

    /**
     * Runs on the target. The flag is cleared before the value is taken, so a submit racing with this
     * delivery either is seen here or schedules a delivery of its own (possibly an empty one).
     */
    private void deliver() {
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            delivered.incrementAndGet();
            consumer.accept(value);
        }
    }

    /** How many values were submitted so far (for the responsiveness benchmark and diagnostics). */
    public long submittedCount() {
        return submitted.get();
    }

    /** How many values reached the consumer; {@code submittedCount() - deliveredCount()} were skipped. */
    public long deliveredCount() {
        return delivered.get();
    }
}
