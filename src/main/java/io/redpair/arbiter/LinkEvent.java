package io.redpair.arbiter;

/** What an {@link ArbiterLink} publishes to its listeners. Immutable; delivered on the subscriber's executor. */
public sealed interface LinkEvent {

    /** HELLO succeeded (and ARM, when the link arms): the device is reachable on {@code port}. */
    record LinkUp(DeviceInfo device, String port) implements LinkEvent {
    }

    /** No usable device: port vanished, three retransmissions unanswered, wrong serial number, E07... */
    record LinkDown(String reason) implements LinkEvent {
    }

    /** An event from the device, delivered once per (boot, evseq) even if the device re-sends it. */
    record DeviceEvent(ArbiterEvent event) implements LinkEvent {
    }

    /**
     * Every STATUS the link's own poll read, changed or not: what a display needs for the counters that
     * {@link StatusChanged} ignores (heartbeat line ages, watchdog countdown). Published after any StatusChanged
     * for the same reply.
     */
    record StatusPolled(ArbiterStatus status) implements LinkEvent {
    }

    /** A STATUS reply that differs from the previous one (the watchdog countdown and ages are ignored for "differs"). */
    record StatusChanged(ArbiterStatus status) implements LinkEvent {
    }
}
