package io.gatescope.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Not a test: this JVM's CPU time so far by kind of thread (training, JavaFX, renderer, JIT, GC,
 * other), and the training threads' time spent ready to run but waiting for a core, from Linux's
 * {@code /proc/self/task/…/schedstat} (nanoseconds). {@link TrainingThroughput}'s interleaved mode
 * differences two readings to say what each span cost and who took it.
 */
final class ThreadTimes {
    /** The kinds, in the order printed. */
    static final String[] KINDS = {"train", "fx", "render", "jit", "gc", "other", "trainwait"};

    private ThreadTimes() {
    }

    /** "cpu ms train=… fx=… render=… jit=… gc=… other=… trainwait=…", cumulative since the JVM started; empty without /proc. */
    static String read() {
        Map<String, Long> ns = new LinkedHashMap<>();
        for (String k : KINDS) ns.put(k, 0L);
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).trim();
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
                    String kind = kind(name);
                    ns.merge(kind, Long.parseLong(f[0]), Long::sum);
                    if (kind.equals("train")) ns.merge("trainwait", Long.parseLong(f[1]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "cpu ms " + ns.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s=%.1f", e.getKey(), e.getValue() / 1e6))
                .collect(Collectors.joining(" "));
    }

    private static String kind(String thread) {
        if (thread.startsWith("gatescope-train")) return "train";
        if (thread.startsWith("JavaFX Applicat")) return "fx";
        if (thread.startsWith("QuantumRenderer")) return "render";
        if (thread.contains("CompilerThre")) return "jit";
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) return "gc";
        return "other";
    }
}
