package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.BoxOptions.AdminUser;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** https with a self-signed certificate and a pinned key, against real Node-RED with adminAuth. */
class NodeRedClientTlsTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    private static NodeRedProcess box;

    @BeforeAll
    static void startBox() {
        box = BOXES.start(BoxOptions.defaults().withHttps(true)
                .withUsers(new AdminUser("admin", TestSecrets.BOX_PASSWORD, "*")));
    }

    @Test
    void theRightPinGivesFullAccessOverHttps() {
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(box.adminUrl().getScheme()).isEqualTo("https");
            assertThat(client.settings().value().user().username()).isEqualTo("admin");
            assertThat(client.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeAnyRequestOrPasswordIsSent() throws Exception {
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        long sessionsBefore = sessionCount();
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withTlsPin(otherKey))) {
            Outcome<FlowsState> state = client.flowsState();

            assertThat(state).isInstanceOf(Outcome.TlsPinMismatch.class);
            assertThat(((Outcome.TlsPinMismatch<FlowsState>) state).presentedPin()).isEqualTo(box.tlsPin());
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.TlsPinMismatch.class);
        }
        assertThat(sessionCount()).as("no password grant reached the box").isEqualTo(sessionsBefore);
    }

    @Test
    void duringARotationTheNextPinIsAcceptedBesideTheCurrentOne() {
        String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withTlsPin(oldKey).withTlsNextPin(box.tlsPin()))) {
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.START);
        }
    }

    @Test
    void withoutAPinTheSelfSignedCertificateIsNotTrusted() {
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withTlsPin(null))) {
            Outcome<FlowsState> state = client.flowsState();

            assertThat(state).isInstanceOf(Outcome.Failed.class);
            assertThat(state.describe()).contains("TLS handshake failed");
        }
    }

    @Test
    void probeShowsThePresentedCertificateForFirstUseConfirmation() {
        Outcome<PresentedCertificate> probe = TlsProbe.fetch(box.adminUrl());

        assertThat(probe.isOk()).as(probe.describe()).isTrue();
        PresentedCertificate cert = probe.value();
        assertThat(cert.spkiSha256()).isEqualTo(box.tlsPin());
        assertThat(cert.subject()).isEqualTo("CN=127.0.0.1");
        assertThat(cert.selfSigned()).isTrue();
        assertThat(cert.notBefore()).isBefore(Instant.now());
        assertThat(cert.notAfter()).isAfter(Instant.now());
    }

    @Test
    void plainHttpToTheHttpsPortIsNotAnAnswer() {
        var plain = box.endpoint(new NodeRedAuth.None()).withTlsPin(null)
                .withAdminUrl(java.net.URI.create("http://127.0.0.1:" + box.port()));
        try (NodeRedClient client = NodeRedClient.create(plain)) {
            Outcome<FlowsState> state = client.flowsState();

            assertThat(state).isInstanceOfAny(Outcome.Failed.class, Outcome.NotNodeRed.class);
        }
    }

    private static long sessionCount() throws Exception {
        var file = box.userDir().resolve(".sessions.json");
        if (!Files.exists(file)) {
            return 0;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).findValuesAsText("accessToken").size();
    }
}
