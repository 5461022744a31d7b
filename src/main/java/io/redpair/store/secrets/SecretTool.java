package io.redpair.store.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs libsecret's {@code secret-tool} (Debian package {@code libsecret-tools}), the reference client of
 * the freedesktop Secret Service. Secrets travel only through the child's stdin and stdout, never its
 * arguments (arguments show in process lists). The session bus is the one named by {@code bus}
 * ({@code DBUS_SESSION_BUS_ADDRESS}), so a caller, or a test with a private bus, says which keyring it means.
 *
 * <p>Invariant: a call never outlives {@code timeout}; a keyring that waits for an unlock prompt nobody
 * answers ends in {@link KeychainException.Unavailable}, not a hang.
 */
final class SecretTool {

    static final String BUS_ENV = "DBUS_SESSION_BUS_ADDRESS";

    /** What one run produced. {@code stdout} may hold a secret: the caller wipes it. */
    record Result(int exit, byte[] stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final String executable;
    private final String bus;
    private final Duration timeout;

    /**
     * @param bus the session bus address to use; null runs without one (libsecret then reports that it
     *            cannot connect, which is the truth)
     */
    SecretTool(String executable, String bus, Duration timeout) {
        this.executable = executable;
        this.bus = bus;
        this.timeout = timeout;
    }

    /** Runs {@code secret-tool args…} feeding {@code input} (may be empty) on stdin; wipes nothing it was given. */
    Result run(byte[] input, boolean keepStdout, String... args) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove(BUS_ENV);
        if (bus != null && !bus.isBlank()) {
            env.put(BUS_ENV, bus);
        }
        if (!keepStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KeychainException.Unavailable("cannot run " + executable
                    + " (install the Debian package libsecret-tools): " + e.getMessage());
        }
        return finish(process, input, keepStdout);
    }

    private Result finish(Process process, byte[] input, boolean keepStdout) {
        CompletableFuture<byte[]> out = keepStdout ? readAsync(process.getInputStream())
                : CompletableFuture.completedFuture(new byte[0]);
        CompletableFuture<byte[]> err = readAsync(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // the tool exited before reading its input; its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new KeychainException.Unavailable("the keychain did not answer within " + timeout.toSeconds()
                        + " s (a locked keychain waiting for an unlock prompt?)");
            }
            byte[] stderr = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(process.exitValue(), out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    new String(stderr, StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KeychainException.Unavailable("interrupted while waiting for the keychain");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new KeychainException.Unavailable("could not read the keychain tool's output: " + e);
        }
    }

    /** Drains a stream on its own daemon thread: a shared pool could be busy, and a full pipe stalls the tool. */
    private static CompletableFuture<byte[]> readAsync(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                result.complete(stream.readAllBytes());
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        }, "secret-tool-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /** Wipes a buffer that held a secret. */
    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
