package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The arbiter simulator: an {@link ArbiterDevice} on a transport, with its own thread, plus the fault
 * controls a lab or a test needs (reboot/brown-out, silence, garbage, slow replies, relay fault, power
 * loss, local mode, heartbeats). Every control and every byte received goes through one lock, so the
 * rules see one event at a time, as firmware would.
 */
public final class ArbiterSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArbiterSimulator.class);

    /** Opens the line again after it vanished (e.g. socat restarted); may throw. */
    @FunctionalInterface
    public interface Reopener {
        Transport reopen() throws IOException;
    }

    private record Outgoing(long dueNanos, byte[] bytes) {
    }

    /** A pending "go dead right after sending a frame like this" fault. */
    private record DeathTrap(Pattern frame, CompletableFuture<String> sprung) {
    }

    private final ArbiterDevice device;
    private final MonotonicClock clock;
    private final Deque<Outgoing> outbox = new ArrayDeque<>();
    private final Random garbage = new Random();
    private final Thread thread;
    private final Reopener reopener;
    private volatile Transport transport;
    private volatile boolean running = true;
    private boolean silent;
    private long replyDelayNanos;
    private long lastReopenNanos;
    private DeathTrap deathTrap;

    private ArbiterSimulator(DeviceIdentity identity, Path stateFile, MonotonicClock clock, Transport transport,
            Reopener reopener) throws IOException {
        this.clock = clock;
        this.transport = transport;
        this.reopener = reopener;
        this.device = new ArbiterDevice(identity, clock, stateFile, new SecureRandom(), this::queue);
        this.thread = new Thread(this::run, "arbiter-sim-" + identity.serialNumber());
        this.thread.setDaemon(true);
    }

    /** Starts a simulator on {@code transport}; {@code reopener} (may be null) is tried when the line vanishes. */
    public static ArbiterSimulator start(DeviceIdentity identity, Path stateFile, Transport transport, Reopener reopener)
            throws IOException {
        ArbiterSimulator sim = new ArbiterSimulator(identity, stateFile, MonotonicClock.system(), transport, reopener);
        sim.thread.start();
        return sim;
    }

    private void run() {
        byte[] buf = new byte[256];
        while (running) {
            Transport t = transport;
            int n = read(t, buf);
            synchronized (device) {
                try {
                    if (n > 0 && !silent) {
                        device.receive(buf, 0, n);
                    }
                    device.tick();
                    flush();
                } catch (RuntimeException e) {
                    log.error("arbiter sim: unexpected failure, continuing", e); // firmware would reset; the sim keeps going
                }
            }
            if (n < 0) {
                lineGone(t);
            }
        }
    }

    private static int read(Transport t, byte[] buf) {
        if (t == null) {
            pause(10);
            return -1;
        }
        try {
            return t.read(buf, 10);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void lineGone(Transport t) {
        if (t != null) {
            log.info("arbiter sim: line {} gone", t.name());
            t.close();
            if (transport == t) {
                transport = null;
            }
        }
        long now = clock.nanos();
        if (reopener != null && running && now - lastReopenNanos > 200_000_000L) {
            lastReopenNanos = now;
            try {
                transport = reopener.reopen();
                log.info("arbiter sim: line {} open again", transport.name());
            } catch (IOException | RuntimeException e) {
                log.debug("arbiter sim: cannot reopen yet: {}", e.toString());
            }
        }
    }

    private void queue(Frame frame) {
        outbox.add(new Outgoing(clock.nanos() + replyDelayNanos, WireFormat.encodeBytes(frame)));
    }

    private void flush() {
        while (!outbox.isEmpty() && clock.nanos() - outbox.peek().dueNanos >= 0) {
            byte[] bytes = outbox.poll().bytes;
            if (!silent) {
                write(bytes);
                springDeathTrap(bytes);
            }
        }
    }

    private void springDeathTrap(byte[] sent) {
        String text = new String(sent, StandardCharsets.US_ASCII).trim();
        if (deathTrap != null && deathTrap.frame().matcher(text).find()) {
            silent = true;
            log.info("arbiter sim: dead right after sending {}", text);
            deathTrap.sprung().complete(text);
            deathTrap = null;
        }
    }

    private void write(byte[] bytes) {
        Transport t = transport;
        if (t == null) {
            return;
        }
        try {
            t.write(bytes);
        } catch (IOException e) {
            log.debug("arbiter sim: write failed: {}", e.toString());
        }
    }

    // ---- fault controls ----

    /** Reboots the device: "POR" power-on, "BOR" brown-out, "WDT" its own watchdog, "SW" software. */
    public void reboot(String resetCause) throws IOException {
        synchronized (device) {
            outbox.clear();
            device.boot(resetCause);
            flush();
        }
    }

    /** A silent device reads nothing and sends nothing (a hung firmware or a cut TX line). */
    public void setSilent(boolean silent) {
        synchronized (device) {
            this.silent = silent;
        }
    }

    /** Writes {@code count} random bytes onto the line, as electrical noise would. */
    public void emitGarbage(int count) {
        byte[] noise = new byte[count];
        garbage.nextBytes(noise);
        synchronized (device) {
            write(noise);
        }
    }

    /**
     * The device dies the moment it has sent a frame matching {@code frame} (e.g. a power loss right after its
     * PREP reply): it goes silent, so nothing that follows (the deferred events, the host's next command) is
     * sent or acted upon. A test then closes this simulator and starts another on the same line and state file:
     * a reboot mid-sequence. Completes with the frame sent last.
     */
    public CompletableFuture<String> dieAfterSending(Pattern frame) {
        synchronized (device) {
            deathTrap = new DeathTrap(frame, new CompletableFuture<>());
            return deathTrap.sprung();
        }
    }

    public void setReplyDelayMs(long ms) {
        synchronized (device) {
            replyDelayNanos = ms * 1_000_000L;
        }
    }

    public void setLocal(boolean local) {
        synchronized (device) {
            device.setLocal(local);
        }
    }

    public void setRelayFault(boolean fault) {
        synchronized (device) {
            device.setRelayFault(fault);
        }
    }

    /** Mains supply of a box (power sense follows it unless the box is fenced). */
    public void setSupply(BoxId box, boolean on) {
        synchronized (device) {
            device.hardware().setSupply(box, on);
        }
    }

    public void heartbeat(BoxId box) {
        synchronized (device) {
            device.heartbeat(box);
        }
    }

    /** The lab's heartbeat: e.g. "is this box's Node-RED process alive", sampled every 10 ms. */
    public void heartbeatSource(BoxId box, BooleanSupplier alive) {
        synchronized (device) {
            device.hardware().heartbeatSource(box, alive);
        }
    }

    /** Moves the simulator to another line (a re-plugged adapter under a new name). */
    public void attach(Transport newTransport) {
        Transport old = transport;
        transport = newTransport;
        if (old != null && old != newTransport) {
            old.close();
        }
    }

    // ---- observation ----

    public Selection selected() {
        synchronized (device) {
            return device.hardware().selected();
        }
    }

    public boolean fenced(BoxId box) {
        synchronized (device) {
            return device.hardware().fenced(box);
        }
    }

    /** Output movements since start: the figure fault tests assert on. */
    public long actuations() {
        synchronized (device) {
            return device.hardware().actuations();
        }
    }

    public long epoch() {
        synchronized (device) {
            return device.epoch();
        }
    }

    public ArbiterStatus.ArmState armState() {
        synchronized (device) {
            return device.armState();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Transport t = transport;
        if (t != null) {
            t.close();
        }
    }
}
