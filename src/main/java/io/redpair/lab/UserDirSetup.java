package io.redpair.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.redpair.nodered.SpkiPin;

/**
 * Prepares a box's userDir before its first start: settings.js, flows.json, the boot-stopped
 * seed, bcrypt hashes (made by the installed bcryptjs, so the hash format is what Node-RED
 * verifies) and, for https, a self-signed EC P-256 certificate for CN/SAN 127.0.0.1 made with
 * {@code openssl}. Passwords reach {@code node} through its environment, never its command line.
 */
final class UserDirSetup {

    private UserDirSetup() {
    }

    /** Writes everything; returns the TLS pin (base64 SPKI SHA-256) or null for plain http. */
    static String prepare(NodeRedInstallation install, BoxOptions o, Path userDir, int port) throws IOException {
        Files.createDirectories(userDir);
        Files.write(userDir.resolve("flows.json"), flows(o.flowsFile()));
        if (o.bootStopped()) {
            Files.writeString(userDir.resolve(".config.runtime.json"), "{\"runtimeFlowState\":\"stop\"}\n");
        }
        Path key = null;
        Path cert = null;
        String pin = null;
        if (o.https()) {
            key = userDir.resolve("tls-key.pem");
            cert = userDir.resolve("tls-cert.pem");
            pin = selfSignedCertificate(key, cert);
        }
        List<String> hashes = new ArrayList<>();
        for (BoxOptions.AdminUser u : o.users()) {
            hashes.add(bcrypt(install, u.password()));
        }
        Path settings = userDir.resolve("settings.js");
        Files.writeString(settings, SettingsJs.render(port, o, hashes, key, cert));
        return pin;
    }

    private static byte[] flows(Path flowsFile) throws IOException {
        if (flowsFile != null) {
            return Files.readAllBytes(flowsFile);
        }
        try (InputStream in = UserDirSetup.class.getResourceAsStream("redpair-canary.json")) {
            if (in == null) {
                throw new IOException("classpath resource io/redpair/lab/redpair-canary.json is missing");
            }
            return in.readAllBytes();
        }
    }

    private static String bcrypt(NodeRedInstallation install, String password) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(install.nodeExecutable(), "-e",
                "const b = require(require.resolve('bcryptjs', { paths: [process.argv[1]] }));"
                        + "process.stdout.write(b.hashSync(process.env.REDPAIR_PW, 8));",
                install.nodeRedModule().toString());
        pb.environment().put("REDPAIR_PW", password);
        String out = run(pb, "bcrypt hash");
        if (!out.startsWith("$2")) {
            throw new IOException("bcryptjs did not return a hash");
        }
        return out;
    }

    private static String selfSignedCertificate(Path key, Path cert) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "30", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        run(pb, "openssl (needed for https lab boxes)");
        try (InputStream in = Files.newInputStream(cert)) {
            return SpkiPin.of(CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (CertificateException e) {
            throw new IOException("openssl wrote an unreadable certificate " + cert, e);
        }
    }

    private static String run(ProcessBuilder pb, String what) throws IOException {
        Process p;
        try {
            p = pb.redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(what + " could not be started: " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(what + " failed: " + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
        return out;
    }
}
