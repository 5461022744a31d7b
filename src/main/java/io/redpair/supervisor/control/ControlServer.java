package io.redpair.supervisor.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local control channel of a running supervisor: a TCP listener on 127.0.0.1 (ephemeral port) speaking JSON
 * lines. Every request must carry the per-run token; a wrong token gets {@code unauthorized} and the connection
 * is closed. Loopback only, so a remote host cannot even connect; the token stops other local users who cannot
 * read the 0600 control file.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_LINE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket socket;
    private final byte[] token;
    private final String tokenText;
    private final ControlHandler handler;
    private final ExecutorService connections;
    private final Thread acceptor;

    private ControlServer(ServerSocket socket, String token, ControlHandler handler) {
        this.socket = socket;
        this.tokenText = token;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newFixedThreadPool(4, r -> daemon(r, "redpair-control-" + n.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "redpair-control-accept");
    }

    /** Listens on a fresh loopback port with a fresh random token and writes the control file next to the site. */
    public static ControlServer start(Path siteFile, ControlHandler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ControlServer server = new ControlServer(socket, newToken(), handler);
        new ControlFile(socket.getLocalPort(), server.tokenText, ProcessHandle.current().pid()).write(siteFile);
        server.acceptor.start();
        LOG.info("control channel listening on 127.0.0.1:{}", socket.getLocalPort());
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("control channel accept failed: {}", e.getMessage());
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                ControlResponse response = answer(line);
                out.write((JSON.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (response.outcome() == ControlResponse.Outcome.UNAUTHORIZED) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("control connection ended: {}", e.getMessage());
        }
    }

    private ControlResponse answer(String line) {
        if (line.length() > MAX_LINE) {
            return ControlResponse.of(ControlResponse.Outcome.BAD_REQUEST, "request longer than " + MAX_LINE + " characters");
        }
        ControlRequest request;
        try {
            request = JSON.readValue(line, ControlRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ControlResponse.of(ControlResponse.Outcome.BAD_REQUEST, "not a control request: " + e.getOriginalMessage());
        }
        if (request.token() == null
                || !MessageDigest.isEqual(token, request.token().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("control request with a wrong token refused (op {})", request.op());
            return ControlResponse.of(ControlResponse.Outcome.UNAUTHORIZED, "wrong or missing control token");
        }
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            LOG.error("control request {} failed", request, e);
            return ControlResponse.of(ControlResponse.Outcome.FAILED, "internal error: " + e.getMessage());
        }
    }

    /** Stops listening and removes the control file. */
    public void close(Path siteFile) throws IOException {
        close();
        ControlFile.delete(siteFile);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
