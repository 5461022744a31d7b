package io.redpair.store.audit;

/**
 * The audit trail could not be written (or opened). Callers decide what that means: a discretionary
 * action is refused with this message; an automatic safety action goes ahead and raises an alarm
 * (docs/security.md, "audit contract").
 */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
