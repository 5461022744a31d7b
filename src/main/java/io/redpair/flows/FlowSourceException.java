package io.redpair.flows;

/** A flows source that could not be reached or refused to answer (not a problem with the flows themselves). */
public final class FlowSourceException extends Exception {

    public FlowSourceException(String message) {
        super(message);
    }
}
