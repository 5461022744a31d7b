package io.redpair.ui;

import io.redpair.failover.Mode;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: opens the shell with one pair in every status, for screenshots and for judging the look
 * under Xvfb (docs/screenshots/). Run from the test class path with JavaFX on the module path, e.g.
 * {@code -Dredpair.theme=dark io.redpair.ui.ShellPreview} (see docs/readme-build-notes.md).
 */
public final class ShellPreview extends Application {

    @Override
    public void start(Stage stage) {
        Theme theme = Theme.parse(System.getProperty("redpair.theme")).orElse(Theme.LIGHT);
        ThemeSwitcher.apply(theme);
        Preferences scratch = Preferences.userRoot().node("io/redpair/preview");
        MainWindow window = new MainWindow(null, theme, scratch, "RedPair preview");
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Styles.URL);
        stage.setTitle("RedPair");
        stage.getIcons().setAll(Icons.windowIcons());
        stage.setScene(scene);
        stage.show();
        List<PairRow> rows = List.of(row("line-1", "Filling line 1", Mode.PROTECTED),
                row("line-2", "Packing line", Mode.UNPROTECTED), row("boiler", "Boiler house", Mode.FAILING_OVER),
                row("wwt", "Waste water", Mode.OPERATOR_NEEDED), row("bench", "Test bench", Mode.MAINTENANCE),
                row("press", "New press", null));
        window.show(new Site("Plant Hall B", rows.stream().map(PairRow::pair).toList()));
        window.publish(rows);
    }

    private static PairRow row(String id, String name, Mode mode) {
        int net = Math.abs(id.hashCode() % 200);
        Map<BoxId, BoxConfig> boxes = Map.of(
                BoxId.A, new BoxConfig(URI.create("http://10.20." + net + ".11:1880"), AuthRef.none(), null),
                BoxId.B, new BoxConfig(URI.create("http://10.20." + net + ".12:1880"), AuthRef.none(), null));
        return new PairRow(new Pair(id, name, boxes, BoxId.A, "/redpair/heartbeat",
                new ArbiterConfig("/dev/ttyUSB0", "WDA-00" + net, 115200), Policy.defaults()), mode);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
