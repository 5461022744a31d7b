package io.redpair.arbiter;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A real serial line (or a pty symlink) through jSerialComm: 115200 8N1, no flow control, semi-blocking
 * reads (return as soon as any byte arrives or the slice ends; the fully blocking mode would wait for a
 * full buffer). A vanished port shows up as a read of -1 or an unchecked exception, both reported as -1.
 */
public final class SerialTransport implements Transport {

    public static final int BAUD = 115_200;

    private final SerialPort port;
    private final String path;
    private int currentTimeoutMs = -1;

    private SerialTransport(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** Opens {@code path}; any failure (including jSerialComm's unchecked ones for vanished paths) is an IOException. */
    public static SerialTransport open(String path) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
            port.setComPortParameters(BAUD, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 10, 0);
            if (!port.openPort()) {
                throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot open serial port " + path + ": " + e.getMessage(), e);
        }
        return new SerialTransport(port, path);
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public int read(byte[] buffer, int timeoutMs) {
        try {
            if (timeoutMs != currentTimeoutMs) {
                port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMs), 0);
                currentTimeoutMs = timeoutMs;
            }
            if (!port.isOpen()) {
                return -1;
            }
            int n = port.readBytes(buffer, buffer.length);
            return n < 0 ? -1 : n;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        int n;
        try {
            n = port.writeBytes(data, data.length);
        } catch (RuntimeException e) {
            throw new IOException(path + ": write failed: " + e.getMessage(), e);
        }
        if (n != data.length) {
            throw new IOException(path + ": wrote " + n + " of " + data.length + " bytes (port gone?)");
        }
    }

    @Override
    public void close() {
        try {
            port.closePort();
        } catch (RuntimeException ignored) {
            // the port may already be gone; closing is best effort
        }
    }
}
