package io.redpair.nodered;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts only pinned server keys (the current pin, and during a rotation the next one): the leaf
 * certificate's SPKI must hash to one of them. There is no
 * other acceptance path (no CA, no "trust all"). Validity dates are deliberately not checked: the
 * operator confirmed this key on first use, like an SSH host key, and an expired self-signed
 * certificate on a box must not stop a failover. Client certificates are never trusted.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

    private final java.util.List<String> pins;

    PinnedTrustManager(String pin, String nextPin) {
        this.pins = nextPin == null ? java.util.List.of(SpkiPin.normalize(pin))
                : java.util.List.of(SpkiPin.normalize(pin), SpkiPin.normalize(nextPin));
    }

    /** Thrown inside the handshake; carries the presented pin up to {@link Outcome.TlsPinMismatch}. */
    static final class PinMismatchException extends CertificateException {
        private final String presentedPin;

        PinMismatchException(String presentedPin) {
            super("server key sha256/" + presentedPin + " does not match the pinned key");
            this.presentedPin = presentedPin;
        }

        String presentedPin() {
            return presentedPin;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server presented no certificate");
        }
        if (!matchesAny(chain[0])) {
            throw new PinMismatchException(SpkiPin.of(chain[0]));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("RedPair never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** Constant-time per pin; also used on the established session as a second check. */
    boolean matchesAny(java.security.cert.Certificate presented) {
        boolean match = false;
        for (String pin : pins) {
            match |= SpkiPin.matches(pin, presented);
        }
        return match;
    }
}
