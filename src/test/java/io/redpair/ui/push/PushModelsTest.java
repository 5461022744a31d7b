package io.redpair.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.StepResult;
import io.redpair.nodered.DeployType;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import io.redpair.ui.fake.Snapshots;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The push wizard's pure pieces: availability, links, lint rows, changes per box, plan words, outcome. */
class PushModelsTest {

    private static final Map<BoxId, Role> ROLES = Map.of(BoxId.A, Role.ACTIVE, BoxId.B, Role.STANDBY);

    private static PushPlan plan() {
        return PushPlan.of(PushFixtures.edited(), ROLES, Map.of(BoxId.A, PushFixtures.onBoxes(), BoxId.B, PushFixtures.onBoxes()));
    }

    @Test
    void aPushIsOfferedOnlyWhenNoTakeoverOrOperatorIsPendingAndSomethingDecides() {
        assertThat(PushAvailability.of(Snapshots.protectedPair("p", "P", List.of())).allowed()).isTrue();
        assertThat(PushAvailability.of(Snapshots.failingOver("p", "P", List.of())).whyNot()).startsWith("not during a takeover");
        assertThat(PushAvailability.of(Snapshots.operatorNeeded("p", "P", List.of())).whyNot()).startsWith("an operator is needed");
        assertThat(PushAvailability.of(null).whyNot()).contains("read-only");
    }

    @Test
    void nodeLinksPointAtAnEditorThatHasTheNode() {
        NodeLinks fromFile = NodeLinks.of("/x/flows.json", List.of(
                new NodeLinks.Editor(URI.create("http://10.20.1.11:1880/admin"), PushFixtures.onBoxes())));
        assertThat(fromFile.forNode("fn1")).contains(URI.create("http://10.20.1.11:1880/admin/#node/fn1"));
        assertThat(fromFile.forNode("dly1")).isEmpty(); // only in the file: no editor has it yet
        assertThat(NodeLinks.of("http://dev:1880/", List.of()).forNode("dly1")).contains(URI.create("http://dev:1880/#node/dly1"));
    }

    @Test
    void lintRowsNameTabNodeAndIdAndExplainTheFinding() {
        LintReport report = FlowLinter.lint(PushFixtures.edited(), ContextStores.unknown());
        List<LintRow> rows = LintRow.of(report, NodeLinks.of("/x.json", List.of(
                new NodeLinks.Editor(URI.create("http://a:1880/"), PushFixtures.onBoxes()))));
        assertThat(rows).extracting(LintRow::id).contains("inj1", "dly1");
        LintRow tick = rows.stream().filter(r -> r.id().equals("inj1")).findFirst().orElseThrow();
        assertThat(tick.tab()).isEqualTo("tab Line control");
        assertThat(tick.node()).isEqualTo("Tick");
        assertThat(tick.link()).isEqualTo(URI.create("http://a:1880/#node/inj1"));
        assertThat(tick.explanation()).contains("What to do:");
        assertThat(LintRow.counts(report)).matches("\\d+ errors?, \\d+ warnings?, \\d+ info");
    }

    @Test
    void changesAreGroupedByTabWithTheChangedPropertiesPerBox() {
        List<BoxChanges> boxes = BoxChanges.of(plan().steps());
        assertThat(boxes).extracting(BoxChanges::box).containsExactly(BoxId.B, BoxId.A);
        BoxChanges spare = boxes.get(0);
        assertThat(spare.title()).startsWith("Box B (spare) — rev ");
        assertThat(spare.summary()).isEqualTo("2 added, 1 removed, 2 changed");
        BoxChanges.TabGroup tab = spare.groups().get(0);
        assertThat(tab.tab()).isEqualTo("tab Line control");
        assertThat(tab.rows()).filteredOn(r -> r.id().equals("fn1")).singleElement()
                .satisfies(r -> assertThat(r.properties()).startsWith("func: ").contains("wires: "));
        assertThat(spare.groups()).extracting(BoxChanges.TabGroup::tab).contains("global");
    }

    @Test
    void thePlanSaysTheSpareGoesFirstWhatEachDeployRestartsAndWarnsAboutCredentials() {
        PlanText text = PlanText.of(plan(), "line-1", "Press line 1", false, PlanText.Method.IN_PLACE);
        assertThat(text.headline()).isEqualTo("Push to Press line 1 (line-1): spare B, then active A");
        assertThat(text.steps().get(0)).startsWith("1. Box B (spare): rev ").contains("flows stay stopped");
        assertThat(text.steps().get(1)).startsWith("2. Box A (active): ").contains("in place while it runs");
        assertThat(text.warnings()).hasSize(2).contains(PlanText.CREDENTIALS_NOTE)
                .anyMatch(w -> w.startsWith("boxes A and B: Plant broker (mqtt-broker brk1) is new") && w.contains("no credentials"));
    }

    @Test
    void aPushStoppedHalfWayTellsWhichBoxHasWhatAndWhatToDo() {
        PushPlan plan = plan();
        String from = plan.steps().get(0).fromRev();
        String to = plan.steps().get(0).toRev();
        PushResult result = new PushResult(List.of(new StepResult.Deployed(BoxId.B, Role.STANDBY, from, to, DeployType.NODES, 30),
                new StepResult.Failed(BoxId.A, Role.ACTIVE, "box A: the deploy failed: 413", false, from)));
        PushOutcome outcome = PushOutcome.of(plan, result, Optional.empty(), false);
        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.boxes()).extracting(PushOutcome.BoxLine::before, PushOutcome.BoxLine::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PushResult.shortRev(from), PushResult.shortRev(to)),
                        org.assertj.core.groups.Tuple.tuple(PushResult.shortRev(from), PushResult.shortRev(from)));
        assertThat(outcome.advice()).startsWith("Fix the cause above").contains("different flows").contains("Roll back returns");
        assertThat(outcome.downtimeText()).isEqualTo("No downtime: the active box was not deployed to and kept running its flows.");
        PushOutcome switched = PushOutcome.of(plan, new PushResult(List.of(new StepResult.Unchanged(BoxId.B, to))),
                Optional.of(Duration.ofMillis(312)), false);
        assertThat(switched.downtime()).contains(Duration.ofMillis(312));
        assertThat(switched.advice()).isEmpty();
    }
}
