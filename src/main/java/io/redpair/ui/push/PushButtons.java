package io.redpair.ui.push;

import io.redpair.supervisor.PairSnapshot;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The pair page's flow buttons: "Push flows" (the wizard), "Roll back" (the last push, confirmed on the plan page
 * with the revisions it returns to) — enabled from {@link PushAvailability}, a disabled button's tooltip says why —
 * and "Lint flows", always available (it only reads a file).
 */
public final class PushButtons {

    private final Button push = button("action-push", "Push flows", Material2AL.CLOUD_UPLOAD);
    private final Button rollback = button("action-rollback", "Roll back", Material2MZ.RESTORE);
    private final Button lint = button("action-lint", "Lint flows", Material2MZ.RULE);
    private PairSnapshot shown;
    private final boolean readOnly;

    /**
     * @param window where the dialogs belong (may answer null before the page is shown)
     * @param report the status bar
     */
    public PushButtons(PushPort port, String pairName, boolean readOnly, SwitchoverApproval approval, Executor fx,
                       Consumer<String> report, java.util.function.Supplier<Window> window) {
        this.readOnly = readOnly;
        push.setOnAction(e -> PushWizard.open(window.get(), port, shown.pairId(), pairName, false, this::availability,
                approval, fx, report));
        rollback.setOnAction(e -> PushWizard.open(window.get(), port, shown.pairId(), pairName, true,
                this::availability, approval, fx, report));
        lint.setOnAction(e -> LintWindow.open(window.get(), port, fx));
        lint.setTooltip(new Tooltip("Open a flows file and see what would misbehave on a takeover"));
        update(null);
    }

    public List<Node> nodes() {
        return List.of(push, rollback, lint);
    }

    /** JavaFX thread, on every snapshot of the shown pair. */
    public void update(PairSnapshot p) {
        shown = p;
        PushAvailability a = availability();
        boolean drift = p != null && p.drift().differs();
        enable(push, a, drift ? p.drift().words() + ": push one flow set to both boxes, the"
                + " spare first" : "Lint, compare and push flows to both boxes, the spare first");
        enable(rollback, a, "Return both boxes to the flows they had before the last push");
    }

    private PushAvailability availability() {
        return readOnly ? new PushAvailability(false, "this console only observes the site (read-only); push from the"
                + " console that supervises it, or with redpair push") : PushAvailability.of(shown);
    }

    private static void enable(Button b, PushAvailability a, String what) {
        b.setDisable(!a.allowed());
        b.setTooltip(new Tooltip(a.allowed() ? what : a.whyNot()));
    }

    private static Button button(String id, String text, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        return b;
    }
}
