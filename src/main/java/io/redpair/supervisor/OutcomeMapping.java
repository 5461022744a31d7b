package io.redpair.supervisor;

import io.redpair.health.ApiObservation;
import io.redpair.health.CanaryObservation;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.Heartbeat;
import io.redpair.nodered.Outcome;

/**
 * Maps the Node-RED client's typed outcomes to the health model's observations. The rule: only outcomes that
 * really say something about the box map to a specific kind; anything unexplained (a 500, a reset) maps to
 * UNREACHABLE — "cause unknown" — which never confirms that flows are stopped.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    static ApiObservation api(Outcome<FlowsState> o) {
        return api(o, null);
    }

    /**
     * As {@link #api(Outcome)}; {@code pinned} (e.g. {@code sha256/AbC…}) names the accepted key(s) in the
     * detail of a changed-key outcome, so the alarm says what was presented and what was expected.
     */
    static ApiObservation api(Outcome<FlowsState> o, String pinned) {
        if (o instanceof Outcome.TlsPinMismatch<FlowsState> m) {
            return new ApiObservation(ApiObservation.Kind.UNTRUSTED_KEY, "certificate changed: presented sha256/"
                    + m.presentedPin() + ", pinned " + (pinned == null ? "(unknown)" : pinned) + " — not trusted");
        }
        if (o instanceof Outcome.Ok<FlowsState> ok) {
            ApiObservation.Kind kind = ok.value() == FlowsState.START ? ApiObservation.Kind.STARTED
                    : ok.value() == FlowsState.STOP ? ApiObservation.Kind.STOPPED : ApiObservation.Kind.SAFE;
            return new ApiObservation(kind, "flows/state " + ok.value().wire());
        }
        return new ApiObservation(failureKind(o), o.describe());
    }

    private static ApiObservation.Kind failureKind(Outcome<?> o) {
        if (o instanceof Outcome.Refused) {
            return ApiObservation.Kind.REFUSED;
        }
        if (o instanceof Outcome.Hung) {
            return ApiObservation.Kind.HUNG;
        }
        if (o instanceof Outcome.Unauthorized || o instanceof Outcome.Forbidden) {
            return ApiObservation.Kind.UNAUTHORIZED;
        }
        if (o instanceof Outcome.FeatureDisabled) {
            return ApiObservation.Kind.FEATURE_DISABLED;
        }
        if (o instanceof Outcome.TlsPinMismatch) {
            return ApiObservation.Kind.UNTRUSTED_KEY;
        }
        if (o instanceof Outcome.NotNodeRed || o instanceof Outcome.NotFound) {
            return ApiObservation.Kind.NOT_NODE_RED;
        }
        return ApiObservation.Kind.UNREACHABLE;
    }

    static CanaryObservation canary(Outcome<Heartbeat> o) {
        if (o instanceof Outcome.Ok<Heartbeat> ok) {
            Long age = ok.value().ageMs();
            return age == null || age < 0 ? new CanaryObservation(CanaryObservation.Kind.BAD_ANSWER, -1, "200 without ageMs")
                    : CanaryObservation.answered(age);
        }
        CanaryObservation.Kind kind;
        if (o instanceof Outcome.NotFound) {
            kind = CanaryObservation.Kind.NOT_SERVING;
        } else if (o instanceof Outcome.Refused) {
            kind = CanaryObservation.Kind.REFUSED;
        } else if (o instanceof Outcome.Hung) {
            kind = CanaryObservation.Kind.HUNG;
        } else if (o instanceof Outcome.Unreachable) {
            kind = CanaryObservation.Kind.UNREACHABLE;
        } else {
            kind = CanaryObservation.Kind.BAD_ANSWER;
        }
        return new CanaryObservation(kind, -1, o.describe());
    }
}
