package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.PortScanner.PortInfo;
import io.redpair.pair.SecretStoreKind;
import io.redpair.store.secrets.EncryptedFileSecretStore;
import io.redpair.store.secrets.KeychainSecretStore;
import io.redpair.store.secrets.SecretStores;
import io.redpair.testsupport.PrivateKeyring;
import io.redpair.testsupport.TestSecrets;
import io.redpair.ui.fake.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the pair editor's "Store secret…" puts a typed secret into a real vault file or a real
 * (private) GNOME keyring and fills in only the reference; the site form never sees the value.
 */
@ExtendWith(ApplicationExtension.class)
class StoreSecretUiTest {

    @TempDir
    static Path dir;
    static PrivateKeyring keyring;
    private final List<PairForm> saved = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startKeyring() throws Exception {
        keyring = PrivateKeyring.start(dir.resolve("keyring"));
    }

    @AfterAll
    static void stopKeyring() throws Exception {
        keyring.close();
    }

    static Path vault() {
        return dir.resolve("secrets.rpv");
    }

    static StoreSecretViewModel secrets(String bus) {
        return new StoreSecretViewModel(SecretStoreKind.VAULT, new SecretStores(Map.of(
                "REDPAIR_VAULT", vault().toString(), "DBUS_SESSION_BUS_ADDRESS", bus), dir.resolve("home")));
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(vault());
        var site = Snapshots.site(2);
        PairEditorView view = new PairEditorView(new PairEditorViewModel(site, "line-1"), site.pairs().get(0),
                List.<PortInfo>of(), saved::add, secrets(keyring.busAddress()));
        stage.setScene(new Scene(view.root(), 900, 700));
        stage.show();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void storingIntoANewVaultFillsTheReferenceAndSaveGetsOnlyTheReference(FxRobot robot) throws Exception {
        robot.clickOn("#editor-store-secret");
        assertThat(text(robot, "#secret-name")).isEqualTo("line-1-pw");
        assertThat(robot.lookup("#secret-store").queryAs(ComboBox.class).getValue()).isEqualTo(SecretStoreKind.VAULT);
        assertThat((Object) robot.lookup("#secret-value").query()).isInstanceOf(PasswordField.class);
        assertThat(robot.lookup("#secret-master-repeat").query().isVisible()).isTrue(); // a new vault
        Button store = robot.lookup("#secret-store-button").queryButton();
        robot.clickOn("#secret-value").write("x");
        assertThat(robot.lookup("#secret-problem").queryAs(Label.class).getText()).isEqualTo("The two secrets differ");
        assertThat(store.isDisabled()).isTrue();

        set(robot, "#secret-value", TestSecrets.BOX_PASSWORD);
        set(robot, "#secret-repeat", TestSecrets.BOX_PASSWORD);
        set(robot, "#secret-master", TestSecrets.MASTER_PASSWORD);
        set(robot, "#secret-master-repeat", TestSecrets.MASTER_PASSWORD);
        assertThat(store.isDisabled()).isFalse();
        robot.clickOn(store);
        waitUntil(() -> "vault:line-1-pw".equals(text(robot, "#editor-secret")));
        assertThat(robot.lookup("#store-secret").tryQuery()).isEmpty();
        try (var v = EncryptedFileSecretStore.open(vault(), TestSecrets.MASTER_PASSWORD.toCharArray(), 1)) {
            assertThat(new String(v.get("line-1-pw").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
        }
        robot.clickOn("#editor-save");
        assertThat(saved).singleElement().satisfies(f -> {
            assertThat(f.secretRef()).isEqualTo("vault:line-1-pw");
            assertThat(f.toString()).doesNotContain(TestSecrets.BOX_PASSWORD);
        });
    }

    @Test
    void storingIntoTheKeychainNeedsNoMasterPassword(FxRobot robot) throws Exception {
        robot.clickOn("#editor-store-secret");
        robot.interact(() -> robot.lookup("#secret-store").queryAs(ComboBox.class).setValue(SecretStoreKind.KEYCHAIN));
        assertThat(robot.lookup("#secret-master").query().isVisible()).isFalse();
        assertThat(robot.lookup("#secret-destination").queryAs(Label.class).getText()).contains("OS keychain");
        set(robot, "#secret-value", TestSecrets.KEYCHAIN_VALUE);
        set(robot, "#secret-repeat", TestSecrets.KEYCHAIN_VALUE);
        robot.clickOn("#secret-store-button");
        waitUntil(() -> "keychain:line-1-pw".equals(text(robot, "#editor-secret")));
        assertThat(new String(KeychainSecretStore.forBus(keyring.busAddress(), Duration.ofSeconds(20))
                .get("line-1-pw").orElseThrow())).isEqualTo(TestSecrets.KEYCHAIN_VALUE);
        assertThat(vault()).doesNotExist();
    }

    @Test
    void anUnreachableKeychainStaysAnErrorInTheDialogAndTheFieldIsUntouched(FxRobot robot) throws Exception {
        List<String> references = new CopyOnWriteArrayList<>();
        StoreSecretViewModel noKeychain = secrets("unix:path=" + dir.resolve("no-bus"));
        robot.interact(() -> StoreSecretDialog.open(null, noKeychain, "line-1", references::add));
        robot.interact(() -> robot.lookup("#secret-store").queryAs(ComboBox.class).setValue(SecretStoreKind.KEYCHAIN));
        set(robot, "#secret-value", TestSecrets.KEYCHAIN_VALUE);
        set(robot, "#secret-repeat", TestSecrets.KEYCHAIN_VALUE);
        robot.clickOn("#secret-store-button");
        Label problem = robot.lookup("#secret-problem").queryAs(Label.class);
        waitUntil(() -> problem.getText().startsWith("Not stored:"));
        assertThat(problem.getText()).contains("vault:NAME").doesNotContain(TestSecrets.KEYCHAIN_VALUE);
        assertThat(references).isEmpty();
        assertThat(vault()).doesNotExist();
        Node dialog = robot.lookup("#store-secret").query();
        assertThat(dialog.isVisible()).isTrue();
        assertThat(text(robot, "#editor-secret")).isEqualTo("env:LINE_1_PW");
    }
}
