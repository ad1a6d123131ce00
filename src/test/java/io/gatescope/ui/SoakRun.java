package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.TrainingSetting;
import io.gatescope.ui.training.PulseMeter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * The soak run ({@code mvn -Psoak test}, never the default build): the window trains for
 * {@code soak.minutes} (30) with the training curves and the main panels redrawing, and records
 *
 * <ul>
 *   <li>the heap after a full collection at the start and every {@code soak.sampleMinutes} (5);</li>
 *   <li>per sample period and over the whole run after the first minute, with {@link PulseMeter}: the
 *       pulses, the longest interval between two (the longest frame) and how many exceed 50 ms, the
 *       JavaFX thread's CPU time per pulse (mean and largest: the app's own work), how long it waited
 *       for a core, and the renderer's CPU time per pulse;</li>
 *   <li>at the end, the ten longest intervals, each with what it was made of.</li>
 * </ul>
 * The first minute (the first trace, the first layout, the JIT warming up) is reported apart. The
 * forced collections stop every thread, so the frames that span one are left out (and counted). The
 * report goes to {@code target/soak/report.txt} and standard output. The run fails when the heap grows
 * by more than a quarter (at least 32 MB) from the first sample to the last; frame figures are
 * reported, not asserted, because they depend on the machine.
 */
class SoakRun extends WindowTestBase {
    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "30"));
    private static final double SAMPLE_MINUTES = Double.parseDouble(System.getProperty("soak.sampleMinutes", "5"));
    /** How often the driver switches between the training curves and the panels, and moves the step. */
    private static final long SWITCH_MS = 10_000;

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void trainsWithTheWindowOpenAndKeepsTheHeapFlat(FxRobot robot) throws Exception {
        PulseMeter whole = new PulseMeter(), period = new PulseMeter();   // after the first minute; since the last sample
        robot.interact(() -> {               // started on the FX thread: they read that thread's CPU time
            whole.start();
            period.start();
        });
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "soak: %.1f minutes, heap sampled every %.1f minutes, -Xmx %d MB, %d processors",
                MINUTES, SAMPLE_MINUTES, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        robot.interact(() -> {
            window.showView(window.training());
        });
        robot.interact(() -> {                 // the form is in a scroll pane: in the graph once shown
            type(TrainingSetting.HIDDEN, "32");
            type(TrainingSetting.EPOCHS, "1000000");
            type(TrainingSetting.LR_DECAY, "1");
            ((Button) window.training().lookup("#start")).fire();
        });
        long start = System.nanoTime(), end = start + (long) (MINUTES * 60e9);
        long nextSample = start, nextSwitch = start + SWITCH_MS * 1_000_000;
        long warmUp = start + (long) (Math.min(1, MINUTES / 4) * 60e9);
        boolean warm = false;
        List<long[]> heap = new ArrayList<>();
        int switches = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                long used = heapAfterGc(whole, period);
                heap.add(new long[] {now - start, used});
                String frames = fxText(robot, period::summary);
                robot.interact(period::restart);
                report.add(String.format(Locale.ROOT, "  %5.1f min  heap after GC %,d MB · since the last sample: %s  · %s",
                        (now - start) / 60e9, used >> 20, frames, fxText(robot, this::progress)));
                System.out.println(report.get(report.size() - 1));
                if (now >= end) break;
                nextSample = Math.min(end, nextSample + (long) (SAMPLE_MINUTES * 60e9));
            }
            if (!warm && now >= warmUp) {
                warm = true;
                report.add("  first minute (start-up, not counted below): " + fxText(robot, whole::summary));
                robot.interact(whole::restart);
            }
            if (now >= nextSwitch) {
                int n = ++switches;
                // Alternate the curves and the panels, and move the step, so every chart keeps redrawing.
                Platform.runLater(() -> {
                    window.showView(n % 2 == 0 ? window.training() : window.panelsView());
                    app.stepBy(n % 4 < 2 ? 1 : -1);
                });
                nextSwitch += SWITCH_MS * 1_000_000;
            }
            long next = Math.min(nextSample, warm ? nextSwitch : Math.min(nextSwitch, warmUp));
            Thread.sleep(Math.max(1, next - System.nanoTime()) / 1_000_000 + 1);
        }
        report.add("  frames after the first minute: " + fxText(robot, () -> whole.details("whole run")));
        // A hidden training panel leaves its progress line alone: show it, and let one look (every 500 ms) catch up.
        robot.interact(() -> window.showView(window.training()));
        Thread.sleep(600);
        report.add("  training at the end: " + fxText(robot, this::progress));
        report.add("  view switches: " + switches);
        robot.interact(() -> {
            whole.stop();
            period.stop();
        });
        Path out = Path.of("target", "soak", "report.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);

        long first = heap.get(0)[1], last = heap.get(heap.size() - 1)[1];
        assertThat(last).as("heap after GC at the end against the start (MB): %d → %d", first >> 20, last >> 20)
                .isLessThanOrEqualTo(first + Math.max(32L << 20, first / 4));
    }

    /** Two full collections, then the heap in use; the meters leave the frames spanning them out. */
    private static long heapAfterGc(PulseMeter whole, PulseMeter period) {
        whole.leaveOut(() -> period.leaveOut(() -> {
            System.gc();
            System.gc();
        }));
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The training panel's progress line: epoch, examples per second (as it last showed them: up to 10 s old while hidden). */
    private String progress() {
        return ((javafx.scene.control.Label) window.training().lookup("#progressText")).getText();
    }

    private static String fxText(FxRobot robot, java.util.function.Supplier<String> text) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = text.get());
        return out[0];
    }

    private void type(TrainingSetting s, String text) {
        ((TextField) window.training().lookup("#setting-" + s.key())).setText(text);
    }
}
