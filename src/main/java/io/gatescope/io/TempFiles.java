package io.gatescope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFiles}: {@code .NAME.<pid>.<n>.tmp} beside the target. The
 * process id in the name tells whether the writer is still alive, so a file left by a killed save is
 * recognised as stale and deleted on the next write to the same target, and a running writer's file
 * never is. A shutdown hook (Ctrl-C, normal exit) lets writes in progress finish, then deletes what
 * is left, so no temporary file outlives the process.
 */
final class TempFiles {
    /** How long the shutdown hook lets writes in progress (a model saved on Ctrl-C) finish. */
    private static final Duration FINISH = Duration.ofSeconds(20);
    /** Names earlier versions used (no process id): stale once this old. */
    private static final Duration OLD_NAMING_STALE = Duration.ofMinutes(10);
    private static final Pattern OURS = Pattern.compile("\\.(.+)\\.(\\d+)\\.([0-9a-z]+)\\.tmp");
    private static final Pattern OLD = Pattern.compile("\\.(.+?)-?\\d{6,}\\.(tmp|part)");
    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finishAndClean(FINISH), "gatescope-temp-cleanup"));
    }

    private TempFiles() {
    }

    /** A new, empty, private temporary file beside {@code target}; deleted at exit unless renamed. */
    static Path create(Path target) throws IOException {
        while (true) {
            String n = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path temp = target.resolveSibling("." + target.getFileName() + "." + PID + "." + n + ".tmp");
            ACTIVE.add(temp);
            try {
                Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException clash) {
                ACTIVE.remove(temp);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
                return temp;
            } catch (IOException e) {
                ACTIVE.remove(temp);
                throw e;
            }
        }
    }

    /** Deletes {@code temp} if it is still there (a failed write); null is nothing to do. */
    static void discard(Path temp) {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed and says so; the next write to this target removes it.
        } finally {
            ACTIVE.remove(temp);
        }
    }

    /**
     * {@code temp} has become the target: it is no longer a write in progress. Without this the exit
     * hook would wait its full {@link #FINISH} for a file that no longer exists (every command that
     * saved something took 20 s to exit).
     */
    static void renamed(Path temp) {
        ACTIVE.remove(temp);
    }

    /** The temporary files of writes in progress now. */
    static Set<Path> inProgress() {
        return Set.copyOf(ACTIVE);
    }

    /** Deletes temporary files of {@code target} whose writer is gone. Never fails the write. */
    static void cleanStale(Path target) {
        String name = target.getFileName().toString();
        Path dir = target.getParent();
        DirectoryStream.Filter<Path> mine = p -> p.getFileName().toString().startsWith("." + name);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, mine)) {
            for (Path p : files) {
                if (isStale(p, name)) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning is a courtesy; the write goes on.
        }
    }

    static boolean isStale(Path p, String name) throws IOException {
        String file = p.getFileName().toString();
        Matcher ours = OURS.matcher(file);
        if (ours.matches() && ours.group(1).equals(name)) {
            long pid = Long.parseLong(ours.group(2));
            return pid == PID ? !ACTIVE.contains(p) : ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        Matcher old = OLD.matcher(file);
        return old.matches() && old.group(1).equals(name)
                && Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(OLD_NAMING_STALE));
    }

    /** Forces the folder's entry for the renamed file to disk where the platform allows it. */
    static void syncFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can open a folder (Windows); the rename itself is already atomic.
        }
    }

    /** At exit: waits up to {@code wait} for writes in progress, then deletes their temporary files. */
    static void finishAndClean(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ACTIVE.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (Path p : ACTIVE) discard(p);
    }
}
