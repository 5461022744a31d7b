package io.redpair.nodered;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the certificate a box presents, for first-use confirmation of its pin. The handshake is
 * always aborted by the capturing trust manager after the certificate arrives, so this never
 * trusts the server and never sends a single application byte (no request, no credentials).
 */
public final class TlsProbe {

    private TlsProbe() {
    }

    public static Outcome<PresentedCertificate> fetch(URI url) {
        return fetch(url, Duration.ofSeconds(5));
    }

    public static Outcome<PresentedCertificate> fetch(URI url, Duration timeout) {
        if (!"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("TLS probe needs an https:// URL, got " + url);
        }
        int port = url.getPort() == -1 ? 443 : url.getPort();
        long t0 = System.nanoTime();
        AtomicReference<X509Certificate> captured = new AtomicReference<>();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            raw.setSoTimeout((int) timeout.toMillis());
            handshakeAndAbort(raw, url.getHost(), port, captured);
        } catch (ConnectException e) {
            return new Outcome.Refused<>(e.getMessage(), System.nanoTime() - t0);
        } catch (SocketTimeoutException e) {
            return new Outcome.Unreachable<>("no TLS answer in " + timeout.toMillis() + " ms", System.nanoTime() - t0);
        } catch (IOException e) {
            if (captured.get() == null) {
                return new Outcome.Failed<>("TLS handshake failed: " + e.getMessage(), System.nanoTime() - t0);
            }
        }
        X509Certificate cert = captured.get();
        if (cert == null) {
            return new Outcome.Failed<>("server presented no certificate", System.nanoTime() - t0);
        }
        return new Outcome.Ok<>(describe(cert), System.nanoTime() - t0);
    }

    private static void handshakeAndAbort(Socket raw, String host, int port, AtomicReference<X509Certificate> captured)
            throws IOException {
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new CapturingTrustManager(captured)}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this Java runtime", e);
        }
        try (SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true)) {
            ssl.startHandshake();
            throw new SSLException("handshake completed although the probe must abort it");
        } catch (SSLException expected) {
            if (captured.get() == null) {
                throw expected;
            }
        }
    }

    private static PresentedCertificate describe(X509Certificate cert) {
        boolean selfSigned = cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
        return new PresentedCertificate(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), SpkiPin.of(cert), selfSigned);
    }

    /** Records the leaf and refuses it, which aborts the handshake before any application data. */
    private static final class CapturingTrustManager implements X509TrustManager {
        private final AtomicReference<X509Certificate> captured;

        CapturingTrustManager(AtomicReference<X509Certificate> captured) {
            this.captured = captured;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain != null && chain.length > 0) {
                captured.set(chain[0]);
            }
            throw new CertificateException("RedPair first-use probe: certificate recorded, connection aborted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("RedPair never accepts client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
