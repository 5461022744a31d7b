package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.store.trust.BoxPin;
import io.redpair.store.trust.Fingerprints;
import io.redpair.store.trust.PinFile;
import io.redpair.store.trust.Pins;
import io.redpair.testsupport.LocalTlsServer;
import io.redpair.ui.fake.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: "Trust key…" beside an https box URL fetches the real certificate of a local TLS server, shows its
 * fingerprint, and only the typed confirmation pins it into the site's pins file (audited); a key that differs
 * from the pinned one is refused and the pin stays.
 */
@ExtendWith(ApplicationExtension.class)
class PairEditorTrustUiTest {

    @TempDir
    Path dir;
    private LocalTlsServer box;
    private Path siteFile;

    @Start
    void start(Stage stage) throws Exception {
        box = LocalTlsServer.start(dir, "box-a.plant.local");
        siteFile = dir.resolve("site.json");
        var site = Snapshots.site(1);
        PairEditorViewModel vm = new PairEditorViewModel(site, "line-1");
        PairEditorView view = new PairEditorView(vm, site.pairs().get(0), List.of(),
                form -> { }, new StoreSecretViewModel(vm.secretStore(), io.redpair.store.secrets.SecretStores.standard()),
                new SiteKeyTrust(siteFile, Clock.systemUTC()));
        stage.setScene(new Scene(view.root(), 900, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        box.close();
    }

    @Test
    void theShownFingerprintTypedPinsTheKeyAndAuditsIt(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#editor-url-a").queryAs(TextField.class).setText(box.url().toString()));
        awaitStatus(robot, s -> s.startsWith("Key not trusted yet"));

        robot.clickOn("#editor-trust-a");
        awaitNode(robot, "#tls-fingerprint");
        assertThat(robot.lookup("#tls-fingerprint").queryAs(Label.class).getText()).isEqualTo(Fingerprints.hex(box.spkiPin()));
        robot.interact(() -> robot.lookup("#tls-typed").queryAs(TextField.class).setText(firstEightHex()));
        robot.clickOn("Trust this key");

        awaitStatus(robot, s -> s.startsWith("pinned"));
        BoxPin pin = PinFile.load(PinFile.fileFor(siteFile)).get("line-1", BoxId.A).orElseThrow();
        assertThat(pin.current()).isEqualTo(box.spkiPin());
        try (AuditLog audit = AuditLog.openReadOnly(Journal.fileFor(siteFile))) {
            assertThat(audit.since(Instant.EPOCH)).extracting(AuditRecord::type).contains("pin-confirmed");
        }
    }

    @Test
    void aKeyThatDiffersFromThePinnedOneIsRefusedAndThePinStays(FxRobot robot) throws Exception {
        String other = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        PinFile.save(PinFile.fileFor(siteFile), Pins.none().with("line-1", BoxId.A,
                new BoxPin(other, null, "CN=old", Instant.parse("2030-01-01T00:00:00Z"), "erika@console1", Instant.now())));
        robot.interact(() -> robot.lookup("#editor-url-a").queryAs(TextField.class).setText(box.url().toString()));
        awaitStatus(robot, s -> s.startsWith("pinned"));

        robot.clickOn("#editor-trust-a");
        awaitNode(robot, "#tls-fingerprint");
        robot.interact(() -> robot.lookup("#tls-typed").queryAs(TextField.class).setText(firstEightHex()));
        robot.clickOn("Trust this key");

        awaitStatus(robot, s -> s.startsWith("Not trusted"));
        assertThat(PinFile.load(PinFile.fileFor(siteFile)).get("line-1", BoxId.A).orElseThrow().current()).isEqualTo(other);
    }

    @Test
    void anHttpBoxHasNoKeyToPin(FxRobot robot) {
        robot.interact(() -> robot.lookup("#editor-url-a").queryAs(TextField.class).setText("http://10.20.1.11:1880/"));
        assertThat(robot.lookup("#editor-trust-a").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#editor-trust-status-a").queryAs(Label.class).getText()).startsWith("Unencrypted");
    }

    private String firstEightHex() {
        return Fingerprints.hex(box.spkiPin()).replace(":", "").substring(0, 8);
    }

    private static void awaitStatus(FxRobot robot, Predicate<String> match) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> match.test(robot.lookup("#editor-trust-status-a").queryAs(Label.class).getText()));
    }

    private static void awaitNode(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
    }
}
