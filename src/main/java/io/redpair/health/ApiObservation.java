package io.redpair.health;

import java.util.Objects;

/**
 * One outcome of the admin API probe ({@code GET /flows/state}), as mapped by the supervisor from the
 * Node-RED client. Kept free of HTTP types so the health model stays pure.
 *
 * @param kind   what happened
 * @param detail plain-language detail for the timeline (never a secret); may be empty
 */
public record ApiObservation(Kind kind, String detail) {

    /** Outcomes of {@code GET /flows/state}; the first three are answers from a working runtime. */
    public enum Kind {
        /** 200 {"state":"start"}: the runtime claims flows run (not proof: cold start, missing types). */
        STARTED,
        /** 200 {"state":"stop"}. */
        STOPPED,
        /** 200 {"state":"safe"}: not running, not persisted; any deploy starts the flows. */
        SAFE,
        /** Connection refused: the process is gone, the host answered. */
        REFUSED,
        /** Connected, no HTTP answer before the read timeout: frozen, blocked event loop, or partition. */
        HUNG,
        /** Could not connect at all (connect timeout, no route). */
        UNREACHABLE,
        /** 401/403: RedPair's credentials are wrong or lack permission. */
        UNAUTHORIZED,
        /** {@code runtimeState.enabled} is not true: flows cannot be started or stopped over the API. */
        FEATURE_DISABLED,
        /** Something answered that is not a Node-RED admin API. */
        NOT_NODE_RED,
        /**
         * The TLS handshake presented a key that is neither the pinned nor the staged next one; nothing was sent.
         * Not evidence that the box is down (its process may well run flows): the box is out of RedPair's hands
         * until an engineer checks it, so it is a misconfiguration, never a reason to promote the other box.
         */
        UNTRUSTED_KEY;

        public boolean isAnswer() {
            return this == STARTED || this == STOPPED || this == SAFE;
        }

        public boolean isMisconfiguration() {
            return this == UNAUTHORIZED || this == FEATURE_DISABLED || this == NOT_NODE_RED || this == UNTRUSTED_KEY;
        }
    }

    public ApiObservation {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static ApiObservation of(Kind kind) {
        return new ApiObservation(kind, "");
    }
}
