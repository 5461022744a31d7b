package io.redpair.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on 127.0.0.1 with a fresh self-signed key made by the JDK's {@code keytool}. It
 * completes handshakes (or sees them aborted) and closes; enough to test pinning and first-use trust.
 */
public final class LocalTlsServer implements AutoCloseable {

    private final SSLServerSocket server;
    private final Thread acceptor;
    private final String spkiPin;

    private LocalTlsServer(SSLServerSocket server, String spkiPin) {
        this.server = server;
        this.spkiPin = spkiPin;
        this.acceptor = new Thread(this::acceptLoop, "local-tls-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Generates an EC P-256 key and certificate with subject {@code CN=<cn>} in {@code dir}, and listens. */
    public static LocalTlsServer start(Path dir, String cn) throws Exception {
        Path store = dir.resolve(cn + "-" + System.nanoTime() + ".p12");
        char[] pass = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "box", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(store)) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        byte[] spki = ks.getCertificate("box").getPublicKey().getEncoded();
        String pin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        return new LocalTlsServer(socket, pin);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread handshake = new Thread(() -> handshake(client), "local-tls-client");
                handshake.setDaemon(true);
                handshake.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void handshake(SSLSocket client) {
        try (client) {
            client.setSoTimeout(5000);
            client.startHandshake();
        } catch (IOException handshakeAborted) {
            // the probe aborts every handshake on purpose
        }
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Base64 SHA-256 of the server's SubjectPublicKeyInfo, computed independently of the code under test. */
    public String spkiPin() {
        return spkiPin;
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5000);
    }
}
