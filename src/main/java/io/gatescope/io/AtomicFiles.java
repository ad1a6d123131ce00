package io.gatescope.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way Gatescope writes a file. What happens depends on what the target is (docs/reliability.md):
 * <ul>
 *   <li>a regular file, or no file yet: the bytes go to {@code .NAME.<pid>.<n>.tmp} in the same folder
 *       (rw-r--r--, or the permissions the target had), are forced to disk, and the temporary file is
 *       renamed over the target, so readers see the old content or the new, never half of it;</li>
 *   <li>a symbolic link: followed, and the file it points to is replaced as above; the link stays;</li>
 *   <li>a device, FIFO or socket (and anything under /dev or /proc): written to directly, never replaced,
 *       so {@code --out /dev/null} discards the output for any user;</li>
 *   <li>a directory, a read-only file (no owner write permission, whoever runs), an empty name: refused
 *       by {@link #check} before any work, with a message naming the file.</li>
 * </ul>
 * Temporary files are ours alone: one whose writer has died is deleted on the next write to the same
 * target, and none is left behind on a normal exit or Ctrl-C ({@link TempFiles}).
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> ORDINARY = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** What writes the file's bytes. */
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Fails now, with the message the write would give later, if {@code target} cannot be written or
     * is one of {@code inputs} (the same file, also through links): a long computation then never
     * ends in a lost result or an overwritten input. Null inputs are skipped.
     */
    public static void check(Path target, Path... inputs) throws FileException {
        Target t = Target.of(target);
        for (Path input : inputs) {
            if (input != null && sameFile(input, t.path())) {
                throw new FileException(target, "is also an input of this command (" + FileException.show(input)
                        + "); expected a different file to write, so the input is not overwritten");
            }
        }
        if (t.special()) return;
        try {
            TempFiles.discard(TempFiles.create(t.path()));
        } catch (IOException e) {
            throw failure(target, t.path().getParent(), e);
        }
    }

    /** Writes {@code bytes} to {@code target} as the class comment says. */
    public static void write(Path target, byte[] bytes) throws FileException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} produces to {@code target} as the class comment says. */
    public static void write(Path target, Content content) throws FileException {
        Target t = Target.of(target);
        if (t.special()) {
            writeDirectly(target, t, content);
            return;
        }
        Path temp = null;
        try {
            temp = writeTemporary(t, content);
            force(temp);    // the bytes are on disk before the name points at them
            replace(temp, t);
            temp = null;
            TempFiles.syncFolder(t.path().getParent());
        } catch (IOException e) {
            throw failure(target, t.path().getParent(), e);
        } finally {
            TempFiles.discard(temp);
        }
    }

    /**
     * A set of files written as one, for an export of many figures: each file follows the rules
     * above, but the slow step, forcing each file to disk, is done for all of them at once when the
     * batch is committed (see {@link FileBatch} for the durability rule).
     */
    public static FileBatch batch() {
        return new FileBatch();
    }

    /** A device, FIFO or socket: written into, never replaced. */
    static void writeDirectly(Path target, Target t, Content content) throws FileException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(t.path(), StandardOpenOption.WRITE))) {
            content.write(out);
        } catch (IOException e) {
            throw failure(target, null, e);
        }
    }

    /**
     * Writes {@code content} into a new temporary file beside {@code t} with the permissions the
     * target will have, and returns it, not yet forced to disk. On failure nothing is left behind.
     */
    static Path writeTemporary(Target t, Content content) throws IOException {
        TempFiles.cleanStale(t.path());
        Path temp = TempFiles.create(t.path());
        try {
            readableLikeAnyFile(temp, t.exists() && t.permissions() != null ? t.permissions() : ORDINARY);
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                // Content may close its stream (a JSON generator does): that only flushes, the file is closed here.
                OutputStream out = new BufferedOutputStream(new FilterOutputStream(file) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                }, 1 << 16);
                content.write(out);
                out.flush();
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            TempFiles.discard(temp);
            throw e;
        }
    }

    /** Forces {@code file}'s bytes to disk. */
    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Renames {@code temp} over the target: atomically where the file system can. */
    static void replace(Path temp, Target t) throws IOException {
        try {
            Files.move(temp, t.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, t.path(), StandardCopyOption.REPLACE_EXISTING);
        }
        TempFiles.renamed(temp);
    }

    /**
     * Locks {@code target} against other Gatescope processes writing it, through {@code .NAME.lock}
     * beside it, until the lock is closed. A second writer gets a message instead of silently
     * overwriting the first one's file. A device or FIFO is not locked.
     */
    public static OutputLock lock(Path target) throws FileException {
        return OutputLock.acquire(target, Target.of(target));
    }

    /** Whether the two paths are one file; false when either does not exist. */
    static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A temporary file is private (rw-------); the file it becomes carries the permissions the target
     * had, or those of an ordinary new file, so a saved model can be shared. A file system without
     * POSIX permissions has nothing to set.
     */
    private static void readableLikeAnyFile(Path temp, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException e) {
            // Not POSIX (a FAT stick): the file gets that file system's defaults.
        }
    }

    /** The one-line message of a failed write; {@code folder} is blamed for a denied permission when given. */
    static FileException failure(Path target, Path folder, IOException e) {
        if (e instanceof FileException f) return f;
        if (e instanceof AccessDeniedException) {
            return new FileException(target, folder == null ? "cannot write it (permission denied)"
                    : "cannot write it: the folder " + FileException.show(folder) + " is not writable (permission denied)");
        }
        if (e instanceof NoSuchFileException) return new FileException(target, "cannot write it: its folder does not exist");
        String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new FileException(target, "cannot write it (" + why + ")", e);
    }

    /** The path actually written (links followed) and what it is. */
    record Target(Path path, boolean exists, boolean special, Set<PosixFilePermission> permissions) {
        private static final int MAX_LINKS = 40;

        static Target of(Path target) throws FileException {
            if (target == null || target.toString().isEmpty()) {
                throw new FileException(Path.of(""), "no file name given; expected the name of a file to write");
            }
            Path p = target.toAbsolutePath();
            // /dev/stdout and /proc/self/fd/1 point at whatever the shell opened: write into it, never replace it.
            boolean system = p.startsWith("/dev") || p.startsWith("/proc");
            try {
                for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                    if (hops == MAX_LINKS) throw new FileException(target, "is a chain of more than " + MAX_LINKS + " symbolic links");
                    p = p.resolveSibling(Files.readSymbolicLink(p));
                    system |= p.startsWith("/dev") || p.startsWith("/proc");
                }
                if (Files.isDirectory(p)) throw new FileException(target, "is a directory; expected a file name to write");
                if (!Files.exists(p)) {
                    Path dir = p.getParent();
                    if (system) throw new FileException(target, "no such device or special file");
                    if (dir == null || !Files.isDirectory(dir)) {
                        throw new FileException(target, "cannot write it: " + (dir != null && Files.exists(dir)
                                ? FileException.show(dir) + " is a file, not a folder"
                                : "the folder " + FileException.show(dir) + " does not exist"));
                    }
                    return new Target(p, false, false, ORDINARY);
                }
                if (system || !Files.isRegularFile(p)) {
                    if (!Files.isWritable(p)) throw new FileException(target, "cannot write it (permission denied)");
                    return new Target(p, true, true, Set.of());
                }
                Set<PosixFilePermission> perms = Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)
                        ? Files.getPosixFilePermissions(p) : null;
                // The owner's write bit is the user's "do not replace": honoured even for root, who could.
                if (!Files.isWritable(p) || (perms != null && !perms.contains(PosixFilePermission.OWNER_WRITE))) {
                    throw new FileException(target, "is read-only; expected a file that may be replaced"
                            + " (make it writable, or write to another file)");
                }
                return new Target(p, true, false, perms);
            } catch (FileException e) {
                throw e;
            } catch (IOException e) {
                throw new FileException(target, "cannot write it (" + e.getMessage() + ")", e);
            }
        }
    }
}
