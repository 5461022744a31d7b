package io.redpair.health;

import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import java.util.Locale;
import java.util.Objects;

/**
 * Combines one box's admin API and canary observations into a committed {@link BoxCondition}.
 *
 * <p>Rule: the latest observations give a {@link Verdict}; a verdict that differs from the committed
 * condition replaces it only after it has been contradicted for the whole deadline
 * ({@code intervalMs × missedBeats}), measured from the last observation that still supported the
 * committed condition. Until then the last good condition stands and the missed count grows. The
 * exceptions that commit at once are listed in {@link ConditionRules#commitsAtOnce}; the most important
 * is that any sign of running flows is never delayed. The detail of a failure keeps the evidence of
 * its conviction ("connection refused: 4 heartbeats missed (1.0 s)"); a healthy detail follows the probes.
 *
 * <p>Time is passed in (monotonic nanoseconds). Not thread-safe: owned by the supervisor thread.
 */
public final class BoxHealth {

    private final BoxId box;
    private final long deadlineMs;
    private final boolean canaryConfigured;
    private final DeadlineDetector support;
    private final PhiAccrualDetector liveness;
    private ApiObservation lastApi;
    private CanaryObservation lastCanary;
    private Verdict latest = Verdict.of(BoxCondition.UNKNOWN, Verdict.Source.BOTH, "never heard");
    private BoxCondition committed = BoxCondition.UNKNOWN;
    private String committedDetail = "never heard";
    private long sinceNanos;
    private int apiMisses;
    private int canaryMisses;
    private int apiRefusals;
    private int canaryRefusals;

    /**
     * Consecutive refusals on every channel that convict a box DOWN before the deadline. A refused
     * connection is positive evidence (the host answered, nothing listens: the process is gone), not
     * silence; waiting out the whole deadline for it made RedPair's failover slower than a cold restart
     * of the same Node-RED (measured: MTTR 1.5 s vs 1.19 s for 2,000 nodes). Two in a row, on the API and
     * the canary alike, rule out a single refused probe racing a restart of the listener. A frozen or
     * unreachable box is never refused, so HUNG and UNREACHABLE still wait for the full deadline.
     */
    static final int REFUSALS_TO_CONVICT = 2;

    public BoxHealth(BoxId box, long intervalMs, int missedBeats, boolean canaryConfigured) {
        this.box = Objects.requireNonNull(box, "box");
        this.deadlineMs = intervalMs * missedBeats;
        this.canaryConfigured = canaryConfigured;
        this.support = DeadlineDetector.ofMillis(intervalMs, missedBeats);
        this.liveness = PhiAccrualDetector.forInterval(intervalMs);
    }

    public static BoxHealth forPair(Pair pair, BoxId box) {
        return new BoxHealth(box, pair.policy().intervalMs(), pair.policy().missedBeats(), pair.hasCanary());
    }

    public void onApi(ApiObservation observation, long nowNanos) {
        lastApi = Objects.requireNonNull(observation, "observation");
        apiRefusals = observation.kind() == ApiObservation.Kind.REFUSED ? apiRefusals + 1 : 0;
        if (observation.kind().isAnswer()) {
            liveness.heartbeat(nowNanos);
        }
        observe(Verdict.Source.API, nowNanos);
    }

    public void onCanary(CanaryObservation observation, long nowNanos) {
        if (!canaryConfigured) {
            throw new IllegalStateException("box " + box + " has no canary configured");
        }
        lastCanary = Objects.requireNonNull(observation, "observation");
        canaryRefusals = observation.kind() == CanaryObservation.Kind.REFUSED ? canaryRefusals + 1 : 0;
        observe(Verdict.Source.CANARY, nowNanos);
    }

    /** The view now; also applies the deadline when time passed without a new observation. */
    public BoxHealthSnapshot assess(long nowNanos) {
        if (latest.condition() != committed && deadlinePassed(nowNanos)) {
            commit(nowNanos, true);
        }
        String detail = latest.condition() == committed ? committedDetail
                : committedDetail + "; last " + missed() + " probe(s): " + latest.detail();
        return new BoxHealthSnapshot(box, committed, detail, missed(), liveness.phi(nowNanos),
                canaryConfigured, lastApi == null ? null : lastApi.kind(),
                lastCanary == null ? null : lastCanary.kind(), lastCanary == null ? -1 : lastCanary.ageMs(),
                sinceNanos);
    }

    public BoxCondition condition() {
        return committed;
    }

    /**
     * The arbiter confirmed this box fenced (power relay open, power sense 0): DOWN at once. Whatever the
     * probes said before describes the box before its power went off; without this re-base a "runs flows"
     * committed from a probe answered just before the fence would stand until two refusals on every channel,
     * and would read as the old box coming back (observed after a partition healed during a failover).
     */
    public void confirmedOff(String detail, long nowNanos) {
        latest = Verdict.of(BoxCondition.DOWN, Verdict.Source.BOTH, Objects.requireNonNull(detail, "detail"));
        commit(nowNanos, false);
    }

    /**
     * Re-judges after one channel's observation. Only an observation on a channel the verdict rests on
     * confirms the committed condition (a stale canary answer must not keep a dead box "running").
     * Misses are counted per channel and shown as the larger count ("probe rounds missed").
     */
    private void observe(Verdict.Source channel, long nowNanos) {
        latest = ConditionRules.verdict(lastApi, lastCanary, canaryConfigured, deadlineMs);
        boolean agrees = latest.condition() == committed;
        if (agrees && latest.restsOn(channel)) {
            confirmed(nowNanos);
            return;
        }
        boolean answered = channel == Verdict.Source.API ? lastApi.kind().isAnswer()
                : lastCanary.kind() == CanaryObservation.Kind.ANSWERED;
        if (!agrees || !answered) {
            support.missed(nowNanos);
            apiMisses += channel == Verdict.Source.API ? 1 : 0;
            canaryMisses += channel == Verdict.Source.CANARY ? 1 : 0;
        }
        if (!agrees && ConditionRules.commitsAtOnce(committed, latest)) {
            commit(nowNanos, false);
        } else if (!agrees && refusedEverywhere()) {
            commit(nowNanos, true);
        } else if (!agrees && deadlinePassed(nowNanos)) {
            commit(nowNanos, true);
        }
    }

    private void confirmed(long nowNanos) {
        support.heartbeat(nowNanos);
        apiMisses = 0;
        canaryMisses = 0;
        if (committed == BoxCondition.RUNNING_FLOWS || committed == BoxCondition.STANDBY_READY) {
            committedDetail = latest.detail();
        }
    }

    private boolean refusedEverywhere() {
        return latest.condition() == BoxCondition.DOWN && committed != BoxCondition.UNKNOWN
                && apiRefusals >= REFUSALS_TO_CONVICT && (!canaryConfigured || canaryRefusals >= REFUSALS_TO_CONVICT);
    }

    private int missed() {
        return Math.max(apiMisses, canaryMisses);
    }

    private boolean deadlinePassed(long nowNanos) {
        return latest.condition() != BoxCondition.UNKNOWN && support.status(nowNanos) == DeadlineDetector.Status.DEAD;
    }

    private void commit(long nowNanos, boolean afterDeadline) {
        committedDetail = afterDeadline
                ? latest.detail() + String.format(Locale.ROOT, ": %d heartbeats missed (%.1f s)", missed(),
                        support.silenceNanos(nowNanos) / 1e9)
                : latest.detail();
        committed = latest.condition();
        sinceNanos = nowNanos;
        confirmed(nowNanos);
    }
}
