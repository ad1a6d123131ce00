package io.gatescope.ui.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Only the latest request's result reaches the UI, however the earlier ones end. */
@ExtendWith(ApplicationExtension.class)
class LatestWinsTest {
    @Test
    void aRunningRequestsResultIsDroppedAndAQueuedOneNeverRuns(FxRobot robot) throws Exception {
        ExecutorService executor = ComputeThread.create();
        try {
            LatestWins lane = new LatestWins(executor);
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            List<String> delivered = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean busyAfterSubmits = new java.util.concurrent.atomic.AtomicBoolean();
            robot.interact(() -> lane.submit(() -> {
                ran.add("slow");
                await(release);
                return "slow";
            }, delivered::add, e -> delivered.add("failed")));
            waitFor(120, TimeUnit.SECONDS, () -> ran.contains("slow"));     // running, so it cannot be skipped
            robot.interact(() -> {
                lane.submit(() -> {
                    ran.add("queued");
                    return "queued";
                }, delivered::add, e -> delivered.add("failed"));
                lane.submit(() -> {
                    ran.add("latest");
                    return "latest";
                }, delivered::add, e -> delivered.add("failed"));
                busyAfterSubmits.set(lane.busyProperty().get());     // read on the FX thread, where it lives
            });
            assertThat(busyAfterSubmits).isTrue();
            release.countDown();
            waitFor(120, TimeUnit.SECONDS, () -> delivered.size() == 1);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(delivered).containsExactly("latest");
            assertThat(ran).containsExactly("slow", "latest");
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
