package io.redpair.nodered;

import java.util.Optional;

/**
 * The runtime's flow state as {@code /flows/state} reports it. {@code START} does NOT prove flows
 * are running (cold start, missing node types): use the heartbeat for that.
 */
public enum FlowsState {
    START("start"), STOP("stop"), SAFE("safe");

    private final String wire;

    FlowsState(String wire) {
        this.wire = wire;
    }

    /** The value Node-RED sends and accepts. */
    public String wire() {
        return wire;
    }

    public static Optional<FlowsState> fromWire(String value) {
        for (FlowsState s : values()) {
            if (s.wire.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
