package io.redpair.health;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;

/**
 * The health model's view of one box at one moment, for the decider (condition + detail), the
 * dashboard and {@code status}. Immutable.
 *
 * @param condition        the committed condition (changes on failure only after the deadline)
 * @param detail           plain-language evidence, e.g. "connection refused: 4 heartbeats missed (1.0 s)";
 *                         says "no canary" when none is configured
 * @param missed           probes in a row that did not support the committed condition
 * @param phi              phi-accrual suspicion of the box's liveness (display only)
 * @param canaryConfigured false when the pair has no heartbeat path: flows running is then taken from
 *                         the admin API, which cannot see cold starts, missing node types or stuck flows
 * @param lastApi          latest admin API outcome, null if none yet
 * @param lastCanary       latest canary outcome, null if none yet (or no canary)
 * @param canaryAgeMs      latest canary tick age, -1 if unknown
 * @param sinceNanos       when the committed condition was entered (0 while never heard)
 */
public record BoxHealthSnapshot(BoxId box, BoxCondition condition, String detail, int missed, double phi,
                                boolean canaryConfigured, ApiObservation.Kind lastApi,
                                CanaryObservation.Kind lastCanary, long canaryAgeMs, long sinceNanos) {
}
