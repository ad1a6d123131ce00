package io.gatescope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Training threads give way to the window's threads. On two cores the trainer's two threads hold
 * both; a JavaFX pulse that wakes up then waits for a core behind them, sometimes for hundreds of
 * milliseconds (measured with the threads' scheduler run delay, docs/performance.md). A training
 * thread therefore raises its own niceness to {@link #NICENESS}: a woken JavaFX or render thread (at
 * the normal 0) then takes a core at once, and training loses only the few milliseconds the window
 * really works. Nothing else competes, so an otherwise idle machine trains as fast as before, and the
 * command line does the same, so the window and the command line train alike.
 *
 * <p>Linux makes each Java thread a task with a niceness of its own; {@code setpriority} on a task id
 * changes only that thread, and raising one's own niceness needs no privilege. Java has no call for
 * it, so the thread finds its task id through {@code /proc/thread-self} and runs {@code renice} on it
 * once. Threads it starts afterwards inherit it: the trainer's shard thread runs at the priority of
 * the thread that runs the trainer. The window's training thread calls this, and so does the
 * launcher before it runs a command (a command is batch work). Where any of this is missing
 * (another system, no {@code renice}) nothing happens and training runs as before. The niceness
 * cannot be lowered again without privilege, so only threads that exist for background work call
 * this (not {@link Trainer#run} itself, nor a command's code: a test's main thread that ran one would
 * pass its niceness on to the JavaFX thread started after it).
 */
public final class BackgroundPriority {
    /** Niceness of training threads: weight 110 against 1,024 at 0, so a window thread gets nine tenths of a core it shares. */
    public static final int NICENESS = 10;

    private static final Path SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /** Raises the calling thread's niceness to {@link #NICENESS}, once; silently does nothing where it cannot. */
    public static void lowerCurrentThread() {
        try {
            if (!Files.isDirectory(SELF) || niceness() >= NICENESS) return;
            String task = SELF.toRealPath().getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICENESS), "-p", task)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) renice.destroy();
        } catch (IOException | RuntimeException e) {
            // no /proc, no renice, an unexpected format: train at the normal priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The calling thread's niceness (field 19 of its {@code stat}, counted after the command name,
     * which may itself hold spaces and parentheses).
     *
     * @throws IOException where there is no {@code /proc/thread-self}
     */
    public static int niceness() throws IOException {
        String stat = Files.readString(SELF.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
