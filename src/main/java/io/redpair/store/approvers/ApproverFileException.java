package io.redpair.store.approvers;

/** The approvers file cannot be read or written; the message names the file and, for bad content, the key. */
public final class ApproverFileException extends Exception {

    public ApproverFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
