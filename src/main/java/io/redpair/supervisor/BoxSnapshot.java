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
 * @param nodeRedVersion   Node-RED version from {@code GET /settings}, null until read once; the last value read
 *                         is kept while the box cannot be reached (it is a fact about the box, not a probe)
 * @param flowsRev         flows revision from {@code GET /flows} (sha256 of the flows JSON), null until read once;
 *                         last value read, see {@code factsAgeMs}
 * @param factsAgeMs       how old the version/revision reading is at snapshot time, -1 before the first reading
 */
public record BoxSnapshot(BoxId box, String url, BoxCondition condition, String detail, long apiLatencyMs,
                          long canaryLatencyMs, long heartbeatAgeMs, double phi, int missed, String lastApi,
                          String lastCanary, String nodeRedVersion, String flowsRev, long factsAgeMs) {

    /** Without version and revision (not read yet). */
    public BoxSnapshot(BoxId box, String url, BoxCondition condition, String detail, long apiLatencyMs,
                       long canaryLatencyMs, long heartbeatAgeMs, double phi, int missed, String lastApi,
                       String lastCanary) {
        this(box, url, condition, detail, apiLatencyMs, canaryLatencyMs, heartbeatAgeMs, phi, missed, lastApi,
                lastCanary, null, null, -1);
    }

    /** The same box with its version and revision reading. */
    public BoxSnapshot withFacts(String version, String rev, long ageMs) {
        return new BoxSnapshot(box, url, condition, detail, apiLatencyMs, canaryLatencyMs, heartbeatAgeMs, phi, missed,
                lastApi, lastCanary, version, rev, ageMs);
    }
}
