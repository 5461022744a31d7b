package io.redpair.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Latest-wins delivery, driven by a hand-run executor (no toolkit, no sleeps). */
class CoalescingUpdaterTest {

    /** Stands in for the JavaFX queue: tasks wait until the test runs them. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final ManualExecutor fx = new ManualExecutor();
    private final List<Integer> seen = new ArrayList<>();
    private final CoalescingUpdater<Integer> updater = new CoalescingUpdater<>(fx, seen::add);

    @Test
    void manyUpdatesBeforeTheTargetRunsQueueOneTaskAndDeliverOnlyTheNewest() {
        for (int i = 1; i <= 1000; i++) {
            updater.submit(i);
        }
        assertThat(fx.queued).hasSize(1);
        fx.runAll();
        assertThat(seen).containsExactly(1000);
        assertThat(updater.submittedCount()).isEqualTo(1000);
        assertThat(updater.deliveredCount()).isEqualTo(1);
    }

    @Test
    void anUpdateAfterADeliverySchedulesANewDelivery() {
        updater.submit(1);
        fx.runAll();
        updater.submit(2);
        assertThat(fx.queued).hasSize(1);
        fx.runAll();
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void nothingIsDeliveredWhenNothingWasSubmitted() {
        fx.runAll();
        assertThat(seen).isEmpty();
        assertThat(fx.queued).isEmpty();
    }

    @Test
    void anUpdateSubmittedWhileTheConsumerRunsIsDeliveredNext() {
        List<Integer> order = new ArrayList<>();
        CoalescingUpdater<Integer>[] self = new CoalescingUpdater[1];
        self[0] = new CoalescingUpdater<>(fx, v -> {
            order.add(v);
            if (v == 1) {
                self[0].submit(2); // a snapshot arriving mid-render
            }
        });
        self[0].submit(1);
        fx.runAll();
        assertThat(order).containsExactly(1, 2);
    }

    @Test
    void nullIsRejectedBecauseItMeansNothingPending() {
        assertThatNullPointerException().isThrownBy(() -> updater.submit(null));
    }

    @Test
    void underContentionTheLastValueAlwaysArrivesAndOrderIsKept() throws Exception {
        ExecutorService target = Executors.newSingleThreadExecutor();
        List<Integer> delivered = new ArrayList<>(); // touched only by the target thread
        CoalescingUpdater<Integer> contended = new CoalescingUpdater<>(target, delivered::add);
        int count = 200_000;
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= count; i++) {
                contended.submit(i);
            }
            producerDone.countDown();
        });
        producer.start();
        assertThat(producerDone.await(30, TimeUnit.SECONDS)).isTrue();
        target.shutdown();
        assertThat(target.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(delivered).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(delivered.get(delivered.size() - 1)).isEqualTo(count);
        assertThat(contended.deliveredCount()).isEqualTo(delivered.size()).isLessThanOrEqualTo(count);
    }
}
