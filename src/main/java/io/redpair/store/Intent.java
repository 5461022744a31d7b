package io.redpair.store;

import io.redpair.pair.BoxId;
import java.time.Instant;
import java.util.Optional;

/**
 * A failover or switchover the supervisor decided on, as journalled before its first command ran. An intent
 * that is still {@link Status#OPEN} after a restart was interrupted: the reconciliation looks at the boxes'
 * real state and either finishes it or hands it to the operator — it never replays commands blindly.
 *
 * @param lastStep the last step that completed (ok or not), empty if none did
 */
public record Intent(String pairId, Kind kind, long epoch, BoxId from, BoxId to, Status status,
                     Optional<String> lastStep, boolean lastStepOk, Instant started) {

    public enum Kind { FAILOVER, SWITCHOVER }

    public enum Status { OPEN, COMPLETED, ABORTED }

    public boolean inFlight() {
        return status == Status.OPEN;
    }
}
