package io.redpair.store.trust;

/** The pins file could not be read or written; the message names the file and where. */
public final class PinFileException extends Exception {

    public PinFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
