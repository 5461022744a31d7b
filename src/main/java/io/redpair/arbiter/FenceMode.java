package io.redpair.arbiter;

/** OFF holds the box's power off until UNFENCE; CYCLE cuts it for {@code hold} ms and restores it. */
public enum FenceMode {
    OFF, CYCLE
}
