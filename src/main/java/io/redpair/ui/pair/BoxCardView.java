package io.redpair.ui.pair;

import java.util.List;
import io.redpair.ui.PairBadge;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One box card: name and role, condition with icon, the measurements, and a latency sparkline. */
public final class BoxCardView {

    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label role = new Label();
    private final Label condition = new Label();
    private final javafx.scene.control.Tooltip conditionTip = new javafx.scene.control.Tooltip();
    private final Label detail = new Label();
    private final Label url = new Label();
    private final Label latency = new Label();
    private final Label heartbeat = new Label();
    private final Label phi = new Label();
    private final Label version = new Label();
    private final Label flowsRev = new Label();
    private final Sparkline sparkline = new Sparkline(260, 36);

    private List<PairHistory.Sample> history = List.of();
    private io.redpair.ui.PairBadge.Level level;
    private PairBadge.Level revLevel;
    private PairBadge.Level versionLevel;

    public BoxCardView(String id) {
        root.setId(id);
        root.getStyleClass().add("box-card");
        title.getStyleClass().add("card-title");
        role.getStyleClass().add("card-role");
        role.setId(id + "-role");
        condition.getStyleClass().add("card-condition");
        condition.setId(id + "-condition");
        condition.setWrapText(true); // "Standing by (flows stopped, ready)" must never end in an ellipsis
        condition.setMinHeight(Region.USE_PREF_SIZE);
        condition.setTooltip(conditionTip);
        detail.getStyleClass().add("text-muted");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        url.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, role);
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.addRow(0, caption("Node-RED"), version);
        facts.addRow(1, caption("Flows revision"), flowsRev);
        facts.addRow(2, caption("Probe latency"), latency);
        facts.addRow(3, caption("Last heartbeat"), heartbeat);
        facts.addRow(4, caption("Suspicion (phi)"), phi);
        latency.setId(id + "-latency");
        heartbeat.setId(id + "-heartbeat");
        version.setId(id + "-version");
        flowsRev.setId(id + "-rev");
        flowsRev.getStyleClass().add("card-rev");
        version.getStyleClass().add("card-rev");
        flowsRev.setWrapText(true); // on a narrow window "… · differs from B" wraps, never cut to "differs fro..."
        flowsRev.setMinHeight(Region.USE_PREF_SIZE);
        root.getChildren().addAll(head, condition, detail, url, facts, sparkline);
        HBox.setHgrow(root, Priority.ALWAYS);
        root.setMinWidth(280);
        root.setMaxWidth(Double.MAX_VALUE);
        sparkline.widthProperty().bind(root.widthProperty().subtract(30));
        sparkline.widthProperty().addListener((o, a, b) -> sparkline.draw(history, Color.web("#0969da")));
    }

    public Parent root() {
        return root;
    }

    public void show(BoxCard card, List<PairHistory.Sample> history) {
        title.setText(card.title());
        role.setText(card.role());
        condition.setText(card.condition());
        conditionTip.setText(card.condition() + "\n" + card.detail());
        if (card.level() != level) { // a new icon and style class re-run CSS: only when the level changes
            level = card.level();
            condition.setGraphic(LevelIcons.icon(card.level(), "card-condition-icon"));
            LevelIcons.restyle(condition.getStyleClass(), card.level());
        }
        detail.setText(card.detail());
        url.setText(card.url());
        latency.setText(card.latency());
        heartbeat.setText(card.heartbeatAge());
        phi.setText(card.phi());
        version.setText(card.version());
        flowsRev.setText(card.flowsRev());
        if (card.revLevel() != revLevel) {
            revLevel = card.revLevel();
            warnIf(flowsRev, revLevel);
        }
        if (card.versionLevel() != versionLevel) {
            versionLevel = card.versionLevel();
            warnIf(version, versionLevel);
        }
        this.history = history;
        sparkline.draw(history, Color.web("#0969da"));
    }

    /** A warning icon and the warning colour on a fact line; a new graphic re-runs CSS, so only on change. */
    private static void warnIf(Label line, PairBadge.Level level) {
        line.setGraphic(level == PairBadge.Level.WARNING ? LevelIcons.icon(level, "card-rev-icon") : null);
        LevelIcons.restyle(line.getStyleClass(), level);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setMinWidth(Region.USE_PREF_SIZE); // the value shrinks first: a caption cut to "Probe lat..." says nothing
        return l;
    }
}
