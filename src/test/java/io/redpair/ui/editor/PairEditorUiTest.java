package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.PortScanner.PortInfo;
import io.redpair.nodered.PresentedCertificate;
import io.redpair.ui.fake.Snapshots;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the editor validates as you type and Save follows; the TLS dialog needs the typed fingerprint. */
@ExtendWith(ApplicationExtension.class)
class PairEditorUiTest {

    private final List<PairForm> saved = new CopyOnWriteArrayList<>();
    private final List<String> pinned = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        var site = Snapshots.site(2);
        PairEditorView view = new PairEditorView(new PairEditorViewModel(site, "line-1"), site.pairs().get(0),
                List.of(new PortInfo("/dev/ttyUSB0", "FT232R USB UART", "WDA-00417")), saved::add);
        stage.setScene(new Scene(view.root(), 800, 700));
        stage.show();
    }

    @Test
    void aBadUrlShowsItsErrorAndDisablesSaveUntilFixed(FxRobot robot) {
        Button save = robot.lookup("#editor-save").queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.interact(() -> robot.lookup("#editor-url-b").queryAs(TextField.class).setText("10.20.1.12:1880"));
        assertThat(robot.lookup("#error-url-b").queryAs(Label.class).getText()).isEqualTo("must start with http:// or https://");
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#editor-url-b").queryAs(TextField.class).setText("http://10.20.1.13:1880/"));
        assertThat(robot.lookup("#error-url-b").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#editor-meaning").queryAs(Label.class).getText()).startsWith(
                "A box that stops answering is declared dead after 1.0 s");
        robot.clickOn(save);
        assertThat(saved).singleElement().satisfies(f -> {
            assertThat(f.urlB()).isEqualTo("http://10.20.1.13:1880/");
            assertThat(f.arbiterSerial()).isEqualTo("WDA-00417");
        });
    }

    @Test
    void tlsFirstUseNeedsTheFingerprintTyped(FxRobot robot) {
        String pin = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
        PresentedCertificate cert = new PresentedCertificate("CN=box-a", "CN=box-a", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"), pin, true);
        robot.interact(() -> TlsFirstUseDialog.ask(null, URI.create("https://10.20.1.11:1880/"), cert, pinned::add));
        assertThat(robot.lookup("#tls-fingerprint").queryAs(Label.class).getText()).startsWith("AB:CD:EF:12:34:56");
        Button trust = robot.lookup("Trust this key").queryButton();
        assertThat(trust.isDisabled()).isTrue();
        robot.clickOn("#tls-typed").write("abcdef00");
        assertThat(trust.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#tls-typed").queryAs(TextField.class).setText("ABCDEF12"));
        assertThat(trust.isDisabled()).isFalse();
        robot.clickOn(trust);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pinned).containsExactly(pin);
    }
}
