package io.redpair.arbiter;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of an in-process byte pipe, for the lab and unit tests. {@link #pair} gives two connected
 * ends; {@link Cable#unplug()} makes both ends behave like a vanished serial port (reads return -1,
 * writes throw), which is how tests pull the cable.
 */
public final class InMemoryTransport implements Transport {

    private static final byte[] EOF_MARK = new byte[0];

    /** The two ends and the cable between them. */
    public record Cable(InMemoryTransport host, InMemoryTransport device) {
        public void unplug() {
            host.gone.set(true);
            device.gone.set(true);
            host.inbox.offer(EOF_MARK);
            device.inbox.offer(EOF_MARK);
        }
    }

    private final String name;
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean gone;
    private volatile boolean closed;
    private InMemoryTransport peer;
    private byte[] pending = EOF_MARK;
    private int pendingOffset;

    private InMemoryTransport(String name, AtomicBoolean gone) {
        this.name = name;
        this.gone = gone;
    }

    public static Cable pair(String name) {
        AtomicBoolean gone = new AtomicBoolean();
        InMemoryTransport host = new InMemoryTransport(name + "/host", gone);
        InMemoryTransport device = new InMemoryTransport(name + "/device", gone);
        host.peer = device;
        device.peer = host;
        return new Cable(host, device);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buffer, int timeoutMs) throws IOException {
        if (gone.get() || closed) {
            return -1;
        }
        if (pendingOffset >= pending.length) {
            byte[] next;
            try {
                next = inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            if (next == null || next == EOF_MARK) {
                return gone.get() || closed ? -1 : 0; // a stale wake-up mark from an earlier close
            }
            pending = next;
            pendingOffset = 0;
        }
        int n = Math.min(buffer.length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, buffer, 0, n);
        pendingOffset += n;
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (gone.get() || closed) {
            throw new IOException(name + (closed ? ": closed" : ": cable unplugged"));
        }
        if (data.length > 0) {
            peer.inbox.offer(data.clone());
        }
    }

    /** Closing one end is what closing a serial port is: the other end just stops hearing anything. */
    @Override
    public void close() {
        closed = true;
        inbox.offer(EOF_MARK);
    }

    /** Opens this end again after {@link #close()} (the cable is still plugged in); bytes sent meanwhile are lost. */
    public InMemoryTransport reopen() {
        inbox.clear();
        pending = EOF_MARK;
        closed = false;
        return this;
    }
}
