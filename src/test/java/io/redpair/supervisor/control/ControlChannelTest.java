package io.redpair.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlChannelTest {

    @TempDir
    Path dir;

    private final List<ControlRequest> received = new CopyOnWriteArrayList<>();

    private ControlResponse handle(ControlRequest r) {
        received.add(r);
        if (ControlRequest.STATUS.equals(r.op())) {
            return ControlResponse.status(new ObjectMapper().createObjectNode().put("site", "Hall B"));
        }
        return ControlResponse.of(ControlResponse.Outcome.REFUSED, "pair line1 is in maintenance");
    }

    @Test
    void authenticatedRequestsReachTheHandlerWithTheOperatorIdentity() throws Exception {
        Path site = dir.resolve("site.json");
        try (ControlServer server = ControlServer.start(site, this::handle)) {
            ControlClient client = ControlClient.forSite(site, Duration.ofSeconds(5));
            ControlResponse status = client.send(new ControlRequest(null, "status", null, null, null, null, null, null,
                    "erika", "console1"));
            assertThat(status.outcome()).isEqualTo(ControlResponse.Outcome.OK);
            assertThat(status.status().path("site").asText()).isEqualTo("Hall B");

            ControlResponse sw = client.send(new ControlRequest(null, "switchover", "line1", "B", null, null, null, null,
                    "erika", "console1"));
            assertThat(sw.outcome()).isEqualTo(ControlResponse.Outcome.REFUSED);
            assertThat(sw.message()).contains("maintenance");
            assertThat(received).extracting(ControlRequest::op).containsExactly("status", "switchover");
            assertThat(received.get(1).user()).isEqualTo("erika");
            assertThat(received.get(1).toString()).doesNotContain(received.get(1).token());
        }
    }

    @Test
    void controlFileIsOwnerOnlyAndRemovedOnClose() throws Exception {
        Path site = dir.resolve("site.json");
        ControlServer server = ControlServer.start(site, this::handle);
        Path file = ControlFile.fileFor(site);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ControlFile cf = ControlFile.read(site);
        assertThat(cf.port()).isEqualTo(server.port());
        assertThat(cf.token()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cf.toString()).doesNotContain(cf.token());
        server.close(site);
        assertThat(file).doesNotExist();
    }

    @Test
    void wrongTokenIsRefusedAndNeverReachesTheHandler() throws Exception {
        Path site = dir.resolve("site.json");
        try (ControlServer server = ControlServer.start(site, this::handle)) {
            ControlClient forged = new ControlClient(new ControlFile(server.port(), "guessed", 1), Duration.ofSeconds(5));
            ControlResponse r = forged.send(new ControlRequest(null, "switchover", "line1", null, null, null, null, null,
                    "mallory", "x"));
            assertThat(r.outcome()).isEqualTo(ControlResponse.Outcome.UNAUTHORIZED);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void garbageLineGetsBadRequest() throws Exception {
        Path site = dir.resolve("site.json");
        try (ControlServer server = ControlServer.start(site, this::handle);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("this is not json\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).contains("BAD_REQUEST");
            assertThat(received).isEmpty();
        }
    }
}
