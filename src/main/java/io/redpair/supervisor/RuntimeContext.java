package io.redpair.supervisor;

import io.redpair.store.Journal;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What every pair runtime of one site shares.
 *
 * @param loop      the site's single supervisor thread: the only place pair state is read or written
 * @param io        where verified box commands run, never on {@code loop}
 * @param parking   where parked stops wait (up to the stop timeout each): apart from {@code io} so that hung
 *                  spares of many pairs can never delay another pair's failover
 * @param journal   the site's intent journal; null in read-only mode (nothing is decided, nothing recorded)
 * @param publish   hands an event to the subscribers (never blocks)
 * @param wallClock for event timestamps, and to age journalled times (the hold-down) at start-up only
 * @param nanoClock monotonic time for every decision
 */
record RuntimeContext(ScheduledExecutorService loop, ExecutorService io, ExecutorService parking, Journal journal,
                      Consumer<SupervisorEvent> publish, Clock wallClock, LongSupplier nanoClock) {

    long now() {
        return nanoClock.getAsLong();
    }

    boolean readOnly() {
        return journal == null;
    }
}
