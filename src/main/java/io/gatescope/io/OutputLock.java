package io.gatescope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A claim on an output file for the length of a run (a training that saves after every epoch):
 * an operating-system lock on {@code .NAME.lock} beside the file. A second Gatescope process, or a
 * second run in this one, that wants the same output is refused with a message instead of both
 * saying "wrote" while the later silently wins. The lock dies with the process, so a killed run
 * never blocks the next one; the lock file is deleted on {@link #close}.
 */
public final class OutputLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock acquire(Path target, AtomicFiles.Target t) throws FileException {
        if (t.special()) return new OutputLock(null, null, null);   // /dev/null may be written by all at once
        Path lockFile = t.path().resolveSibling("." + t.path().getFileName() + ".lock");
        // A holder that closes between our open and our lock deletes the file we opened: try again on a new one.
        for (int attempt = 0; attempt < 3; attempt++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new FileException(target, "another Gatescope run is writing it (it holds "
                            + FileException.show(lockFile.getFileName()) + "); expected one writer at a time:"
                            + " wait for that run to end, or write to another file");
                }
                if (Files.exists(lockFile)) return new OutputLock(lockFile, channel, lock);
                channel.close();
            } catch (FileException e) {
                throw e;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new FileException(target, "cannot lock it for writing (" + e.getMessage() + ")", e);
            }
        }
        throw new FileException(target, "cannot lock it for writing: its lock file keeps disappearing");
    }

    /** Releases the claim and deletes the lock file. */
    @Override
    public void close() {
        if (channel == null) return;
        try {
            Files.deleteIfExists(file);   // before releasing, so no one locks a file that is about to vanish
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel below anyway.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
