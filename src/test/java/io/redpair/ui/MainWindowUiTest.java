package io.redpair.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Headless (Monocle) smoke test: the main window opens with the AtlantaFX theme and shows the site. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new MainWindow(Path.of("hall-b.json")).root(), 800, 600));
        stage.show();
    }

    @Test
    void showsTheOpenSiteInTheSidebar(FxRobot robot) {
        assertThat(robot.lookup("#title").queryAs(Label.class).getText()).isEqualTo("RedPair");
        assertThat(robot.lookup("#site-label").queryAs(Label.class).getText()).isEqualTo("Site: hall-b.json");
    }
}
