package io.redpair.ui.editor;

import io.redpair.pair.SecretStoreKind;
import io.redpair.ui.FxExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Store secret…": the engineer types a box password (masked, twice) and picks the store; the secret goes
 * into the vault (master password asked here) or the OS keychain, and only its reference comes back to
 * the editor's field. The store runs off the JavaFX thread; a failure stays in the dialog, nothing falls
 * back to another store. The password fields are cleared when the dialog closes.
 */
public final class StoreSecretDialog {

    private final StoreSecretViewModel vm;
    private final TextField name = new TextField();
    private final ComboBox<SecretStoreKind> store = new ComboBox<>();
    private final Label destination = new Label();
    private final PasswordField secret = password("secret-value", "the box's password or token");
    private final PasswordField repeat = password("secret-repeat", "the same again");
    private final PasswordField master = password("secret-master", "the vault's master password");
    private final PasswordField masterRepeat = password("secret-master-repeat", "new vault: the master password again");
    private final Label problem = new Label();
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType storeButton = new ButtonType("Store", ButtonBar.ButtonData.OK_DONE);

    private StoreSecretDialog(StoreSecretViewModel vm, String pairId) {
        this.vm = vm;
        name.setId("secret-name");
        name.setText(StoreSecretViewModel.suggestedName(pairId));
        store.setId("secret-store");
        store.getItems().addAll(SecretStoreKind.values());
        store.setConverter(new StringConverter<>() {
            @Override
            public String toString(SecretStoreKind k) {
                return k == null ? "" : k == SecretStoreKind.VAULT ? "Encrypted vault (vault:)" : "OS keychain (keychain:)";
            }

            @Override
            public SecretStoreKind fromString(String s) {
                return null;
            }
        });
        store.setValue(vm.defaultStore());
        destination.setId("secret-destination");
        destination.setWrapText(true);
        problem.setId("secret-problem");
        problem.getStyleClass().addAll("danger", "text-small");
    }

    /** Opens the dialog; {@code onReference} gets {@code vault:NAME} or {@code keychain:NAME} once stored. */
    public static Dialog<ButtonType> open(Window owner, StoreSecretViewModel vm, String pairId,
                                          Consumer<String> onReference) {
        StoreSecretDialog d = new StoreSecretDialog(vm, pairId);
        d.build(owner, onReference);
        d.dialog.show();
        return d.dialog;
    }

    private void build(Window owner, Consumer<String> onReference) {
        dialog.setTitle("Store a secret");
        dialog.setHeaderText("The secret goes into the store; the site file gets only its reference.");
        dialog.getDialogPane().setId("store-secret");
        dialog.getDialogPane().setContent(new VBox(6, new Label("Name"), name, new Label("Store"), store, destination,
                new Label("Secret"), secret, repeat, master, masterRepeat, problem));
        dialog.getDialogPane().getButtonTypes().addAll(storeButton, ButtonType.CANCEL);
        Button button = (Button) dialog.getDialogPane().lookupButton(storeButton);
        button.setId("secret-store-button");
        for (TextField f : List.of(name, secret, repeat, master, masterRepeat)) {
            f.textProperty().addListener((o, a, b) -> refresh());
        }
        store.valueProperty().addListener((o, a, b) -> refresh());
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the store has the secret
            storeAsync(button, onReference);
        });
        dialog.setOnHidden(e -> List.of(secret, repeat, master, masterRepeat).forEach(PasswordField::clear));
        dialog.initModality(Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        refresh();
    }

    private void refresh() {
        SecretStoreKind kind = store.getValue();
        boolean vault = kind == SecretStoreKind.VAULT;
        show(master, vault);
        show(masterRepeat, vm.createsVault(kind));
        destination.setText(vm.destination(kind));
        StoreSecretViewModel.Request r = request();
        String missing = vm.problem(r).orElse("");
        r.wipe();
        problem.setText(missing);
        dialog.getDialogPane().lookupButton(storeButton).setDisable(!missing.isEmpty());
    }

    private void storeAsync(Button button, Consumer<String> onReference) {
        button.setDisable(true);
        StoreSecretViewModel.Request r = request();
        CompletableFuture.supplyAsync(() -> vm.store(r)).whenCompleteAsync((reference, failure) -> {
            if (failure == null) {
                onReference.accept(reference);
                dialog.setResult(storeButton);
                dialog.close();
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                problem.setText("Not stored: " + cause.getMessage());
                button.setDisable(false);
            }
        }, FxExecutor.INSTANCE);
    }

    private StoreSecretViewModel.Request request() {
        return new StoreSecretViewModel.Request(name.getText(), store.getValue(), secret.getText().toCharArray(),
                repeat.getText().toCharArray(), master.getText().toCharArray(), masterRepeat.getText().toCharArray());
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static PasswordField password(String id, String prompt) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
