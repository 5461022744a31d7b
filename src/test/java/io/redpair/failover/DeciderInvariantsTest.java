package io.redpair.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.PairCommand.FenceBox;
import io.redpair.failover.PairCommand.PersistEpoch;
import io.redpair.failover.PairCommand.SelectOutput;
import io.redpair.failover.PairCommand.StartFlows;
import io.redpair.failover.PairCommand.StopFlows;
import io.redpair.failover.PairEvent.ArbiterEpochRejected;
import io.redpair.failover.PairEvent.ArbiterObserved;
import io.redpair.failover.PairEvent.BoxObserved;
import io.redpair.failover.PairEvent.CommandCompleted;
import io.redpair.failover.PairEvent.OperatorConfirmedOff;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style test: random event sequences (observations, ticks, completions of outstanding
 * commands, operator requests, arbiter reports and E05 refusals, under both fencing policies) with a fake clock, checking the safety invariants after every step. A
 * failure names the seed and prints the whole trace, so it can be replayed.
 */
class DeciderInvariantsTest {

    private static final int EVENTS_PER_RUN = 120;

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void safetyInvariantsHoldForRandomEventSequences(long seed) {
        new Run(seed).execute();
    }

    /** One random run and the test's own model of which boxes are confirmed not running. */
    private static final class Run {
        private final Random random;
        private final long seed;
        private final Decider decider;
        private final Map<BoxId, Boolean> confirmedOff = new EnumMap<>(Map.of(BoxId.A, false, BoxId.B, false));
        private final List<PairCommand> outstanding = new ArrayList<>();
        private final StringBuilder trace = new StringBuilder();
        private PairState state;
        private long now;
        private long persisted;
        private final Policy.Fencing fencing;
        private boolean linkUp;
        /** The last SelectOutput confirmed by the relay feedback (box and epoch), else null. */
        private SelectOutput selectedOk;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            fencing = random.nextBoolean() ? Policy.Fencing.ARBITER : Policy.Fencing.API_ONLY;
            Policy policy = new Policy(250, 4, random.nextBoolean() || random.nextBoolean(), random.nextInt(3) * 30,
                    3000, fencing);
            this.decider = new Decider("p", policy, random.nextBoolean() ? BoxId.A : BoxId.B);
            this.persisted = random.nextInt(5);
            this.state = decider.initial(persisted, random.nextBoolean() ? null : BoxId.values()[random.nextInt(2)], 0);
        }

