package io.redpair.arbiter;

/** A safe query (STATUS) could not be answered: link down or the device refused. */
public final class ArbiterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArbiterUnavailableException(String message) {
        super(message);
    }
}
