package io.redpair.arbiter;

/** Receives link state changes and device events, on the executor given to {@link ArbiterLink#addListener}. */
@FunctionalInterface
public interface ArbiterListener {
    void on(LinkEvent event);
}
