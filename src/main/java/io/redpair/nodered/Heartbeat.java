package io.redpair.nodered;

/**
 * A 200 from a flow-served path: proof that flows run. The RedPair canary reports {@code ageMs}
 * (since its last inject tick: large means the flows are stuck), {@code tick} and {@code marker};
 * any other endpoint may leave them null.
 */
public record Heartbeat(Long ageMs, Long tick, String marker) { }
