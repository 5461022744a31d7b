package io.redpair.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.StepResult;
import io.redpair.ui.fake.FakePushPort;
import io.redpair.ui.push.PushWizardModel.Page;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wizard's pages and gates, driven as the window drives them, without the toolkit. */
class PushWizardModelTest {

    private final FakePushPort port = PushFixtures.port();
    private final PushWizardModel model = new PushWizardModel("line-1", "Press line 1", false);

    private void loadAndPlan() {
        model.setSourceSpec("/plant/exports/line-control.json");
        model.busy("reading");
        model.loaded(PushFixtures.edited(), FlowLinter.lint(PushFixtures.edited(), ContextStores.unknown()));
        model.planned(port.planPush("line-1", PushFixtures.edited()));
    }

    @Test
    void theSourcePageNeedsAFileOrUrlAndNothingRunsWhileBusy() {
        assertThat(model.page()).isEqualTo(Page.SOURCE);
        assertThat(model.mainEnabled()).isFalse();
        model.setSourceSpec("  /plant/flows.json ");
        assertThat(model.sourceSpec()).isEqualTo("/plant/flows.json");
        assertThat(model.mainEnabled()).isTrue();
        model.busy("reading");
        assertThat(model.mainEnabled()).isFalse();
        assertThat(model.back()).isEmpty();
    }

    @Test
    void aBoxThatCannotBeReadLeavesTheLintToReadAndOffersToTryAgain() {
        model.setSourceSpec("/plant/exports/line-control.json");
        model.loaded(PushFixtures.edited(), FlowLinter.lint(PushFixtures.edited(), ContextStores.unknown()));
        model.planned(null);
        model.failed("Cannot plan the push: box B: cannot read its flow state: connection refused");
        assertThat(model.page()).isEqualTo(Page.LINT);
        assertThat(model.lintRows()).isNotEmpty();
        assertThat(model.mainLabel()).isEqualTo("Read the boxes again");
        assertThat(model.mainEnabled()).isTrue();
    }

    @Test
    void thePushStartsOnlyWithThePairIdTypedAndThenThereIsNoWayBack() throws Exception {
        loadAndPlan();
        assertThat(model.mainLabel()).isEqualTo("Show changes");
        model.goTo(Page.DIFF);
        assertThat(model.boxChanges()).hasSize(2);
        model.goTo(Page.PLAN);
        assertThat(model.back()).contains(Page.DIFF);
        assertThat(model.confirmProblem()).contains("Type the pair id (line-1) to confirm");
        model.setTyped("line-2");
        assertThat(model.mainEnabled()).isFalse();
        model.setTyped(" line-1 ");
        assertThat(model.mainEnabled()).isTrue();
        assertThat(model.mainLabel()).isEqualTo("Push to line-1");
        model.started();
        assertThat(model.page()).isEqualTo(Page.PROGRESS);
        assertThat(model.back()).isEmpty();
        assertThat(model.mainEnabled()).isFalse();
        PushResult r = model.plannedPush().execute(PlanText.Method.IN_PLACE, new io.redpair.flows.push.PushProgress() {
            @Override
            public void stepStarting(io.redpair.flows.push.PushStep step) {
                model.log().starting(step);
            }

            @Override
            public void stepFinished(StepResult result) {
                model.log().finished(result);
            }
        });
        assertThat(model.log().lines()).hasSize(2).allMatch(l -> l.contains("deployed"));
        model.finished(r, Optional.empty());
        assertThat(model.page()).isEqualTo(Page.RESULT);
        assertThat(model.outcome()).hasValueSatisfying(o -> assertThat(o.completed()).isTrue());
    }

    @Test
    void nothingToPushIsSaidAndCannotBeConfirmed() {
        model.setSourceSpec("/plant/flows.json");
        model.loaded(PushFixtures.onBoxes(), FlowLinter.lint(PushFixtures.onBoxes(), ContextStores.unknown()));
        model.planned(port.planPush("line-1", PushFixtures.onBoxes()));
        model.goTo(Page.PLAN);
        model.setTyped("line-1");
        assertThat(model.confirmProblem()).contains("Nothing to do: both boxes already have the source's flows");
    }

    @Test
    void aRollbackStartsAtThePlanAndHasNoSourcePages() {
        PushWizardModel rollback = new PushWizardModel("line-1", "Press line 1", true);
        assertThat(rollback.page()).isEqualTo(Page.PLAN);
        assertThat(rollback.pages()).containsExactly(Page.PLAN, Page.PROGRESS, Page.RESULT);
        assertThat(rollback.title()).isEqualTo("Roll back Press line 1 (line-1)");
        assertThat(rollback.mainLabel()).isEqualTo("Roll back line-1");
        assertThat(rollback.back()).isEmpty();
    }
}
