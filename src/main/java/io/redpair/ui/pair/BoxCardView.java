package io.redpair.ui.pair;

import io.redpair.ui.PairBadge;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * One box card: name and role, condition with icon, the measurements, and a latency sparkline. Compact so the
 * timeline below keeps its room at 1280×800: short captions, two short facts share a line, and every value
 * wraps instead of ending in an ellipsis ("… · differs from B" must stay readable). Fact rows are HBoxes, not
 * a GridPane: a GridPane sizes rows from unwrapped widths and cuts wrapped labels. Full texts are in tooltips.
 */
public final class BoxCardView {

    /** The detail (the probe's own words) may be long; two lines on the card, the rest in its tooltip. */
    private static final int DETAIL_LINES = 2;

    private final VBox root = new VBox(4);
    private final Label title = new Label();
    private final Label role = new Label();
    private final Label condition = new Label();
    private final Tooltip conditionTip = new Tooltip();
    private final Label detail = new Label();
    private final Label url = new Label();
    private final Label latency = value("Probe latency");
    private final Label heartbeat = value("Last heartbeat");
    private final Label phi = value("Suspicion (phi)");
    private final Label version = value("Node-RED version");
    private final Label flowsRev = value("Flows revision");
    private final Sparkline sparkline = new Sparkline(260, 30);

    private List<PairHistory.Sample> history = List.of();
    private PairBadge.Level level;
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
        detail.getStyleClass().addAll("text-muted", "card-detail");
        detail.setWrapText(true);
        detail.setTooltip(new Tooltip());
        url.getStyleClass().addAll("text-muted", "card-url");
        url.setTooltip(new Tooltip());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, role);
        head.setAlignment(Pos.CENTER_LEFT);
        latency.setId(id + "-latency");
        heartbeat.setId(id + "-heartbeat");
        version.setId(id + "-version");
        flowsRev.setId(id + "-rev");
        flowsRev.getStyleClass().add("card-rev");
        version.getStyleClass().add("card-rev");
        phi.setMinWidth(Region.USE_PREF_SIZE);
        VBox facts = new VBox(3,
                row(caption("Node-RED"), version, caption("Phi"), phi),
                row(caption("Flows"), flowsRev),
                row(caption("Latency"), latency),
                row(caption("Heartbeat"), heartbeat));
        root.getChildren().addAll(head, condition, detail, url, facts, sparkline);
        HBox.setHgrow(root, Priority.ALWAYS);
        root.setMinWidth(260);
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
        setText(detail, card.detail());
        detail.setMaxHeight(DETAIL_LINES * detail.getFont().getSize() * 1.4);
        setText(url, card.url());
        setText(latency, card.latency());
        setText(heartbeat, card.heartbeatAge());
        setText(phi, card.phi());
        setText(version, card.version());
        setText(flowsRev, card.flowsRev());
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

    /** The label's text and its tooltip (long caption: full text), set only on change. */
    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
            String longCaption = (String) label.getProperties().get("caption");
            label.getTooltip().setText(longCaption == null ? text : longCaption + ": " + text);
        }
    }

    /** A warning icon and the warning colour on a fact line; a new graphic re-runs CSS, so only on change. */
    private static void warnIf(Label line, PairBadge.Level level) {
        line.setGraphic(level == PairBadge.Level.WARNING ? LevelIcons.icon(level, "card-rev-icon") : null);
        LevelIcons.restyle(line.getStyleClass(), level);
    }

    /** One line of facts: caption, value[, caption, value]; values take the room left and wrap in it. */
    private static HBox row(Node... captionsAndValues) {
        HBox row = new HBox(8, captionsAndValues);
        row.setAlignment(Pos.TOP_LEFT);
        captionsAndValues[0].getStyleClass().add("card-caption-lead"); // one width: the values line up
        HBox.setHgrow(captionsAndValues[1], Priority.ALWAYS); // a second fact sits at the right end
        return row;
    }

    private static Label value(String longCaption) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setTooltip(new Tooltip());
        l.getProperties().put("caption", longCaption);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("text-muted", "card-caption");
        l.setMinWidth(Region.USE_PREF_SIZE); // the value shrinks first: a caption cut to "Heart..." says nothing
        return l;
    }
}
