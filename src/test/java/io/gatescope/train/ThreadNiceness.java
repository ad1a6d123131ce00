package io.gatescope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Test helper: the niceness of a process's threads, by task id, read from Linux's /proc. */
public final class ThreadNiceness {
    private ThreadNiceness() {
    }

    /** Whether this system has the /proc files the trainer uses to lower its priority. */
    public static boolean supported() { return Files.isDirectory(Path.of("/proc/thread-self")); }

    /**
     * The niceness of every thread of process {@code pid} ("self" for this one) whose name starts with
     * {@code prefix}. Linux keeps 15 characters of a thread's name: "gatescope-training" and
     * "gatescope-train-shard" both read "gatescope-train".
     */
    public static Map<String, Integer> of(String pid, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (!Files.readString(t.resolve("comm")).startsWith(prefix)) continue;
                    String stat = Files.readString(t.resolve("stat"));
                    out.put(t.getFileName().toString(), Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                } catch (IOException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
