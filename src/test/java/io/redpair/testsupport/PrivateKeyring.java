package io.redpair.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real, private Linux Secret Service for one test: its own D-Bus session daemon (a config without
 * service activation, so nothing else is started behind the test's back) and its own
 * {@code gnome-keyring-daemon}, with HOME and XDG directories under {@code dir}, unlocked with
 * {@link TestSecrets#KEYRING_PASSWORD}. {@link #close()} ends both processes. Needs the Debian packages
 * {@code dbus-daemon}, {@code dbus-bin}, {@code gnome-keyring} and {@code libsecret-tools} (.ci/run).
 */
public final class PrivateKeyring implements AutoCloseable {

    private static final long START_DEADLINE_MS = 20_000;

    private final Path dir;
    private final Process bus;
    private final String address;
    private Process keyring;

    private PrivateKeyring(Path dir, Process bus, String address) {
        this.dir = dir;
        this.bus = bus;
        this.address = address;
    }

    /** Starts the bus and an unlocked keyring; throws when either does not come up. */
    public static PrivateKeyring start(Path dir) throws IOException, InterruptedException {
        Path config = dir.resolve("bus.conf");
        Files.createDirectories(dir.resolve("bus"));
        Files.writeString(config, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n<busconfig><type>session</type>"
                + "<listen>unix:dir=" + dir.resolve("bus") + "</listen><auth>EXTERNAL</auth>"
                + "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                + "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        Process bus = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address=1",
                "--nosyslog").redirectError(dir.resolve("bus.log").toFile()).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8));
        String address;
        try {
            address = CompletableFuture.supplyAsync(() -> readLine(lines)).get(START_DEADLINE_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            bus.destroyForcibly().waitFor();
            throw new IOException("dbus-daemon did not print its address: " + e, e);
        }
        PrivateKeyring ring = new PrivateKeyring(dir, bus, address.strip());
        try {
            ring.startKeyring();
        } catch (IOException | RuntimeException e) {
            ring.close();
            throw e;
        }
        return ring;
    }

    /** {@code DBUS_SESSION_BUS_ADDRESS} of the private session. */
    public String busAddress() {
        return address;
    }

    /** Locks the default collection, as a screen lock or a timeout would. */
    public void lock() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dbus-send", "--bus=" + address, "--print-reply", "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                "array:objpath:/org/freedesktop/secrets/aliases/default").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(START_DEADLINE_MS, TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new IOException("could not lock the test keyring: " + out);
        }
    }

    /** Runs a command on the private bus, with the test HOME; returns its exit code. */
    public int run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(builder);
        Process p = builder.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(START_DEADLINE_MS, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("timed out: " + command);
        }
        return p.exitValue();
    }

    private void startKeyring() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true).redirectOutput(dir.resolve("keyring.log").toFile());
        environment(builder);
        keyring = builder.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write(TestSecrets.KEYRING_PASSWORD.getBytes(StandardCharsets.UTF_8));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (run(List.of("secret-tool", "search", "service", "redpair-probe"), "") != 0) {
            if (!keyring.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("gnome-keyring-daemon did not appear on the test bus: "
                        + Files.readString(dir.resolve("keyring.log")));
            }
            Thread.sleep(50); // polling a real daemon's start-up, not a unit-test clock
        }
    }

    private void environment(ProcessBuilder builder) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        var env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("dbus-daemon exited");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the keyring daemon and the bus and waits for both. */
    @Override
    public void close() throws InterruptedException {
        if (keyring != null) {
            keyring.destroy();
            if (!keyring.waitFor(5, TimeUnit.SECONDS)) {
                keyring.destroyForcibly().waitFor();
            }
        }
        bus.destroy();
        if (!bus.waitFor(5, TimeUnit.SECONDS)) {
            bus.destroyForcibly().waitFor();
        }
    }
}
