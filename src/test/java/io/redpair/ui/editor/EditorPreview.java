package io.redpair.ui.editor;

import io.redpair.arbiter.PortScanner.PortInfo;
import io.redpair.ui.Styles;
import io.redpair.ui.Theme;
import io.redpair.ui.ThemeSwitcher;
import io.redpair.ui.fake.Snapshots;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Not a test: the pair editor with one mistyped field and box A on https (its "Trust key…" line), for the screenshot
 * (docs/screenshots/pair-editor.png).
 */
public final class EditorPreview extends Application {

    @Override
    public void start(Stage stage) throws java.io.IOException {
        ThemeSwitcher.apply(Theme.parse(System.getProperty("redpair.theme")).orElse(Theme.LIGHT));
        var site = Snapshots.site(3);
        PairEditorViewModel vm = new PairEditorViewModel(site, "line-1");
        java.nio.file.Path siteFile = java.nio.file.Files.createTempDirectory("redpair-editor-preview").resolve("site.json");
        PairEditorView view = new PairEditorView(vm, site.pairs().get(0),
                List.of(new PortInfo("/dev/ttyUSB0", "FT232R USB UART", "WDA-00417"),
                        new PortInfo("/dev/ttyACM0", "RedPair arbiter", "WDA-00502")), f -> { },
                new StoreSecretViewModel(vm.secretStore(), io.redpair.store.secrets.SecretStores.standard()),
                new SiteKeyTrust(siteFile, java.time.Clock.systemUTC()));
        Scene scene = new Scene(view.root(), 760, 820);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("Edit pair line-1");
        stage.setScene(scene);
        stage.show();
        ((TextField) scene.lookup("#editor-url-a")).setText("https://10.20.1.11:1880/");
        ((TextField) scene.lookup("#editor-url-b")).setText("10.20.1.12:1880");
        ((TextField) scene.lookup("#editor-secret")).setText("hunter2");
    }

    public static void main(String[] args) {
        launch(args);
    }
}
