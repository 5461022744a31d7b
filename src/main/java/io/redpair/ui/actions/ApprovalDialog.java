package io.redpair.ui.actions;

import io.redpair.pair.approval.ActionRequest;
import io.redpair.pair.approval.ApprovalOutcome;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.store.approvers.Login;
import io.redpair.ui.FxExecutor;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The console's side of the {@link DeliberateGate}: the operator types the target; on two-person sites they
 * log in with their approver account, and a second dialog asks a second person for their own account,
 * password and typed target. The gate (PBKDF2, audit write) runs off the JavaFX thread; {@code go} runs only
 * on an approval, {@code refused} gets the reason otherwise. Non-modal like the other action dialogs.
 */
public final class ApprovalDialog {

    private ApprovalDialog() {
    }

    public static void ask(Window owner, DeliberateGate gate, DeliberateAction action, String target,
                           Consumer<String> refused, Runnable go) {
        String what = action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + target;
        TextField typed = field(new TextField(), "approval-typed", "type " + target);
        TextField name = field(new TextField(), "approval-name", "your approver account");
        PasswordField password = field(new PasswordField(), "approval-password", "password");
        VBox content = new VBox(8, new Label("Type " + target + " to confirm the " + what + "."), typed);
        if (gate.twoPerson()) {
            content.getChildren().addAll(new Label("This site requires two people. Your approver account:"), name, password);
        }
        ButtonType confirm = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
        show(owner, "approval-dialog", "Confirm: " + what, content, confirm, () -> {
            Login who = gate.twoPerson() ? login(name, password) : null;
            String text = typed.getText();
            run(who, () -> gate.request(action, target, text, who), outcome -> next(owner, gate, outcome, refused, go));
        });
    }

    private static void next(Window owner, DeliberateGate gate, ApprovalOutcome outcome, Consumer<String> refused,
                             Runnable go) {
        if (outcome instanceof ApprovalOutcome.Approved) {
            go.run();
        } else if (outcome instanceof ApprovalOutcome.AwaitingSecondPerson pending) {
            askSecondPerson(owner, gate, pending.request(), refused, go);
        } else {
            refused.accept("Not done: " + ((ApprovalOutcome.Refused) outcome).reason());
        }
    }

    private static void askSecondPerson(Window owner, DeliberateGate gate, ActionRequest pending, Consumer<String> refused,
                                        Runnable go) {
        TextField name = field(new TextField(), "second-name", "second person's approver account");
        PasswordField password = field(new PasswordField(), "second-password", "password");
        TextField typed = field(new TextField(), "second-typed", "type " + pending.target());
        VBox content = new VBox(8, new Label(pending.requester().redpairUser() + " asks for the " + pending.describe()
                + ". A second person approves within " + gate.settings().window().toSeconds() + " s:"), name, password,
                new Label("Type " + pending.target() + " to approve:"), typed);
        ButtonType approve = new ButtonType("Approve", ButtonBar.ButtonData.OK_DONE);
        show(owner, "second-person-dialog", "Second person: approve", content, approve, () -> {
            Login who = login(name, password);
            String text = typed.getText();
            run(who, () -> gate.approve(pending, who, text), outcome -> next(owner, gate, outcome, refused, go));
        });
    }

    private static Login login(TextField name, PasswordField password) {
        Login login = new Login(name.getText().strip(), password.getText().toCharArray());
        password.clear();
        return login;
    }

    /** The gate off the JavaFX thread (password hashing, audit write); the outcome back on it; the password wiped. */
    private static void run(Login login, Supplier<ApprovalOutcome> step, Consumer<ApprovalOutcome> then) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return step.get();
            } finally {
                if (login != null) {
                    login.wipe();
                }
            }
        }).exceptionally(e -> new ApprovalOutcome.Refused(String.valueOf(e.getMessage())))
                .thenAcceptAsync(then, FxExecutor.INSTANCE);
    }

    private static <T extends TextField> T field(T field, String id, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static void show(Window owner, String id, String title, VBox content, ButtonType ok, Runnable onOk) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().setId(id);
        d.initModality(Modality.NONE);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnHidden(e -> {
            if (d.getResult() == ok) {
                onOk.run();
            }
        });
        d.show();
    }
}
