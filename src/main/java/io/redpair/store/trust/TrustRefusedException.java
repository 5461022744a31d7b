package io.redpair.store.trust;

/** A trust change was not made; the message says why and what the operator can do. */
public final class TrustRefusedException extends Exception {

    public TrustRefusedException(String message) {
        super(message);
    }
}
