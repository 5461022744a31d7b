package io.redpair.supervisor.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One request on the control channel, one JSON object per line. The token is the per-run secret from the
 * control file; it is checked before anything else and never echoed or logged.
 *
 * @param op         {@code status}, {@code events}, {@code switchover}, {@code failover} or {@code maintenance}
 * @param to         switchover target box ("A"/"B"), null for "the other box"
 * @param on         maintenance on (true) or off (false)
 * @param forMs      maintenance duration
 * @param confirmOff failover: the operator confirms the old active is off
 * @param user       OS user of the requesting process, journalled with the action
 * @param host       host of the requesting process
 * @param since      {@code events}: the last sequence number the caller has (0 or null: from the oldest kept)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ControlRequest(String token, String op, String pair, String to, Boolean on, Long forMs,
                             Boolean confirmOff, String reason, String user, String host, Long since) {

    public static final String STATUS = "status";
    public static final String SWITCHOVER = "switchover";
    public static final String FAILOVER = "failover";
    public static final String MAINTENANCE = "maintenance";
    /** Read-only, like {@code status}: the supervisor's events after {@code since} (docs/console.md, ADR 0107). */
    public static final String EVENTS = "events";

    /** Any verb but {@code events}. */
    public ControlRequest(String token, String op, String pair, String to, Boolean on, Long forMs,
                          Boolean confirmOff, String reason, String user, String host) {
        this(token, op, pair, to, on, forMs, confirmOff, reason, user, host, null);
    }

    /** {@code events} after sequence number {@code since}. */
    public static ControlRequest events(long since) {
        return new ControlRequest(null, EVENTS, null, null, null, null, null, null, null, null, since);
    }

    /** The same request with the token set (the client adds it last, from the control file). */
    public ControlRequest withToken(String newToken) {
        return new ControlRequest(newToken, op, pair, to, on, forMs, confirmOff, reason, user, host, since);
    }

    /** For logs: everything but the token. */
    @Override
    public String toString() {
        return "ControlRequest[op=" + op + ", pair=" + pair + ", to=" + to + ", on=" + on + ", forMs=" + forMs
                + ", confirmOff=" + confirmOff + ", user=" + user + "@" + host + (since == null ? "" : ", since=" + since) + "]";
    }
}
