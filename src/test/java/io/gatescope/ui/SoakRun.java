package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.TrainingSetting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
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
 *   <li>the longest frame: the longest interval between two pulses (an AnimationTimer sees every one);</li>
 *   <li>the JavaFX thread's work per pulse: its CPU time between two pulses (event handlers, layout,
 *       the canvases' drawing), the mean and the largest.</li>
 * </ul>
 * The frame figures of the first minute (the first trace, the first layout, the JIT warming up) are
 * reported apart from the rest.
 *
 * The forced collections stop every thread, so the frames that span one are left out of the frame
 * figures (and counted). The report goes to {@code target/soak/report.txt} and standard output. The
 * run fails when the heap grows by more than a quarter (at least 32 MB) from the first sample to the
 * last; frame figures are reported, not asserted, because this machine is shared.
 */
class SoakRun extends WindowTestBase {
    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "30"));
    private static final double SAMPLE_MINUTES = Double.parseDouble(System.getProperty("soak.sampleMinutes", "5"));
    /** How often the driver switches between the training curves and the panels, and moves the step. */
    private static final long SWITCH_MS = 10_000;

    /** Pulse figures, written on the FX thread only, read there too. */
    private static final class PulseProbe extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long fxThread = Thread.currentThread().getId();
        volatile long gcFrom = Long.MAX_VALUE, gcTo = Long.MIN_VALUE;
        private final long origin = System.nanoTime();
        private long lastPulse, lastCpu;
        long pulses, skipped, over50, longestFrame, longestAt, largestWork, workSum;

        @Override public void handle(long now) {
            long cpu = threads.getThreadCpuTime(fxThread);
            if (lastPulse != 0) {
                long frame = now - lastPulse, work = cpu - lastCpu;
                if (lastPulse <= gcTo && now >= gcFrom) {
                    skipped++;               // this frame spans a collection the probe forced
                } else {
                    pulses++;
                    if (frame > longestFrame) {
                        longestFrame = frame;
                        longestAt = now;
                    }
                    largestWork = Math.max(largestWork, work);
                    workSum += work;
                    if (frame > 50_000_000L) over50++;
                }
            }
            lastPulse = now;
            lastCpu = cpu;
        }

        /** Forgets the figures so far: the first minute (the first trace, layout, the JIT) is reported apart. */
        void restart() {
            pulses = skipped = over50 = longestFrame = largestWork = workSum = 0;
        }

        String figures() {
            return String.format(Locale.ROOT, "pulses %,d; longest frame %.1f ms (at %.1f min); frames over 50 ms: %,d;"
                    + " FX work per pulse: mean %.2f ms, largest %.1f ms; %d frames spanning a forced GC left out",
                    pulses, longestFrame / 1e6, (longestAt - origin) / 60e9, over50, pulses == 0 ? 0 : workSum / 1e6 / pulses,
                    largestWork / 1e6, skipped);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void trainsWithTheWindowOpenAndKeepsTheHeapFlat(FxRobot robot) throws Exception {
        PulseProbe[] probes = new PulseProbe[1];
        robot.interact(() -> {
            probes[0] = new PulseProbe();    // made on the FX thread: it reads that thread's CPU time
            probes[0].start();
        });
        PulseProbe probe = probes[0];
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
                long used = heapAfterGc(probe);
                heap.add(new long[] {now - start, used});
                report.add(String.format(Locale.ROOT, "  %5.1f min  heap after GC %,d MB", (now - start) / 60e9, used >> 20));
                System.out.println(report.get(report.size() - 1) + "   [" + fxFigures(robot, probe) + "]");
                if (now >= end) break;
                nextSample = Math.min(end, nextSample + (long) (SAMPLE_MINUTES * 60e9));
            }
            if (!warm && now >= warmUp) {
                warm = true;
                report.add("  first minute (start-up, not counted below): " + fxFigures(robot, probe));
                robot.interact(probe::restart);
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
        String training = fxText(robot, () -> ((javafx.scene.control.Label) window.training().lookup("#progressText")).getText());
        report.add("  frames after the first minute: " + fxFigures(robot, probe) + " (busy machine: shared by several builds)");
        report.add("  training at the end: " + training);
        report.add("  view switches: " + switches);
        robot.interact(probe::stop);
        Path out = Path.of("target", "soak", "report.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);

        long first = heap.get(0)[1], last = heap.get(heap.size() - 1)[1];
        assertThat(last).as("heap after GC at the end against the start (MB): %d → %d", first >> 20, last >> 20)
                .isLessThanOrEqualTo(first + Math.max(32L << 20, first / 4));
    }

    /** Two full collections, then the heap in use; the probe leaves the frames spanning them out. */
    private static long heapAfterGc(PulseProbe probe) {
        probe.gcFrom = System.nanoTime();
        System.gc();
        System.gc();
        probe.gcTo = System.nanoTime();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String fxFigures(FxRobot robot, PulseProbe probe) {
        return fxText(robot, probe::figures);
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
