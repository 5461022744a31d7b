package io.redpair.ui.editor;

import io.redpair.arbiter.PortScanner.PortInfo;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.store.secrets.SecretStores;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The pair editor: fields, the error under each one as you type, the policy in words, and Save (enabled
 * only when the form is valid). Saving is the caller's job ({@code onSave}), done off the JavaFX thread.
 */
public final class PairEditorView {

    private final VBox root = new VBox(12);
    private final GridPane grid = new GridPane();
    private final PairEditorViewModel vm;
    private final TextField id = field("editor-id");
    private final TextField name = field("editor-name");
    private final TextField urlA = field("editor-url-a");
    private final TextField urlB = field("editor-url-b");
    private final ComboBox<AuthRef.Kind> auth = new ComboBox<>(FXCollections.observableArrayList(AuthRef.Kind.values()));
    private final TextField username = field("editor-username");
    private final TextField secret = field("editor-secret");
    private final ComboBox<PortInfo> port = new ComboBox<>();
    private final TextField interval = field("editor-interval");
    private final TextField missed = field("editor-missed");
    private final TextField holdDown = field("editor-hold-down");
    private final CheckBox autoFailover = new CheckBox("Fail over automatically");
    private final Label meaning = new Label();
    private final Button save = new Button("Save site file");
    private final Button storeSecret = new Button("Store secret…");
    private final Map<PairEditorViewModel.Field, Label> errors = new java.util.EnumMap<>(PairEditorViewModel.Field.class);

    public PairEditorView(PairEditorViewModel vm, Pair pair, List<PortInfo> ports, Consumer<PairForm> onSave) {
        this(vm, pair, ports, onSave, new StoreSecretViewModel(vm.secretStore(), SecretStores.standard()));
    }

    /** @param secrets the "Store secret…" dialog's logic (which stores, the site's default) */
    public PairEditorView(PairEditorViewModel vm, Pair pair, List<PortInfo> ports, Consumer<PairForm> onSave,
                          StoreSecretViewModel secrets) {
        this(vm, pair, ports, onSave, secrets, null);
    }

    /** @param keys the site's TLS trust (a "Trust key…" button per https box); null: no site file to pin beside */
    public PairEditorView(PairEditorViewModel vm, Pair pair, List<PortInfo> ports, Consumer<PairForm> onSave,
                          StoreSecretViewModel secrets, SiteKeyTrust keys) {
        this.vm = vm;
        root.setId("pair-editor");
        auth.setId("editor-auth");
        port.setId("editor-port");
        save.setId("editor-save");
        meaning.setId("editor-meaning");
        meaning.setWrapText(true);
        port.getItems().add(null);
        port.getItems().addAll(ports);
        port.setConverter(new StringConverter<>() {
            @Override
            public String toString(PortInfo p) {
                return p == null ? "none (no arbiter: unfenced)" : p.path() + " — " + p.description()
                        + (p.usbSerial() == null || p.usbSerial().isBlank() ? "" : " · serial " + p.usbSerial());
            }

            @Override
            public PortInfo fromString(String s) {
                return null;
            }
        });
        grid.setHgap(12);
        grid.setVgap(2);
        row(0, "Pair id", id, PairEditorViewModel.Field.ID);
        row(2, "Name", name, null);
        row(4, "Box A admin URL", keys == null ? urlA : trusted(BoxId.A, urlA, keys), PairEditorViewModel.Field.URL_A);
        row(6, "Box B admin URL", keys == null ? urlB : trusted(BoxId.B, urlB, keys), PairEditorViewModel.Field.URL_B);
        row(8, "Authentication", auth, null);
        row(10, "User", username, PairEditorViewModel.Field.USERNAME);
        storeSecret.setId("editor-store-secret");
        storeSecret.setOnAction(e -> StoreSecretDialog.open(root.getScene() == null ? null : root.getScene().getWindow(),
                secrets, id.getText(), secret::setText));
        HBox.setHgrow(secret, Priority.ALWAYS);
        row(12, "Secret reference", new HBox(8, secret, storeSecret), PairEditorViewModel.Field.SECRET);
        row(14, "Arbiter port", port, null);
        row(16, "Probe interval (ms)", interval, PairEditorViewModel.Field.INTERVAL);
        row(18, "Missed probes before dead", missed, PairEditorViewModel.Field.MISSED);
        row(20, "Hold-down (s)", holdDown, PairEditorViewModel.Field.HOLD_DOWN);
        fill(pair);
        for (Control c : List.of(id, name, urlA, urlB, username, secret, interval, missed, holdDown)) {
            ((TextField) c).textProperty().addListener((o, a, b) -> revalidate());
        }
        auth.valueProperty().addListener((o, a, b) -> revalidate());
        autoFailover.selectedProperty().addListener((o, a, b) -> revalidate());
        save.getStyleClass().add("accent");
        save.setOnAction(e -> onSave.accept(form()));
        root.getChildren().addAll(grid, autoFailover, meaning, save);
        root.setPadding(new Insets(16));
        revalidate();
    }

