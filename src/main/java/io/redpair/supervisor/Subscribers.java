package io.redpair.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers published values to subscribers, each on the executor it chose (the GUI passes
 * {@code Platform::runLater}). The publisher never waits for a subscriber and a failing subscriber never
 * disturbs the publisher or the others: its exception is logged, not swallowed.
 */
public final class Subscribers<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();

    private record Entry<T>(Executor executor, Consumer<? super T> consumer) {
    }

    public AutoCloseable add(Executor executor, Consumer<? super T> consumer) {
        Entry<T> e = new Entry<>(executor, consumer);
        entries.add(e);
        return () -> entries.remove(e);
    }

    public void publish(T value) {
        for (Entry<T> e : entries) {
            try {
                e.executor().execute(() -> deliver(e, value));
            } catch (RejectedExecutionException rejected) {
                entries.remove(e);
                LOG.debug("subscriber executor shut down; unsubscribed");
            }
        }
    }

    private static <T> void deliver(Entry<T> e, T value) {
        try {
            e.consumer().accept(value);
        } catch (RuntimeException ex) {
            LOG.error("subscriber failed on {}", value.getClass().getSimpleName(), ex);
        }
    }
}
