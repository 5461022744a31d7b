package io.redpair.supervisor;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;

/**
 * One box as the dashboard shows it.
 *
 * @param apiLatencyMs     latency of the last admin API probe, -1 if none answered yet
 * @param canaryLatencyMs  latency of the last canary probe, -1 if none or no canary
 * @param heartbeatAgeMs   age of the canary's last inject tick as the flow reported it, -1 if unknown
 * @param phi              phi-accrual suspicion (display only; decisions use the deadline)
 * @param lastApi          last admin API outcome kind, null before the first
 * @param lastCanary       last canary outcome kind, null before the first or without a canary
 */
public record BoxSnapshot(BoxId box, String url, BoxCondition condition, String detail, long apiLatencyMs,
                          long canaryLatencyMs, long heartbeatAgeMs, double phi, int missed, String lastApi,
                          String lastCanary) {
}
