package io.redpair.store;

/** The journal could not be opened, read or written; the message names the file. */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
