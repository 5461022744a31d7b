package io.redpair.flows.push;

import io.redpair.pair.BoxId;

/**
 * How a push by switchover asks for the planned switchover. It must go through the one actor that holds the site
 * (ADR 0041): the running {@code redpair supervise} over its control channel, the console's own supervisor, or a
 * supervisor started in-process for the duration — never by starting and stopping flows directly, which would race
 * a supervisor that holds the site.
 *
 * <p>Contract: {@link #switchover} returns only when the switchover has finished — the new active's flows run and
 * the old active's are stopped — or has failed, been refused or timed out. The push measures the downtime itself
 * from the boxes' canaries ({@link CanaryGapMeter}), so an implementation need not; it may pass the gap its
 * supervisor reported for comparison. Stable API: the GUI push wizard implements it on its SiteConnection.
 */
@FunctionalInterface
public interface SwitchoverPort {

    /**
     * Performs a planned switchover of {@code pairId} so that {@code to} becomes the active box.
     *
     * @return whether it completed, with the supervisor's words; never null
     * @throws InterruptedException if the caller is interrupted while waiting for the switchover to finish
     */
    SwitchoverOutcome switchover(String pairId, BoxId to) throws InterruptedException;
}
