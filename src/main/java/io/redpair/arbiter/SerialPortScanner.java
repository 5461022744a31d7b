package io.redpair.arbiter;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OS's serial ports (with description and USB serial number, when the adapter reports one), plus
 * every entry of some extra directories: ptys made by socat are symlinks the OS does not list as
 * serial ports, and a lab or test puts them in a directory of its own.
 */
public final class SerialPortScanner implements PortScanner {

    private final List<Path> extraDirectories;
    private final boolean systemPorts;

    /** {@code systemPorts}: include the ports the OS lists (false in tests, so they never write to a real line). */
    public SerialPortScanner(List<Path> extraDirectories, boolean systemPorts) {
        this.extraDirectories = List.copyOf(extraDirectories);
        this.systemPorts = systemPorts;
    }

    public static SerialPortScanner system() {
        return new SerialPortScanner(List.of(), true);
    }

    @Override
    public List<PortInfo> ports() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort p : systemPorts ? SerialPort.getCommPorts() : new SerialPort[0]) {
            ports.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), nullToEmpty(p.getSerialNumber())));
        }
        for (Path dir : extraDirectories) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(e -> ports.add(new PortInfo(e.toString(), "pty or extra port", "")));
            } catch (IOException e) {
                // a missing directory simply offers no ports
            }
        }
        return ports;
    }

    private static String nullToEmpty(String s) {
        return s == null || s.equals("Unknown") ? "" : s;
    }

    @Override
    public Transport open(String path) throws IOException {
        return SerialTransport.open(path);
    }
}
