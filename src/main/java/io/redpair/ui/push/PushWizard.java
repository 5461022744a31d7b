package io.redpair.ui.push;

import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.SwitchoverReport;
import io.redpair.pair.BoxId;
import io.redpair.flows.push.StepResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push wizard's window and its control: pages from {@link PushWizardModel}, slow work on the wizard's own
 * worker thread, results handed back through {@code fx} (the JavaFX thread). The JavaFX thread never waits.
 * Closing the window during a push does not stop it: the push runs to its end and reports to the status bar.
 */
public final class PushWizard {

    private static final Logger LOG = LoggerFactory.getLogger(PushWizard.class);

    private final PushWizardModel model;
    private final PushPort port;
    private final Supplier<PushAvailability> availability;
    private final SwitchoverApproval approval;
    private final Executor fx;
    private final Consumer<String> report;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redpair-push-wizard");
        t.setDaemon(true);
        return t;
    });
    private final WizardFrame frame;
    private final LintTable lint;
    private final DiffPage diff = new DiffPage();
    private final PlanPage plan;
    private final ListView<String> progress = new ListView<>();
    private final ResultPage result = new ResultPage();
    private final Stage stage = new Stage();

    private PushWizard(PushWizardModel model, PushPort port, Supplier<PushAvailability> availability,
                       SwitchoverApproval approval, Executor fx, Consumer<String> report) {
        this.model = model;
        this.port = port;
        this.availability = availability;
        this.approval = approval;
        this.fx = fx;
        this.report = report;
        this.frame = new WizardFrame(model, this::main, this::back, stage::close);
        this.lint = new LintTable((link, id) -> EditorLinks.open(link, id, frame::note));
        this.plan = new PlanPage(m -> {
            model.setMethod(m);
            refresh();
        }, t -> {
            model.setTyped(t);
            refresh();
        });
        progress.setId("push-progress");
    }

    /**
     * Opens the wizard (JavaFX thread). {@code availability} is asked again right before the push starts: the pair
     * may have started a takeover while the engineer read the plan.
     */
    public static PushWizard open(Window owner, PushPort port, String pairId, String pairName, boolean rollback,
                                  Supplier<PushAvailability> availability, SwitchoverApproval approval, Executor fx,
                                  Consumer<String> report) {
        PushWizard w = new PushWizard(new PushWizardModel(pairId, pairName, rollback), port, availability, approval, fx,
                report);
        w.show(owner);
        if (rollback) {
            w.model.busy("Reading both boxes and the last push's snapshots ...");
            w.later(() -> PushWork.rollback(port, pairId), p -> w.plannedOrFailed(p));
        }
        w.refresh();
        return w;
    }

    private void show(Window owner) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.title());
        Scene scene = new Scene(frame.root(), 1100, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().add(io.redpair.ui.Styles.URL);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            model.closePlanUnlessRunning();
            worker.shutdown();
        });
        stage.show();
    }

    private void main() {
        switch (model.page()) {
            case SOURCE -> {
                String spec = model.sourceSpec();
                model.busy("Reading " + spec + ", checking it and reading both boxes ...");
                later(() -> PushWork.loadAndPlan(port, model.pairId(), spec), this::loaded);
            }
            case LINT -> {
                if (model.plannedPush() != null) {
                    model.goTo(PushWizardModel.Page.DIFF);
                } else {
                    model.busy("Reading both boxes ...");
                    later(() -> PushWork.plan(port, model.pairId(), model.source()), this::plannedOrFailed);
                }
            }
            case DIFF -> model.goTo(PushWizardModel.Page.PLAN);
            case PLAN -> approveThenPush();
            default -> stage.close();
        }
        refresh();
    }

    private void back() {
        model.back().ifPresent(model::goTo);
        refresh();
    }

    private void loaded(PushWork w) {
        if (w.source() == null) {
            model.failed(w.problem());
        } else {
            model.loaded(w.source(), w.lint());
            plannedOrFailed(new PushWork.PlannedOrProblem(w.planned(), w.problem()));
        }
    }

    private void plannedOrFailed(PushWork.PlannedOrProblem p) {
        if (!stage.isShowing()) { // closed while the boxes were read: nothing will use these clients
            if (p.planned() != null) {
                p.planned().close();
            }
            return;
        }
        model.planned(p.planned());
        if (p.planned() == null) {
            model.failed(p.problem());
        }
    }

    /** A push by switchover passes the site's gate first, as the "Switch over" button does. */
    private void approveThenPush() {
        if (!stillAllowed()) {
            return;
        }
        if (model.method() == PlanText.Method.BY_SWITCHOVER && !model.rollback()) {
            BoxId to = model.plannedPush().plan().steps().stream()
                    .filter(s -> s.role() == io.redpair.pair.Role.STANDBY).findFirst().orElseThrow().box();
            approval.approve(model.pairId(), to, () -> {
                if (stillAllowed()) {
                    startPush();
                }
                refresh();
            });
        } else {
            startPush();
        }
    }

    /** Asked again right before the push: the pair may have started a takeover while the engineer read the plan. */
    private boolean stillAllowed() {
        PushAvailability now = availability.get();
        if (!now.allowed()) {
            model.failed("Not now: " + now.whyNot());
        }
        return now.allowed();
    }

    private void startPush() {
        PushPort.PlannedPush planned = model.plannedPush();
        PlanText.Method method = model.method();
        model.started();
        LOG.info("pair {}: {} started from the console ({})", model.pairId(), model.rollback() ? "rollback" : "push", method);
        PushProgress toFx = new PushProgress() {
            @Override
            public void stepStarting(PushStep step) {
                fx.execute(() -> {
                    model.log().starting(step);
                    refresh();
                });
            }

            @Override
            public void stepFinished(StepResult r) {
                fx.execute(() -> {
                    model.log().finished(r);
                    refresh();
                });
            }

            @Override
            public void switchoverStarting(BoxId from, BoxId to) {
                fx.execute(() -> {
                    model.log().switchoverStarting(from, to);
                    refresh();
                });
            }

            @Override
            public void switchoverFinished(SwitchoverReport report) {
                fx.execute(() -> {
                    model.log().switchover(report);
                    refresh();
                });
            }
        };
        CompletableFuture.supplyAsync(() -> {
            try {
                return planned.execute(method, toFx);
            } catch (java.io.IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, worker).whenCompleteAsync((r, failure) -> pushed(r, failure), fx);
    }

    private void pushed(PushResult r, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            model.failed("The push could not start, nothing was deployed: " + cause.getMessage());
            report.accept(model.title() + ": not started: " + cause.getMessage());
        } else {
            model.finished(r, r.switchoverReport().flatMap(SwitchoverReport::shownDowntime));
            report.accept(model.title() + ": " + r.summary());
        }
        model.closePlan();
        refresh();
    }

    private <T> void later(Supplier<T> work, Consumer<T> then) {
        CompletableFuture.supplyAsync(work, worker).whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                LOG.warn("push wizard step failed", failure);
                model.failed("Unexpected failure: " + failure);
            } else {
                then.accept(value);
            }
            refresh();
        }, fx);
    }

    private void refresh() {
        frame.refresh(page());
        if (stage.getScene() != null) {
            stage.setTitle(model.title());
        }
    }

    private Parent page() {
        switch (model.page()) {
            case SOURCE:
                return frame.sourcePane();
            case LINT:
                lint.show(model.lint() == null ? "" : LintRow.counts(model.lint()), model.lintRows());
                return lint.root();
            case DIFF:
                diff.show(model.boxChanges());
                return diff.root();
            case PLAN:
                model.planText().ifPresent(t -> plan.show(t, lintSummary(), model.rollback(),
                        model.plannedPush().bySwitchoverUnavailable()));
                return plan.root();
            case PROGRESS:
                progress.getItems().setAll(model.log().lines());
                return progress;
            default:
                model.outcome().ifPresent(o -> result.show(o, model.log().lines()));
                return result.root();
        }
    }

    private String lintSummary() {
        return model.lint() == null ? "" : "Lint: " + LintRow.counts(model.lint())
                + " (see the Lint page: these nodes may lose state or repeat actions on a takeover)";
    }

    /** For tests: the model behind the window. */
    PushWizardModel model() {
        return model;
    }
}
