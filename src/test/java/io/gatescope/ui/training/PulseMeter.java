package io.gatescope.ui.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures the JavaFX pulses while it runs, and tells apart what can make a frame long: the
 * application's own work on the FX thread (its CPU time in the interval), the FX thread waiting for a
 * core while ready to run (its scheduler run delay, from Linux's {@code /proc/…/schedstat}), the
 * renderer thread (the next pulse waits for the last frame: its CPU time and run delay), garbage
 * collection (the collectors' pause time) and the hypervisor running another machine on our cores (steal). Whatever is left of a long interval is time every thread
 * was stopped for another safepoint, or the pulse timer's own delay: {@link #longest} lists the
 * longest intervals with their time since the JVM started, to be matched with {@code -Xlog:safepoint}.
 *
 * <p>Its memory is constant (histograms and the ten longest intervals), so a soak run's heap is not
 * its own. Start, stop and read it on the FX thread. It prints; it asserts nothing (timings are not
 * test results). Off Linux the run delays read 0.
 */
public final class PulseMeter {
    /** What one interval between two pulses was made of, in ns; {@code at} is its end in ms since the JVM started. */
    public record Pulse(long interval, long fxCpu, long fxWait, long renderCpu, long renderWait, long timerWait, long gc, long steal,
                        long at) {
        String line() {
            return String.format(Locale.ROOT, "%.1f ms at %.3f s: FX CPU %.1f, FX waiting for a core %.1f, renderer CPU %.1f,"
                    + " renderer waiting %.1f, pulse timer waiting %.1f, GC %.0f, stolen by the hypervisor %.0f, rest %.1f",
                    interval / 1e6, at / 1e3, fxCpu / 1e6, fxWait / 1e6, renderCpu / 1e6, renderWait / 1e6, timerWait / 1e6, gc / 1e6,
                    steal / 1e6, (interval - fxCpu - fxWait - gc) / 1e6);
        }
    }

    private static final int KEEP = 10;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
    private final Histogram interval = new Histogram(), fxCpu = new Histogram(), fxWait = new Histogram(),
            renderCpu = new Histogram(), renderWait = new Histogram();
    private final List<Pulse> longest = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(256);
    private long gcPulses;
    private long lastWall, lastFx, lastFxWait, lastRender, lastRenderWait, lastTimerWait, lastGc, lastSteal;
    private long renderer = -1;
    private Path fxStat, renderStat, timerStat;
    /** Written by the thread that forces a collection, read by the FX thread. */
    private volatile long excludeFrom = Long.MAX_VALUE, excludeTo = Long.MIN_VALUE;
    private long excluded;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) { pulse(); }
    };

    public void start() {
        Thread r = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
        renderer = r == null ? -1 : r.getId();
        fxStat = schedstat(Path.of("/proc/thread-self"));
        renderStat = taskNamed("QuantumRenderer");
        timerStat = taskNamed("Monocle Timer");   // the pulse timer when headless; elsewhere it is native
        lastWall = 0;
        timer.start();
    }

    public void stop() { timer.stop(); }

    /** Forgets the figures so far (the soak run reports its first minute apart). */
    public void restart() {
        for (Histogram h : List.of(interval, fxCpu, fxWait, renderCpu, renderWait)) h.clear();
        longest.clear();
        gcPulses = excluded = 0;
    }

    /**
     * Runs {@code action} (on the calling thread) and leaves out the intervals that overlap it: a
     * collection the caller forces (the soak's heap samples) stops every thread and says nothing about the app.
     */
    public void leaveOut(Runnable action) {
        excludeTo = Long.MAX_VALUE;
        excludeFrom = System.nanoTime();
        try {
            action.run();
        } finally {
            excludeTo = System.nanoTime();
        }
    }

    private void pulse() {
        long wall = System.nanoTime(), fx = cpu.getCurrentThreadCpuTime();
        long render = renderer < 0 ? 0 : Math.max(0, cpu.getThreadCpuTime(renderer));
        long fw = runDelay(fxStat), rw = runDelay(renderStat), tw = runDelay(timerStat), gc = gcMillis() * 1_000_000, steal = stolen();
        if (lastWall != 0) {
            if (lastWall <= excludeTo && wall >= excludeFrom) excluded++;
            else add(new Pulse(wall - lastWall, fx - lastFx, fw - lastFxWait, render - lastRender, rw - lastRenderWait,
                    tw - lastTimerWait, gc - lastGc, steal - lastSteal, (wall - jvmStartNanos) / 1_000_000));
        }
        lastWall = wall;
        lastFx = fx;
        lastFxWait = fw;
        lastRender = render;
        lastRenderWait = rw;
        lastTimerWait = tw;
        lastGc = gc;
        lastSteal = steal;
    }

    private void add(Pulse p) {
        interval.add(p.interval());
        fxCpu.add(p.fxCpu());
        fxWait.add(p.fxWait());
        renderCpu.add(p.renderCpu());
        renderWait.add(p.renderWait());
        if (p.gc() > 0) gcPulses++;
        if (longest.size() < KEEP || p.interval() > longest.get(longest.size() - 1).interval()) {
            longest.add(p);
            longest.sort(Comparator.comparingLong(Pulse::interval).reversed());
            if (longest.size() > KEEP) longest.remove(KEEP);
        }
    }

    public long pulses() { return interval.count(); }

    /** The longest interval between two pulses, in ms. */
    public double longestIntervalMs() { return interval.max() / 1e6; }

    /** The most FX-thread CPU time spent between two pulses, in ms: the application's share of the longest frame. */
    public double longestFxWorkMs() { return fxCpu.max() / 1e6; }

    /** The mean FX-thread CPU time per pulse, in ms. */
    public double meanFxWorkMs() { return fxCpu.mean() / 1e6; }

    /** How many intervals were longer than {@code ms}. */
    public long intervalsOver(double ms) { return interval.above((long) (ms * 1e6)); }

    /** The longest intervals, longest first, each with what it was made of. */
    public List<Pulse> longest() { return List.copyOf(longest); }

    /** One line for the test's output: intervals, FX work, waiting and rendering per pulse. */
    public String report(String what) {
        return String.format(Locale.ROOT, "%s: %,d pulses · interval longest %.1f ms, p99 %.1f, median %.1f, over 50 ms in %d"
                        + " · FX thread CPU per pulse longest %.1f ms, p99 %.1f, mean %.2f, above 16 ms in %d, above 50 ms in %d"
                        + " · FX waiting for a core longest %.1f ms, mean %.2f · renderer CPU longest %.1f ms, mean %.2f,"
                        + " waiting longest %.1f ms · pulses spanning a GC %d%s", what, pulses(),
                interval.max() / 1e6, interval.quantile(0.99) / 1e6, interval.quantile(0.5) / 1e6, intervalsOver(50),
                fxCpu.max() / 1e6, fxCpu.quantile(0.99) / 1e6, fxCpu.mean() / 1e6, fxCpu.above(16_000_000), fxCpu.above(50_000_000),
                fxWait.max() / 1e6, fxWait.mean() / 1e6, renderCpu.max() / 1e6, renderCpu.mean() / 1e6,
                renderWait.max() / 1e6, gcPulses, excluded == 0 ? "" : " · " + excluded + " left out (a forced GC)");
    }

    /** The figures a soak run follows over time, in one short line. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d pulses, longest interval %.1f ms, %d over 50 ms; FX CPU per pulse mean %.2f ms,"
                        + " largest %.1f ms; FX waiting for a core longest %.1f ms; renderer CPU per pulse mean %.2f ms",
                pulses(), interval.max() / 1e6, intervalsOver(50), fxCpu.mean() / 1e6, fxCpu.max() / 1e6, fxWait.max() / 1e6,
                renderCpu.mean() / 1e6);
    }

    /** The report, then the longest intervals one per line. */
    public String details(String what) {
        StringBuilder b = new StringBuilder(report(what));
        for (Pulse p : longest) b.append("\n    ").append(p.line());
        return b.toString();
    }

    private long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean c : collectors) sum += Math.max(0, c.getCollectionTime());
        return sum;
    }

    /**
     * The time (ns, summed over the cores) the hypervisor ran something else while this virtual
     * machine's cores had work: {@code /proc/stat}'s steal column, in clock ticks of 10 ms. Coarse,
     * but it tells a pause nobody in the JVM caused.
     */
    private long stolen() {
        return number(PROC_STAT, 8) * 10_000_000;
    }

    /** This thread's schedstat file through its own task id, so it stays valid from other threads. */
    private static Path schedstat(Path self) {
        try {
            return Path.of("/proc/self/task", self.toRealPath().getFileName().toString(), "schedstat");
        } catch (IOException | RuntimeException e) {
            return null;   // not Linux
        }
    }

    private static Path taskNamed(String name) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (IOException e) {
                    return false;
                }
            }).map(t -> t.resolve("schedstat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The time (ns) the thread spent ready to run but waiting for a core: schedstat's second field. */
    private long runDelay(Path stat) {
        return stat == null ? 0 : number(stat, 1);
    }

    /**
     * The {@code index}-th space-separated field (from 0) at the start of a small {@code /proc} file,
     * as a number; 0 where there is none. Read into one reused buffer and parsed in place: the meter
     * reads several files every pulse, and strings for them made a quarter of the soak's garbage
     * (JFR), so more collections in the very frames it measures.
     */
    private long number(Path file, int index) {
        buffer.clear();
        try (FileChannel in = FileChannel.open(file)) {
            while (buffer.hasRemaining() && in.read(buffer) > 0) {
                // a /proc file gives its text in one or more reads; the fields needed are at its start
            }
        } catch (IOException | RuntimeException e) {
            return 0;   // not Linux, or the thread is gone
        }
        int i = 0, end = buffer.position(), field = 0;
        while (i < end) {
            while (i < end && buffer.get(i) == ' ') i++;
            if (field == index) {
                long n = 0;
                for (byte b; i < end && (b = buffer.get(i)) >= '0' && b <= '9'; i++) n = n * 10 + (b - '0');
                return n;
            }
            while (i < end && buffer.get(i) != ' ' && buffer.get(i) != '\n') i++;
            if (i < end && buffer.get(i) == '\n') return 0;
            field++;
        }
        return 0;
    }

    /** Durations in 0.1 ms buckets up to 100 ms, 1 ms buckets up to 2 s, and the exact largest. */
    private static final class Histogram {
        private final long[] fine = new long[1000], coarse = new long[1900];
        private long count, over, sum, max;

        void add(long ns) {
            count++;
            sum += ns;
            max = Math.max(max, ns);
            if (ns < 100_000_000) fine[(int) Math.max(0, ns / 100_000)]++;
            else if (ns < 2_000_000_000) coarse[(int) (ns / 1_000_000) - 100]++;
            else over++;
        }

        void clear() {
            java.util.Arrays.fill(fine, 0);
            java.util.Arrays.fill(coarse, 0);
            count = over = sum = max = 0;
        }

        long count() { return count; }

        long max() { return max; }

        double mean() { return count == 0 ? 0 : (double) sum / count; }

        /** The upper edge of the bucket holding the {@code q}-quantile (ns). */
        long quantile(double q) {
            long rank = (long) Math.ceil(q * count), seen = 0;
            if (count == 0) return 0;
            for (int i = 0; i < fine.length; i++) if ((seen += fine[i]) >= rank) return Math.min(max, (i + 1) * 100_000L);
            for (int i = 0; i < coarse.length; i++) if ((seen += coarse[i]) >= rank) return Math.min(max, (i + 101) * 1_000_000L);
            return max;
        }

        long above(long ns) {
            long n = over;
            for (int i = 0; i < fine.length; i++) if (i * 100_000L >= ns) n += fine[i];
            for (int i = 0; i < coarse.length; i++) if ((i + 100) * 1_000_000L >= ns) n += coarse[i];
            return n;
        }
    }
}
