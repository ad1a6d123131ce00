package io.gatescope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the bytes
 * go to a temporary file in the target's directory (same file system, so the rename is cheap), which
 * then replaces the target. A crash or a full disk leaves the old file intact.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    interface Content {
        void write(OutputStream out) throws IOException;
    }

    static void write(Path target, Content content) throws FileException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) throw new FileException(target, "is a directory; expected a file name to write");
        if (dir == null || !Files.isDirectory(dir)) {
            String why = dir != null && Files.exists(dir) ? "is not a directory" : "does not exist";
            throw new FileException(target, "cannot write it: " + dir + " " + why);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.write(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (FileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new FileException(target, "cannot write it: permission denied in " + dir);
        } catch (FileSystemException e) {
            throw new FileException(target, "cannot write it: " + (e.getReason() == null ? e.getMessage() : e.getReason()));
        } catch (IOException e) {
            throw new FileException(target, "cannot write it: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and says so; a stray temporary file is the lesser problem.
                }
            }
        }
    }
}
