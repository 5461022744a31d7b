package io.redpair.health;

import static io.redpair.pair.BoxCondition.DOWN;
import static io.redpair.pair.BoxCondition.HUNG;
import static io.redpair.pair.BoxCondition.MISCONFIGURED;
import static io.redpair.pair.BoxCondition.RUNNING_FLOWS;
import static io.redpair.pair.BoxCondition.STANDBY_READY;
import static io.redpair.pair.BoxCondition.STUCK;
import static io.redpair.pair.BoxCondition.UNKNOWN;
import static io.redpair.pair.BoxCondition.UNREACHABLE;

import io.redpair.health.Verdict.Source;
import io.redpair.pair.BoxCondition;

/**
 * The table from the latest admin API and canary outcomes to a box condition, and the rule for when a
 * new condition replaces the committed one. Pure functions.
 *
 * <p>The canary is the ground truth for "flows run" (the API's state lies during cold start and with
 * missing node types). When the API says start but the canary does not answer, the box is STUCK, not
 * standby: its flows may be coming up, so the other box must not be started.
 */
final class ConditionRules {

    private ConditionRules() {
    }

    static Verdict verdict(ApiObservation api, CanaryObservation canary, boolean canaryConfigured, long deadlineMs) {
        if (canaryConfigured && canary != null && canary.kind() == CanaryObservation.Kind.ANSWERED) {
            if (canary.ageMs() <= deadlineMs) {
                return Verdict.of(RUNNING_FLOWS, Source.CANARY, "canary fresh (tick " + canary.ageMs() + " ms old)");
            }
            return new Verdict(STUCK, Source.CANARY, "canary answers but its tick is " + canary.ageMs() + " ms old", true);
        }
        if (api == null) {
            return Verdict.of(UNKNOWN, Source.API, "no admin API answer yet");
        }
        if (!api.kind().isAnswer()) {
            return Verdict.of(failure(api.kind()), Source.API, apiWords(api));
        }
        return canaryConfigured ? withCanary(api, canary) : withoutCanary(api);
    }

    private static Verdict withCanary(ApiObservation api, CanaryObservation canary) {
        boolean started = api.kind() == ApiObservation.Kind.STARTED;
        if (canary == null) {
            return Verdict.of(UNKNOWN, Source.API, "admin API says " + state(api) + "; no canary answer yet");
        }
        if (canary.kind() == CanaryObservation.Kind.NOT_SERVING) {
            return started
                    ? Verdict.of(STUCK, Source.BOTH, "admin API says start but the canary is 404 (cold start or missing node types)")
                    : Verdict.of(STANDBY_READY, Source.BOTH, "admin API says " + state(api) + ", canary 404");
        }
        if (canary.kind() == CanaryObservation.Kind.BAD_ANSWER) {
            return Verdict.of(STUCK, Source.BOTH, "admin API says " + state(api) + " but the canary answers wrongly"
                    + suffix(canary.detail()) + ": flows state unclear");
        }
        return Verdict.of(canaryFailure(canary.kind()), Source.CANARY, "canary: " + canaryWords(canary));
    }

    /**
     * The canary is served by the same process as the admin API, so a transport failure of the canary is
     * a failure of the box, even while the API's last answer (older: its probe may still be waiting) says
     * start. Reading it as STUCK would fail a frozen box over through a stop that cannot be confirmed.
     */
    private static BoxCondition canaryFailure(CanaryObservation.Kind kind) {
        if (kind == CanaryObservation.Kind.REFUSED) {
            return DOWN;
        }
        return kind == CanaryObservation.Kind.HUNG ? HUNG : UNREACHABLE;
    }

    private static String canaryWords(CanaryObservation canary) {
        String words = canary.kind() == CanaryObservation.Kind.REFUSED ? "connection refused"
                : canary.kind() == CanaryObservation.Kind.HUNG ? "no HTTP answer before the timeout" : "cannot connect";
        return words + suffix(canary.detail());
    }

    private static Verdict withoutCanary(ApiObservation api) {
        boolean started = api.kind() == ApiObservation.Kind.STARTED;
        return Verdict.of(started ? RUNNING_FLOWS : STANDBY_READY, Source.API, "admin API says " + state(api)
                + " (no canary: cold starts, missing node types and stuck flows cannot be seen)");
    }

    private static BoxCondition failure(ApiObservation.Kind kind) {
        if (kind == ApiObservation.Kind.REFUSED) {
            return DOWN;
        } else if (kind == ApiObservation.Kind.HUNG) {
            return HUNG;
        } else if (kind == ApiObservation.Kind.UNREACHABLE) {
            return UNREACHABLE;
        }
        return MISCONFIGURED;
    }

    private static String apiWords(ApiObservation api) {
        String words = switch (api.kind()) {
            case REFUSED -> "connection refused";
            case HUNG -> "no HTTP answer before the timeout";
            case UNREACHABLE -> "cannot connect";
            case UNAUTHORIZED -> "admin API refuses RedPair's credentials";
            case FEATURE_DISABLED -> "runtimeState is not enabled in settings.js";
            case NOT_NODE_RED -> "not a Node-RED admin API";
            case UNTRUSTED_KEY -> "TLS key not trusted";
            default -> api.kind().name();
        };
        return words + suffix(api.detail());
    }

    private static String state(ApiObservation api) {
        return api.kind() == ApiObservation.Kind.SAFE ? "safe mode" : api.kind() == ApiObservation.Kind.STARTED
                ? "start" : "stop";
    }

    private static String suffix(String detail) {
        return detail.isBlank() ? "" : ": " + detail;
    }

    /**
     * Whether a different condition replaces the committed one at once rather than after the deadline.
     * At once: the first answer-based condition of a never-heard box; any sign that flows may run on a box
     * believed not to run them (safety: never overlooked); evidence that is already aged; a recovery to a
     * healthy condition; STANDBY_READY, because "API says stop and the canary is gone" are two definitive
     * answers (and a verified stop must not be contradicted by a lagging RUNNING for a whole deadline).
     * Everything else (silence, refusals, a canary 404 while the API still says start, e.g. during a full
     * deploy) waits the deadline.
     */
    static boolean commitsAtOnce(BoxCondition committed, Verdict verdict) {
        BoxCondition next = verdict.condition();
        if (next == UNKNOWN) {
            return false;
        }
        if (committed == UNKNOWN) {
            return next != DOWN && next != HUNG && next != UNREACHABLE;
        }
        return next.mayRunFlows() && !committed.mayRunFlows() || verdict.alreadyAged()
                || !healthy(committed) && healthy(next) || next == STANDBY_READY;
    }

    private static boolean healthy(BoxCondition c) {
        return c == RUNNING_FLOWS || c == STANDBY_READY;
    }
}