    public Parent root() {
        return root;
    }

    public PairForm form() {
        PortInfo p = port.getValue();
        return new PairForm(id.getText(), name.getText(), urlA.getText(), urlB.getText(), auth.getValue(),
                username.getText(), secret.getText(), p == null ? null : p.path(), p == null ? null : p.usbSerial(),
                interval.getText(), missed.getText(), holdDown.getText(), autoFailover.isSelected());
    }

    private void revalidate() {
        Map<PairEditorViewModel.Field, String> found = vm.validate(form());
        errors.forEach((f, label) -> label.setText(found.getOrDefault(f, "")));
        boolean needsUser = auth.getValue() == AuthRef.Kind.PASSWORD;
        username.setDisable(!needsUser);
        secret.setDisable(auth.getValue() == AuthRef.Kind.NONE);
        storeSecret.setDisable(auth.getValue() == AuthRef.Kind.NONE);
        meaning.setText(vm.meaning(form()));
        save.setDisable(!found.isEmpty());
    }

    private void fill(Pair pair) {
        Policy policy = pair == null ? Policy.defaults() : pair.policy();
        AuthRef a = pair == null ? AuthRef.none() : pair.box(io.redpair.pair.BoxId.A).auth();
        id.setText(pair == null ? "" : pair.id());
        name.setText(pair == null ? "" : pair.name());
        urlA.setText(pair == null ? "" : pair.box(io.redpair.pair.BoxId.A).url().toString());
        urlB.setText(pair == null ? "" : pair.box(io.redpair.pair.BoxId.B).url().toString());
        auth.setValue(a.kind());
        username.setText(a.username() == null ? "" : a.username());
        secret.setText(a.secretRef() == null ? "" : a.secretRef());
        port.getItems().stream().filter(p -> p != null && pair != null && pair.arbiter() != null
                && p.path().equals(pair.arbiter().port())).findFirst().ifPresent(port::setValue);
        interval.setText(Integer.toString(policy.intervalMs()));
        missed.setText(Integer.toString(policy.missedBeats()));
        holdDown.setText(Integer.toString(policy.holdDownS()));
        autoFailover.setSelected(policy.autoFailover());
    }

    private void row(int line, String caption, Region input, PairEditorViewModel.Field field) {
        Label label = new Label(caption);
        label.setMinWidth(Region.USE_PREF_SIZE); // a wide input (URL + Trust key…) must not squeeze the caption
        grid.add(label, 0, line);
        grid.add(input, 1, line);
        input.setPrefWidth(420);
        Label error = new Label();
        error.getStyleClass().addAll("danger", "text-small");
        if (field != null) {
            error.setId("error-" + field.name().toLowerCase().replace('_', '-'));
            errors.put(field, error);
        }
        grid.add(error, 1, line + 1);
    }

    /** The URL field with its "Trust key…" button and pin line; re-read when the pair id changes too. */
    private VBox trusted(BoxId box, TextField url, SiteKeyTrust keys) {
        BoxKeyTrust trust = new BoxKeyTrust(box, url, id::getText, keys);
        id.textProperty().addListener((o, a, b) -> trust.refresh());
        return trust.node();
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }
}
