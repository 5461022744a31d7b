package io.redpair.ui.actions;

import io.redpair.pair.BoxId;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.site.SiteConnection;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's buttons for the shown pair, enabled from {@link PairActions} on every snapshot; a disabled
 * button's tooltip says why. Answers from the supervisor go to {@code report} (the status bar).
 */
public final class ActionsBar {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsBar.class);

    /** Flows onto a second line on a narrow window: a button cut to "Switc..." or "Mainte..." says nothing. */
    private final FlowPane root = new FlowPane(8, 6);
    private final Button switchover = button("action-switchover", "Switch over", Material2MZ.SWAP_HORIZ);
    private final Button maintenance = button("action-maintenance", "Maintenance", Material2AL.BUILD);
    private final Button endMaintenance = button("action-end-maintenance", "End maintenance", Material2MZ.PLAY_ARROW);
    private final Button override = button("action-override", "Operator override", Material2AL.GAVEL);
    private final Button acknowledge = button("action-acknowledge", "Acknowledge alarm", Material2AL.DONE_ALL);
    private final SiteConnection connection;
    private final ConsoleRequests requests;
    private final Consumer<String> report;
    private final DeliberateGate gate;
    private final AlarmAcknowledgement alarms = new AlarmAcknowledgement();
    private PairSnapshot shown;
    private PairActions legal = PairActions.of(null);
    private final java.util.List<Consumer<PairSnapshot>> followers = new java.util.ArrayList<>();

    /** Without a gate every action is disabled (tests of the display only). */
    public ActionsBar(SiteConnection connection, ConsoleRequests requests, Consumer<String> report) {
        this(connection, requests, report, null);
    }

    /**
     * @param gate the site's deliberate-action gate (typed target, two-person rule, audit first); null: this
     *             console may not act (read-only, or no site file to keep approvals and the audit trail beside)
     */
    public ActionsBar(SiteConnection connection, ConsoleRequests requests, Consumer<String> report, DeliberateGate gate) {
        this.connection = connection;
        this.requests = requests;
        this.report = report;
        this.gate = gate;
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("actions-bar");
        root.getChildren().addAll(switchover, maintenance, endMaintenance, override, acknowledge);
        switchover.setOnAction(e -> {
            String pairId = shown.pairId();
            BoxId to = legal.switchoverTarget();
            ActionDialogs.confirmSwitchover(window(), shown.active(), to, connection.site().pair(pairId)
                    .map(p -> p.policy().deadlineMs()).orElse(1000L), () -> deliberate(switchoverKind(pairId, to),
                    pairId + "/" + to, () -> runSwitchover(pairId, to)));
        });
        maintenance.setOnAction(e -> {
            String pairId = shown.pairId();
            ActionDialogs.askMaintenance(window(), d -> deliberate(DeliberateAction.MAINTENANCE, pairId,
                    () -> send(requests.maintenanceOn(pairId, d))));
        });
        endMaintenance.setOnAction(e -> {
            String pairId = shown.pairId();
            deliberate(DeliberateAction.MAINTENANCE, pairId, () -> send(requests.maintenanceOff(pairId)));
        });
        override.setOnAction(e -> {
            String pairId = shown.pairId();
            ActionDialogs.askOverride(window(), shown.active(), reason -> deliberate(DeliberateAction.OPERATOR_OVERRIDE,
                    pairId, () -> send(requests.override(pairId, reason))));
        });
        acknowledge.setOnAction(e -> {
            alarms.acknowledge(shown);
            LOG.info("pair {} alarm acknowledged by {}", shown.pairId(), requests.actor());
            update(shown);
        });
        update(null);
    }

    /** Adds the flow buttons (push, rollback, lint) after the operator actions; they follow every update. */
    public void addFlowButtons(io.redpair.ui.push.PushButtons buttons) {
        root.getChildren().add(new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL));
        root.getChildren().addAll(buttons.nodes());
        followers.add(buttons::update);
        buttons.update(shown);
    }

    /**
     * The deliberate-action gate for a switchover that is part of a push by switchover: the same typed target and
     * two-person rule as the "Switch over" button; {@code go} runs only when approved.
     */
    public void approveSwitchover(String pairId, BoxId to, Runnable go) {
        if (gate == null) {
            report.accept("Not done: this console may not act (read-only, or no site file for the audit trail)");
            return;
        }
        deliberate(switchoverKind(pairId, to), pairId + "/" + to, go);
    }

    /** A switchover back to the pair's preferred box is a failback, and is recorded as one. */
    private DeliberateAction switchoverKind(String pairId, BoxId to) {
        boolean back = connection.site().pair(pairId).map(p -> p.preferred() == to).orElse(false);
        return back ? DeliberateAction.FAILBACK : DeliberateAction.PLANNED_SWITCHOVER;
    }

    private void deliberate(DeliberateAction action, String target, Runnable go) {
        ApprovalDialog.ask(window(), gate, action, target, report, go);
    }

    /** Adds a button that is not an operator action (e.g. "Edit pair") after a gap at the end of the bar. */
    public void addTrailing(javafx.scene.Node node) {
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().addAll(gap, node);
    }

    public Parent root() {
        return root;
    }

    public void update(PairSnapshot p) {
        shown = p;
        legal = connection.readOnly() ? PairActions.unavailable("read-only console: no actions")
                : gate == null ? PairActions.unavailable("no site file to keep the audit trail beside: no actions")
                : PairActions.of(p);
        enable(switchover, legal.switchover(), legal.switchoverWhyNot(),
                legal.switchover() ? "Stop " + p.active() + ", then start " + legal.switchoverTarget() : "");
        enable(maintenance, legal.maintenanceOn(), legal.maintenanceWhyNot(), "Automatic actions off for a while");
        enable(endMaintenance, legal.maintenanceOff(), "not in maintenance", "Automatic actions back on");
        enable(override, legal.override(), legal.overrideWhyNot(),
                legal.override() ? "Confirm " + p.active() + " is off and start " + legal.overrideTarget() : "");
        endMaintenance.setVisible(legal.maintenanceOff());
        endMaintenance.setManaged(legal.maintenanceOff());
        maintenance.setVisible(!legal.maintenanceOff());
        maintenance.setManaged(!legal.maintenanceOff());
        boolean pending = !connection.readOnly() && alarms.pending(p).isPresent();
        enable(acknowledge, pending, "no unacknowledged alarm", "Silence the reminder; the engine is not affected");
        followers.forEach(f -> f.accept(p));
    }

    private void runSwitchover(String pairId, BoxId to) {
        ControlRequest r = requests.switchover(pairId, to);
        SwitchoverProgressDialog.open(window(), connection, pairId);
        send(r);
    }

    private void send(ControlRequest r) {
        report.accept("Sent " + r.op() + " for " + r.pair() + " ...");
        connection.send(r).whenCompleteAsync((answer, failure) -> report.accept(failure != null
                ? r.op() + " failed: " + failure.getMessage()
                : answer.outcome() == ControlResponse.Outcome.OK ? answer.message() : r.op() + " " + answer.message()),
                FxExecutor.INSTANCE);
    }

    /** The window this bar is shown in, null before it is shown. */
    public Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static void enable(Button b, boolean on, String whyNot, String what) {
        b.setDisable(!on);
        b.setTooltip(new Tooltip(on ? what : whyNot));
    }

    private static Button button(String id, String text, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        return b;
    }
}
