package io.redpair.supervisor.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Sends one request to the supervisor that holds a site, using the port and token of its control file. */
public final class ControlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControlFile file;
    private final Duration timeout;

    public ControlClient(ControlFile file, Duration timeout) {
        this.file = file;
        this.timeout = timeout;
    }

    public static ControlClient forSite(Path siteFile, Duration timeout) throws IOException {
        return new ControlClient(ControlFile.read(siteFile), timeout);
    }

    /** Sends {@code request} (its token is replaced by the control file's) and waits for the answer. */
    public ControlResponse send(ControlRequest request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), file.port()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write((JSON.writeValueAsString(request.withToken(file.token())) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IOException("the supervisor closed the control connection without an answer");
            }
            return JSON.readValue(line, ControlResponse.class);
        }
    }
}
