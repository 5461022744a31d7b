package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The push wizard's state: which page is shown, what has been read, and what the buttons may do. A push goes
 * source → lint → changes per box → plan → progress → result; a rollback starts at the plan (made from the last
 * push's snapshots). Slow work (reading flows, planning, pushing) is done elsewhere and reported back through
 * {@link #busy}, {@link #loaded}, {@link #planned}, {@link #failed} and {@link #finished}. Pure: tested without
 * the toolkit.
 *
 * <p>Invariants: the push can only start from the plan page, with a plan that changes something, the pair id
 * typed exactly and no work in progress; once started there is no way back (the result page tells what happened).
 */
public final class PushWizardModel {

    /** The wizard's pages, in order. */
    public enum Page {
        SOURCE("Source"), LINT("Lint"), DIFF("Changes per box"), PLAN("Plan"), PROGRESS("Progress"), RESULT("Result");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final String pairId;
    private final String pairName;
    private final boolean rollback;
    private Page page;
    private String sourceSpec = "";
    private FlowSet source;
    private LintReport lint;
    private PushPort.PlannedPush planned;
    private String busy;
    private String problem = "";
    private String typed = "";
    private PlanText.Method method = PlanText.Method.IN_PLACE;
    private final ProgressLog log = new ProgressLog();
    private PushOutcome outcome;

    public PushWizardModel(String pairId, String pairName, boolean rollback) {
        this.pairId = pairId;
        this.pairName = pairName;
        this.rollback = rollback;
        this.page = rollback ? Page.PLAN : Page.SOURCE;
    }

    public String title() {
        return (rollback ? "Roll back " : "Push flows to ") + pairName + " (" + pairId + ")";
    }

    /** The pages this wizard walks through (a rollback has no source, lint or diff). */
    public List<Page> pages() {
        return rollback ? List.of(Page.PLAN, Page.PROGRESS, Page.RESULT) : List.of(Page.values());
    }

    public void setSourceSpec(String spec) {
        sourceSpec = spec == null ? "" : spec.strip();
        problem = "";
    }

    public void setTyped(String text) {
        typed = text == null ? "" : text.strip();
    }

    public void setMethod(PlanText.Method m) {
        method = m;
    }

    /** Work started: buttons are disabled until it is reported back. */
    public void busy(String what) {
        busy = what;
        problem = "";
    }

    /** The source was read and linted; the boxes may not have been ({@code planned} null with a problem). */
    public void loaded(FlowSet flows, LintReport report) {
        source = flows;
        lint = report;
        page = Page.LINT;
    }

    public void planned(PushPort.PlannedPush p) {
        closePlan();
        planned = p;
        busy = null;
        if (page == Page.LINT && p != null) {
            problem = "";
        }
    }

    /** Work failed; the page stays, the problem is shown, the engineer may retry. */
    public void failed(String why) {
        busy = null;
        problem = why;
    }

    /** The engineer pressed the main button on the diff page, or went back. */
    public void goTo(Page target) {
        page = target;
        problem = "";
    }

    public void started() {
        page = Page.PROGRESS;
        busy = rollback ? "Rolling back ..." : "Pushing ...";
    }

    public void finished(PushResult result, Optional<Duration> downtime) {
        busy = null;
        outcome = PushOutcome.of(planned.plan(), result, downtime, rollback);
        page = Page.RESULT;
    }

    /** Why the main button on the source page cannot run, empty when it can. */
    public Optional<String> sourceProblem() {
        return sourceSpec.isEmpty() ? Optional.of("Choose a flows file or type the admin URL of a Node-RED")
                : Optional.empty();
    }

    /** Why the push cannot start from the plan page, empty when it can. */
    public Optional<String> confirmProblem() {
        if (planned == null) {
            return Optional.of("No plan yet");
        }
        if (!planned.plan().changesAnything()) {
            return Optional.of("Nothing to do: both boxes already have " + (rollback ? "these flows" : "the source's flows"));
        }
        if (!typed.equals(pairId)) {
            return Optional.of("Type the pair id (" + pairId + ") to confirm");
        }
        return Optional.empty();
    }

    public Optional<Page> back() {
        if (busy != null || rollback) {
            return Optional.empty();
        }
        return switch (page) {
            case LINT -> Optional.of(Page.SOURCE);
            case DIFF -> Optional.of(Page.LINT);
            case PLAN -> Optional.of(Page.DIFF);
            default -> Optional.empty();
        };
    }

    /** The main button's words; {@link #mainEnabled} says whether it may be pressed. */
    public String mainLabel() {
        return switch (page) {
            case SOURCE -> "Check flows";
            case LINT -> planned == null ? "Read the boxes again" : "Show changes";
            case DIFF -> "Plan";
            case PLAN -> (rollback ? "Roll back " : "Push to ") + pairId;
            case PROGRESS, RESULT -> "Close";
        };
    }

    public boolean mainEnabled() {
        if (busy != null) {
            return false;
        }
        return switch (page) {
            case SOURCE -> sourceProblem().isEmpty();
            case PLAN -> confirmProblem().isEmpty();
            default -> true;
        };
    }

    public List<LintRow> lintRows() {
        return lint == null ? List.of() : LintRow.of(lint, links());
    }

    public NodeLinks links() {
        return NodeLinks.of(sourceSpec, planned == null ? List.of() : planned.editors());
    }

    public List<BoxChanges> boxChanges() {
        return planned == null ? List.of() : BoxChanges.of(planned.plan().steps());
    }

    public Optional<PlanText> planText() {
        return Optional.ofNullable(planned).map(p -> PlanText.of(p.plan(), pairId, pairName, rollback, method));
    }

    /** Hands the plan to the push (worker thread); null before planning. */
    public PushPort.PlannedPush plannedPush() {
        return planned;
    }

    /** On closing the window: a running push keeps its boxes until it ends (it closes them itself then). */
    public void closePlanUnlessRunning() {
        if (page != Page.PROGRESS || busy == null) {
            closePlan();
        }
    }

    public void closePlan() {
        if (planned != null) {
            planned.close();
            planned = null;
        }
    }

    public Page page() {
        return page;
    }

    public boolean rollback() {
        return rollback;
    }

    public String pairId() {
        return pairId;
    }

    public String sourceSpec() {
        return sourceSpec;
    }

    public FlowSet source() {
        return source;
    }

    public LintReport lint() {
        return lint;
    }

    public Optional<String> busyText() {
        return Optional.ofNullable(busy);
    }

    public String problem() {
        return problem;
    }

    public PlanText.Method method() {
        return method;
    }

    public ProgressLog log() {
        return log;
    }

    public Optional<PushOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
