package io.redpair.arbiter;

import java.io.IOException;

/**
 * A byte pipe to the device (port interface): {@link SerialTransport} for real lines and ptys,
 * {@link InMemoryTransport} for the lab and tests. One reader thread calls {@link #read}; writes may
 * come from any thread.
 */
public interface Transport extends AutoCloseable {

    /** The port path or a descriptive name, for logs. */
    String name();

    /**
     * Waits at most {@code timeoutMs} for bytes. Returns the count read (&gt; 0), 0 on timeout, or -1 when the
     * port is gone (unplugged, closed); after -1 the transport is useless.
     */
    int read(byte[] buffer, int timeoutMs) throws IOException;

    /** Writes all bytes or throws; an IOException means the port is gone. */
    void write(byte[] data) throws IOException;

    @Override
    void close();
}