        void execute() {
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                now += random.nextInt(4) == 0 ? random.nextInt(5000) * 1_000_000L : random.nextInt(300) * 1_000_000L;
                PairEvent event = nextEvent();
                updateModel(event);
                Step step = decider.step(state, event, now);
                trace.append(now / 1_000_000).append(" ms ").append(event).append('\n')
                        .append(TranscriptDriver.render(step));
                check(event, step);
                state = step.state();
            }
        }

        private PairEvent nextEvent() {
            int kind = random.nextInt(20);
            BoxId box = BoxId.values()[random.nextInt(2)];
            if (kind < 9) {
                BoxCondition c = BoxCondition.values()[random.nextInt(BoxCondition.values().length)];
                return new BoxObserved(box, c, "");
            } else if (kind < 12 && !outstanding.isEmpty()) {
                PairCommand c = outstanding.remove(random.nextInt(outstanding.size()));
                return new CommandCompleted(c, random.nextInt(4) > 0, "");
            } else if (kind < 15) {
                return new PairEvent.Tick();
            } else if (kind == 15) {
                return new PairEvent.SwitchoverRequested(random.nextBoolean() ? null : box, "u");
            } else if (kind == 16) {
                return new OperatorConfirmedOff(box, "u", "");
            } else if (kind == 17) {
                return new PairEvent.MaintenanceRequested(now + random.nextInt(10_000) * 1_000_000L, "u");
            } else if (kind == 18) {
                return new PairEvent.MaintenanceEnded("u");
            }
            return arbiterEvent(box);
        }

        private PairEvent arbiterEvent(BoxId box) {
            List<PairCommand> arbiterCommands = outstanding.stream()
                    .filter(c -> c instanceof FenceBox || c instanceof SelectOutput).toList();
            if (!arbiterCommands.isEmpty() && random.nextInt(4) == 0) {
                PairCommand c = arbiterCommands.get(random.nextInt(arbiterCommands.size()));
                outstanding.remove(c);
                return new ArbiterEpochRejected(c, persisted + random.nextInt(3));
            }
            return new ArbiterObserved(new ArbiterView(random.nextInt(3) > 0, random.nextBoolean(), random.nextBoolean(),
                    random.nextInt(3000), random.nextInt(3000), random.nextBoolean() ? box : null, random.nextBoolean(),
                    random.nextBoolean(), persisted + random.nextInt(3) - 1));
        }

        /** What the test itself knows, independent of the decider, before the decider sees the event. */
        private void updateModel(PairEvent event) {
            if (event instanceof BoxObserved o && o.condition().confirmedNotRunning()) {
                confirmedOff.put(o.box(), true);
            } else if (event instanceof BoxObserved o && o.condition().mayRunFlows()) {
                confirmedOff.put(o.box(), false);
            } else if (event instanceof CommandCompleted c && c.command() instanceof StopFlows s && c.ok()) {
                confirmedOff.put(s.box(), true);
            } else if (event instanceof CommandCompleted c && c.command() instanceof StartFlows s && c.ok()) {
                confirmedOff.put(s.box(), false);
            } else if (event instanceof CommandCompleted c && c.command() instanceof FenceBox f && c.ok()) {
                confirmedOff.put(f.box(), true);
            } else if (event instanceof CommandCompleted c && c.command() instanceof SelectOutput sel && c.ok()) {
                selectedOk = sel;
            } else if (event instanceof ArbiterObserved a) {
                linkUp = a.view().linkUp();
            } else if (event instanceof OperatorConfirmedOff o && state.condition(o.box()) != BoxCondition.RUNNING_FLOWS) {
                confirmedOff.put(o.box(), true);
            }
        }

        private void check(PairEvent event, Step step) {
            String where = "seed " + seed + ", trace:\n" + trace;
            List<PairCommand> commands = step.commands();
            assertThat(step.state().epoch()).as(where).isGreaterThanOrEqualTo(state.epoch());
            for (int i = 0; i < commands.size(); i++) {
                PairCommand c = commands.get(i);
                if (c instanceof PersistEpoch p) {
                    assertThat(i).as("PersistEpoch first; " + where).isZero();
                    assertThat(p.epoch()).as(where).isGreaterThan(persisted);
                    persisted = p.epoch();
                } else if (c instanceof FenceBox || c instanceof SelectOutput) {
                    assertThat(fencing).as("arbiter commands only under fencing=ARBITER; " + where)
                            .isEqualTo(Policy.Fencing.ARBITER);
                    assertThat(linkUp).as("no arbiter command while the link is down; " + where).isTrue();
                    outstanding.add(c);
                } else if (c instanceof StartFlows s) {
                    assertThat(s.epoch()).as("start carries a persisted epoch; " + where).isEqualTo(persisted);
                    if (fencing == Policy.Fencing.ARBITER) {
                        assertThat(selectedOk).as("StartFlows " + s.box() + " before its outputs were selected; " + where)
                                .isEqualTo(new SelectOutput(s.box(), s.epoch()));
                    }
                    assertThat(confirmedOff.get(s.box().other()))
                            .as("StartFlows " + s.box() + " while the other is not confirmed stopped; " + where).isTrue();
                    confirmedOff.put(s.box(), false);
                    outstanding.add(c);
                } else if (c instanceof StopFlows s) {
                    assertThat(s.epoch()).as("stop carries a persisted epoch; " + where).isLessThanOrEqualTo(persisted);
                    outstanding.add(c);
                }
            }
            assertThat(commands.stream().filter(c -> c instanceof StartFlows).count()).as(where).isLessThanOrEqualTo(1);
            if (event instanceof BoxObserved o && o.condition() == BoxCondition.UNKNOWN) {
                assertThat(commands).as("UNKNOWN never causes a command on a box; " + where)
                        .noneMatch(c -> c instanceof StartFlows || c instanceof StopFlows);
            }
            checkState(step.state(), where);
        }

        private void checkState(PairState s, String where) {
            assertThat(s.step() == FailoverStep.NONE).as(where).isEqualTo(s.target() == null);
            assertThat(s.reason()).as(where).isNotBlank();
            if (s.mode() == Mode.PROTECTED) {
                assertThat(s.condition(s.active())).as(where).isEqualTo(BoxCondition.RUNNING_FLOWS);
                assertThat(s.condition(s.spare())).as(where).isEqualTo(BoxCondition.STANDBY_READY);
            }
            if (s.step() != FailoverStep.NONE) {
                assertThat(s.mode()).as(where).isIn(Mode.FAILING_OVER, Mode.SWITCHING_OVER, Mode.STARTING);
            }
        }
    }
}
