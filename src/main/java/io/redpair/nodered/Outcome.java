package io.redpair.nodered;

import java.util.function.Function;

/**
 * The result of one admin-API or heartbeat call: a value, or the typed reason there is none.
 * No HTTP exception leaks out of {@link NodeRedClient}; every call ends in exactly one of these.
 *
 * <p>Every outcome carries the call's latency, measured with {@link System#nanoTime()} from just
 * before the request is issued to the moment the outcome is known (including a re-authentication).
 * The failure kinds are chosen so the health model can act on them without reading HTTP details:
 * {@link Refused} means the process is gone but the host is up, {@link Hung} means something
 * accepted the connection but did not answer (frozen process, blocked event loop), and
 * {@link Unreachable} means the host or network did not even accept the connection.
 */
public sealed interface Outcome<T> {

    long latencyNanos();

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value of an {@link Ok}; throws with {@link #describe()} for any failure. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + describe());
    }

    default long latencyMillis() {
        return latencyNanos() / 1_000_000L;
    }

    /** One human line, safe to log: never contains tokens or passwords. */
    String describe();

    /** Maps the value of an {@link Ok}; a failure is passed through with its latency. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()), ok.latencyNanos());
        }
        return ((Failure<T>) this).retype();
    }

    /** Every outcome but {@link Ok}. None of them holds a T, so it can be re-typed freely. */
    sealed interface Failure<T> extends Outcome<T> {
        @SuppressWarnings("unchecked")
        default <U> Outcome<U> retype() {
            return (Outcome<U>) this;
        }
    }

    record Ok<T>(T value, long latencyNanos) implements Outcome<T> {
        @Override
        public String describe() {
            return "ok in " + latencyMillis() + " ms";
        }
    }

    /** Connection refused: nothing listens on the port (process gone), yet the host answered. */
    record Refused<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "connection refused (" + detail + ")";
        }
    }

    /** Connected, but no complete answer before the call's timeout: frozen or overloaded runtime. */
    record Hung<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "no answer within the timeout after connecting (" + detail + ")";
        }
    }

    /** The connection itself could not be made in time (no route, host down, packets dropped). */
    record Unreachable<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "unreachable (" + detail + ")";
        }
    }

    /** 401: no or invalid credentials, still 401 after one re-authentication. */
    record Unauthorized<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "unauthorized (" + detail + ")";
        }
    }

    /**
     * Credentials are known to be insufficient: a password grant refused with {@code invalid_grant}
     * (wrong password or a scope beyond the user's permissions), a 403, or Node-RED's 401 with an
     * empty body and no {@code WWW-Authenticate}, which is how it answers a valid token that lacks
     * the permission.
     */
    record Forbidden<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "forbidden (" + detail + ")";
        }
    }

    /** {@code POST /flows/state} answered 404: {@code runtimeState.enabled} is not true on the box. */
    record FeatureDisabled<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "runtime flow state control is disabled (" + detail + ")";
        }
    }

    /** 409 {@code version_mismatch}: the flows changed since the rev the deploy was based on. */
    record Conflict<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "conflict: flows changed on the box (" + detail + ")";
        }
    }

    /** 413 from the box, or an answer larger than the client's cap for that call. */
    record TooLarge<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "too large (" + detail + ")";
        }
    }

    /** Something answered, but not like a Node-RED admin API (HTML, garbage, wrong JSON shape). */
    record NotNodeRed<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "not a Node-RED admin API answer (" + detail + ")";
        }
    }

    /** 404 on a flow-served path: the runtime is up but flows are not serving it (e.g. stopped). */
    record NotFound<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "not found (" + detail + ")";
        }
    }

    /** Another 4xx with Node-RED's {@code {code, message}} body, e.g. 400 {@code credentials_load_failed}. */
    record Rejected<T>(int status, String code, String message, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "rejected with " + status + " " + code + ": " + message;
        }
    }

    /** 5xx (or any status this client has no meaning for). */
    record ServerError<T>(int status, String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "server error " + status + " (" + detail + ")";
        }
    }

    /** The TLS handshake presented a key other than the pinned one; nothing was sent. */
    record TlsPinMismatch<T>(String presentedPin, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "TLS key does not match the pin; presented sha256/" + presentedPin;
        }
    }

    /** Anything else (connection reset mid-answer, TLS failure other than the pin, ...). */
    record Failed<T>(String detail, long latencyNanos) implements Failure<T> {
        @Override
        public String describe() {
            return "failed (" + detail + ")";
        }
    }
}
