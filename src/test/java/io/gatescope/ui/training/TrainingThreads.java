package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For the window tests: stops a training panel's run as closing the window does, and checks that no
 * thread of it is left. A run left paused (One update) kept its trainer, its data and three threads
 * alive in the test JVM after its test (about 27 MB each), and everything after it ran beside them.
 */
public final class TrainingThreads {
    /** The threads a training run and its panel start: the session's, its looks' and the trainer's shard. */
    private static final Set<String> NAMES = Set.of("gatescope-training", "gatescope-looks", "gatescope-train-shard");

    private TrainingThreads() {
    }

    /** The live threads a training run or panel started. */
    public static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && NAMES.contains(t.getName()))
                .collect(Collectors.toSet());
    }

    /**
     * Stops {@code panel}'s run and its looks (on the FX thread, as closing the window does), then waits
     * until every training thread not in {@code before} has ended, and fails naming any that did not.
     */
    public static void dispose(TrainingPanel panel, Set<Thread> before) throws Exception {
        FxToolkit.setupFixture(() -> panel.session().dispose());
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> before.containsAll(live()));
        } catch (TimeoutException e) {
            // fall through: the assertion names what is left
        }
        Set<Thread> left = live();
        left.removeAll(before);
        assertThat(left).as("training threads left after the test").isEmpty();
    }
}
