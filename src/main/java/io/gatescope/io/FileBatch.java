package io.gatescope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many files written as one (an export of every chart at every step), by {@link AtomicFiles}'
 * rules per target, with one difference in when the bytes reach the disk. Forcing each file to disk
 * before its rename costs a journal commit per file, which made a 51-file export wait twice as
 * long as it computed; here the files are forced together.
 *
 * <p>The durability rule: {@link #write} puts each file's bytes in its temporary file and replaces
 * nothing. {@link #commit} forces every temporary file to disk at once (concurrently, so the file
 * system commits them in one go), and only when all are on disk renames each over its target, then
 * forces each folder once. So at any moment, a crash or a power cut included, every target holds its
 * old content or its complete new content, never a part; if anything fails before the renames, no
 * target has been touched. A device or FIFO is written into at once, as by {@link AtomicFiles#write}.
 * Closing a batch that was not committed deletes its temporary files and leaves every target as it was.
 *
 * <p>{@link #write} may be called from several threads at once; {@link #commit} once, after them.
 */
public final class FileBatch implements AutoCloseable {
    /** Enough concurrent forces for the file system to gather them into one commit; more buys nothing. */
    private static final int FORCERS = 16;

    private record Pending(Path target, AtomicFiles.Target resolved, Path temp) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;

    FileBatch() {
    }

    /**
     * Writes {@code content} for {@code target} into a temporary file; the target itself is replaced
     * by {@link #commit}. Refuses, as {@link AtomicFiles#write} does, a folder, a read-only file or a
     * missing folder, before running {@code content}.
     */
    public void write(Path target, AtomicFiles.Content content) throws FileException {
        AtomicFiles.Target t = AtomicFiles.Target.of(target);
        if (t.special()) {
            AtomicFiles.writeDirectly(target, t, content);
            return;
        }
        Path temp;
        try {
            temp = AtomicFiles.writeTemporary(t, content);
        } catch (IOException e) {
            throw AtomicFiles.failure(target, t.path().getParent(), e);
        }
        synchronized (this) {
            if (committed) {
                TempFiles.discard(temp);
                throw new IllegalStateException("this batch was already committed; start a new one for " + target);
            }
            pending.add(new Pending(target, t, temp));
        }
    }

    /** Writes {@code bytes} for {@code target}, as {@link #write(Path, AtomicFiles.Content)}. */
    public void write(Path target, byte[] bytes) throws FileException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Forces every file written so far to disk, then renames each over its target and forces their
     * folders; returns how many files were replaced. On a failure before the renames no target is
     * touched; a failing rename leaves the files renamed before it complete and the rest untouched.
     */
    public synchronized int commit() throws FileException {
        if (committed) throw new IllegalStateException("a batch is committed once");
        committed = true;
        forceAll();
        Set<Path> folders = new LinkedHashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            try {
                AtomicFiles.replace(p.temp(), p.resolved());
            } catch (IOException e) {
                throw AtomicFiles.failure(p.target(), p.resolved().path().getParent(), e);
            } finally {
                TempFiles.discard(p.temp());         // renamed: only forgets it; not renamed: deletes it
            }
            folders.add(p.resolved().path().getParent());
        }
        folders.forEach(TempFiles::syncFolder);
        return pending.size();
    }

    /** Deletes the temporary files of a batch that was not committed (or whose commit failed). */
    @Override
    public synchronized void close() {
        for (Pending p : pending) TempFiles.discard(p.temp());
        committed = true;
    }

    private void forceAll() throws FileException {
        if (pending.isEmpty()) return;
        ExecutorService forcers = Executors.newFixedThreadPool(Math.min(FORCERS, pending.size()), r -> {
            Thread t = new Thread(r, "gatescope-force");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Pending p : pending) done.add(forcers.submit(() -> {
                AtomicFiles.force(p.temp());
                return null;
            }));
            for (int i = 0; i < done.size(); i++) {
                try {
                    done.get(i).get();
                } catch (ExecutionException e) {
                    IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    throw AtomicFiles.failure(pending.get(i).target(), pending.get(i).resolved().path().getParent(), cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileException(pending.get(0).target(), "interrupted before the files were on disk; nothing was replaced");
        } finally {
            forcers.shutdownNow();
        }
    }
}
