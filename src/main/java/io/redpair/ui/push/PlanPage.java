package io.redpair.ui.push;

import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The plan: the order of the boxes and what each deploy restarts, how the active box is changed (in place, or by
 * switchover when available), credential warnings, and the typed pair id that confirms it.
 */
final class PlanPage {

    private final Label headline = new Label();
    private final VBox steps = new VBox(6);
    private final VBox warnings = new VBox(6);
    private final RadioButton inPlace = new RadioButton("In place: deploy to the active box while it runs");
    private final RadioButton bySwitchover = new RadioButton("By switchover: spare first, switch over to it, then the old active");
    private final Label lint = new Label();
    private final Label howLabel = new Label("How the active box gets the new flows:");
    private final TextField confirm = new TextField();
    private final VBox root;

    PlanPage(Consumer<PlanText.Method> onMethod, Consumer<String> onTyped) {
        headline.setId("plan-headline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true);
        steps.setId("plan-steps");
        warnings.setId("plan-warnings");
        ToggleGroup method = new ToggleGroup();
        inPlace.setToggleGroup(method);
        inPlace.setId("plan-in-place");
        bySwitchover.setToggleGroup(method);
        bySwitchover.setId("plan-by-switchover");
        inPlace.setSelected(true);
        method.selectedToggleProperty().addListener((o, a, b) ->
                onMethod.accept(b == bySwitchover ? PlanText.Method.BY_SWITCHOVER : PlanText.Method.IN_PLACE));
        lint.setId("plan-lint");
        confirm.setId("plan-confirm");
        confirm.setMaxWidth(260);
        confirm.textProperty().addListener((o, a, b) -> onTyped.accept(b));
        root = new VBox(10, headline, steps, howLabel, inPlace, bySwitchover,
                warnings, lint, new Label("To confirm, type the pair id:"), confirm);
    }

    void show(PlanText plan, String lintSummary, boolean rollback, java.util.Optional<String> noSwitchover) {
        bySwitchover.setDisable(noSwitchover.isPresent());
        bySwitchover.setTooltip(new Tooltip(noSwitchover.map(w -> "Not for this pair: " + w)
                .orElse("The running flows are never redeployed; the only interruption is the switchover gap, measured")));
        if (noSwitchover.isPresent()) {
            inPlace.setSelected(true);
        }
        headline.setText(plan.headline());
        steps.getChildren().setAll(plan.steps().stream().map(PlanPage::wrapped).toList());
        warnings.getChildren().setAll(plan.warnings().stream().map(w -> {
            Label l = wrapped(w);
            boolean note = w.equals(PlanText.CREDENTIALS_NOTE);
            l.setGraphic(new FontIcon(note ? org.kordamp.ikonli.material2.Material2AL.INFO : Material2MZ.WARNING));
            l.getStyleClass().add(note ? "plan-note" : "plan-warning");
            return l;
        }).toList());
        inPlace.setVisible(!rollback);
        inPlace.setManaged(!rollback);
        bySwitchover.setVisible(!rollback);
        bySwitchover.setManaged(!rollback);
        howLabel.setVisible(!rollback);
        howLabel.setManaged(!rollback);
        lint.setText(lintSummary);
        lint.setManaged(!lintSummary.isEmpty());
        confirm.setPromptText("pair id");
    }

    Parent root() {
        return root;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
