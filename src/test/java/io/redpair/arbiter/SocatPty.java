package io.redpair.arbiter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real pty pair made by socat, the tests' serial cable. Killing socat (by the PID we started, never by
 * name) is pulling the cable: both ptys vanish.
 */
public final class SocatPty implements AutoCloseable {

    public final Path hostEnd;
    public final Path deviceEnd;
    private final Process process;

    private SocatPty(Path hostEnd, Path deviceEnd, Process process) {
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
        this.process = process;
    }

    public static SocatPty start(Path hostEnd, Path deviceEnd) throws IOException, InterruptedException {
        Files.createDirectories(hostEnd.getParent());
        Files.createDirectories(deviceEnd.getParent());
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + hostEnd, "pty,raw,echo=0,link=" + deviceEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("socat did not create " + hostEnd + " and " + deviceEnd);
            }
            Thread.sleep(5);
        }
        return new SocatPty(hostEnd, deviceEnd, p);
    }

    /** Pulls the cable: SIGKILL to our socat; its ptys and symlinks disappear. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
