package io.redpair.failover;

import io.redpair.failover.PairCommand.FenceBox;
import io.redpair.failover.PairCommand.PersistEpoch;
import io.redpair.failover.PairCommand.RaiseAlarm;
import io.redpair.failover.PairCommand.RecordNote;
import io.redpair.failover.PairCommand.SelectOutput;
import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.failover.PairEvent.BoxObserved;
import io.redpair.pair.BoxId;
import java.util.ArrayList;
import java.util.List;

/**
 * The work area of one {@link Decider#step} call: the evolving state and the commands in order. Lives
 * only for one step, on one thread. Guarantees by construction that a new epoch's PersistEpoch is the
 * first command and that Start/Stop carry the state's current epoch.
 */
final class Decision {

    private PairState state;
    private final List<PairCommand> commands = new ArrayList<>();
    private final PairEvent event;
    private final long now;

    Decision(PairState state, PairEvent event, long now) {
        this.state = state;
        this.event = event;
        this.now = now;
    }

    PairState state() {
        return state;
    }

    void set(PairState next) {
        state = next;
    }

    long now() {
        return now;
    }

    PairEvent event() {
        return event;
    }

    /** "A is down (connection refused: 4 heartbeats missed (1.0 s))", with the detail when the event is about this box. */
    String describe(BoxId box) {
        String words = box + " is " + Words.condition(state.condition(box));
        if (event instanceof BoxObserved o && o.box() == box && !o.detail().isBlank()) {
            return words + " (" + o.detail() + ")";
        }
        return words;
    }

    /** Increments the epoch; its PersistEpoch goes first, before any command of this step. */
    long newEpoch(String reason) {
        long epoch = state.epoch() + 1;
        state = state.withEpoch(epoch);
        commands.add(0, new PersistEpoch(epoch, reason));
        return epoch;
    }

    /**
     * Takes over a newer epoch reported by the arbiter (E05: another console acted); persisted first so the
     * journal and the arbiter stay in step. A lower or equal epoch changes nothing.
     */
    void adoptEpoch(long epoch, String reason) {
        if (epoch > state.epoch()) {
            state = state.withEpoch(epoch);
            commands.add(0, new PersistEpoch(epoch, reason));
        }
    }

    void fence(BoxId box) {
        commands.add(new FenceBox(box, state.epoch()));
    }

    void select(BoxId box) {
        commands.add(new SelectOutput(box, state.epoch()));
    }

    void stopFlows(BoxId box) {
        commands.add(new StopFlows(box, state.epoch()));
        state = state.withStopping(box, true);
    }

    void startFlows(BoxId box) {
        commands.add(new StartFlows(box, state.epoch()));
    }

    void alarm(String text) {
        commands.add(new RaiseAlarm(text));
    }

    void note(String type, String text) {
        commands.add(new RecordNote(type, text));
    }

    /** Enters a mode with a reason; a note is recorded only when the mode really changes. */
    void enter(Mode mode, BoxId active, String reason, String noteType) {
        boolean changed = state.mode() != mode || state.active() != active;
        state = state.enter(mode, active, reason, now);
        if (changed && noteType != null) {
            note(noteType, reason);
        }
    }

    Step toStep() {
        return new Step(state, commands);
    }
}
