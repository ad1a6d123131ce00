package io.gatescope.ui.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures the JavaFX pulses while it runs, and separates what the application makes the FX thread
 * do from what the machine does to it. A long interval between two pulses can mean heavy FX work
 * (layout, redraws, copying) or a thread that was ready but not scheduled (a busy machine): the CPU
 * time the FX thread used in that interval tells them apart. The renderer thread's CPU time is
 * counted too, since the next pulse waits for the last frame to be rendered.
 *
 * <p>Start and stop it on the FX thread. It prints; it asserts nothing (timings are not test results).
 */
final class PulseMeter {
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final List<long[]> pulses = new ArrayList<>(); // {wall interval, FX CPU, renderer CPU} in ns
    private long lastWall, lastFx, lastRender;
    private long renderer = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) { pulse(); }
    };

    void start() {
        renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
        lastWall = 0;
        timer.start();
    }

    void stop() { timer.stop(); }

    private void pulse() {
        long wall = System.nanoTime(), fx = cpu.getCurrentThreadCpuTime();
        long render = renderer < 0 ? 0 : Math.max(0, cpu.getThreadCpuTime(renderer));
        if (lastWall != 0) pulses.add(new long[] {wall - lastWall, fx - lastFx, render - lastRender});
        lastWall = wall;
        lastFx = fx;
        lastRender = render;
    }

    int pulses() { return pulses.size(); }

    /** The longest interval between two pulses, in ms. */
    double longestIntervalMs() { return max(0); }

    /** The most FX-thread CPU time spent between two pulses, in ms: the application's share of the longest frame. */
    double longestFxWorkMs() { return max(1); }

    /** One line for the test's output: intervals, FX work and rendering per pulse. */
    String report(String what) {
        return String.format(Locale.ROOT, "%s: %d pulses · interval longest %.1f ms, p99 %.1f, median %.1f"
                        + " · FX thread CPU per pulse longest %.1f ms, p99 %.1f, mean %.2f"
                        + ", above 16 ms in %d, above 50 ms in %d · renderer CPU per pulse longest %.1f ms, mean %.2f", what, pulses(),
                max(0), percentile(0, 0.99), percentile(0, 0.5), max(1), percentile(1, 0.99), mean(1), above(1, 16), above(1, 50),
                max(2), mean(2));
    }

    private double max(int k) { return pulses.stream().mapToLong(p -> p[k]).max().orElse(0) / 1e6; }

    private long above(int k, double ms) { return pulses.stream().filter(p -> p[k] > ms * 1e6).count(); }

    private double mean(int k) { return pulses.stream().mapToLong(p -> p[k]).average().orElse(0) / 1e6; }

    private double percentile(int k, double q) {
        if (pulses.isEmpty()) return 0;
        long[] v = pulses.stream().mapToLong(p -> p[k]).toArray();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.floor(q * v.length))] / 1e6;
    }
}
