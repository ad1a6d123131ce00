package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many files as one: nothing is replaced before the commit, everything after, the per-target rules kept. */
class FileBatchTest {
    @TempDir
    Path dir;

    @Test
    void noTargetChangesBeforeTheCommitAndEveryOneAfter() throws Exception {
        Path old = Files.writeString(dir.resolve("a.png"), "old");
        try (FileBatch batch = AtomicFiles.batch()) {
            batch.write(old, "new a".getBytes());
            batch.write(dir.resolve("b.png"), "new b".getBytes());
            assertThat(Files.readString(old)).isEqualTo("old");
            assertThat(dir.resolve("b.png")).doesNotExist();
            assertThat(batch.commit()).isEqualTo(2);
        }
        assertThat(Files.readString(old)).isEqualTo("new a");
        assertThat(Files.readString(dir.resolve("b.png"))).isEqualTo("new b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("b.png")))).isEqualTo("rw-r--r--");
        assertThat(names()).containsExactlyInAnyOrder("a.png", "b.png");       // no temporary file left
    }

    @Test
    void aBatchClosedWithoutCommitLeavesEveryTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path old = Files.writeString(dir.resolve("a.svg"), "old");
        try (FileBatch batch = AtomicFiles.batch()) {
            batch.write(old, "new".getBytes());
            batch.write(dir.resolve("b.svg"), "new".getBytes());
            assertThat(names()).hasSize(3);          // a.svg and two temporary files
        }
        assertThat(Files.readString(old)).isEqualTo("old");
        assertThat(names()).containsExactly("a.svg");
    }

    @Test
    void aFailingFileIsReportedAndTheOthersAreNotReplaced() throws Exception {
        Path old = Files.writeString(dir.resolve("a.pdf"), "old");
        try (FileBatch batch = AtomicFiles.batch()) {
            batch.write(old, "new".getBytes());
            assertThatThrownBy(() -> batch.write(dir.resolve("b.pdf"), out -> {
                out.write("half".getBytes());
                throw new IOException("disk full");
            })).isInstanceOf(FileException.class).hasMessageContaining("b.pdf").hasMessageContaining("disk full");
        }
        assertThat(Files.readString(old)).isEqualTo("old");
        assertThat(names()).containsExactly("a.pdf");
    }

    @Test
    void aReadOnlyFileIsRefusedBeforeItsContentIsComputed() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.png"), "keep");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        AtomicBoolean drawn = new AtomicBoolean();
        try (FileBatch batch = AtomicFiles.batch()) {
            assertThatThrownBy(() -> batch.write(locked, out -> drawn.set(true)))
                    .isInstanceOf(FileException.class).hasMessageContaining("locked.png").hasMessageContaining("read-only");
        }
        assertThat(drawn).isFalse();
        assertThat(Files.readString(locked)).isEqualTo("keep");
    }

    @Test
    void aSymbolicLinkIsFollowedAndAFifoWrittenInto() throws Exception {
        Path real = Files.writeString(dir.resolve("real.png"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), Path.of("real.png"));
        try (FileBatch batch = AtomicFiles.batch()) {
            batch.write(link, "new".getBytes());
            batch.write(Path.of("/dev/null"), "discarded".getBytes());
            batch.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void manyThreadsMayWriteIntoOneBatch() throws Exception {
        try (FileBatch batch = AtomicFiles.batch()) {
            IntStream.range(0, 40).parallel().forEach(i -> {
                try {
                    batch.write(dir.resolve("f" + i + ".txt"), Integer.toString(i).getBytes());
                } catch (FileException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(batch.commit()).isEqualTo(40);
        }
        for (int i = 0; i < 40; i++) assertThat(Files.readString(dir.resolve("f" + i + ".txt"))).isEqualTo(Integer.toString(i));
        assertThat(names()).hasSize(40);
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
