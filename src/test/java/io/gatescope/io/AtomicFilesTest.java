package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic writer, per kind of target (docs/reliability.md). */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsReadableByOthersAndAnExistingOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, out -> out.write('1'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");

        Path existing = dir.resolve("existing.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(existing, out -> out.write('2'));
        assertThat(Files.readString(existing)).isEqualTo("2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-rw----");
        assertThat(names()).containsExactlyInAnyOrder("fresh.json", "existing.json"); // no temporary file left behind
    }

    @Test
    void aFinishedWriteIsNoLongerInProgressSoTheExitHookDoesNotWaitForIt() throws Exception {
        AtomicFiles.write(dir.resolve("done.json"), out -> out.write('1'));
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("failed.json"), out -> {
            throw new IOException("disk full");
        })).isInstanceOf(FileException.class);
        assertThat(TempFiles.inProgress()).noneMatch(p -> p.startsWith(dir));
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(FileException.class).hasMessageContaining("m.json").hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(names()).containsExactly("m.json");
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        AtomicFiles.write(link, "new".getBytes());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("later.json"));
        AtomicFiles.write(dangling, "made".getBytes());
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("later.json"))).isEqualTo("made");
        assertThat(names()).containsExactlyInAnyOrder("real.json", "link.json", "dangling.json", "later.json");
    }

    @Test
    void aFifoIsWrittenToAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        AtomicFiles.check(fifo);
        AtomicFiles.write(fifo, "through".getBytes());
        // A writer that replaced the FIFO leaves the (daemon) reader waiting forever: fail instead of hanging.
        assertThat(reader.get(120, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        assertThat(names()).containsExactly("pipe");
    }

    @Test
    void devNullDiscardsTheOutputAndStaysADevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        AtomicFiles.check(devNull);
        AtomicFiles.write(devNull, "gone".getBytes());
        AtomicFiles.write(Files.createSymbolicLink(dir.resolve("null.json"), devNull), "gone".getBytes());
        assertThat(Files.readAttributes(devNull, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        assertThat(Files.size(devNull)).isZero();
        try (OutputLock a = AtomicFiles.lock(devNull); OutputLock b = AtomicFiles.lock(devNull)) {
            assertThat(a).isNotNull();   // discarding output needs no claim: two runs may both discard
        }
    }

    @Test
    void aReadOnlyFileIsRefusedBeforeAnyWorkNamingTheFileNotTheFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("keep.json"), "precious");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> AtomicFiles.check(file)).isInstanceOf(FileException.class)
                .hasMessage(file + ": is read-only; expected a file that may be replaced (make it writable, or write to another file)");
        assertThatThrownBy(() -> AtomicFiles.write(file, "x".getBytes())).hasMessageContaining("is read-only");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void aFolderAnEmptyNameAndAMissingFolderAreRefused() {
        assertThatThrownBy(() -> AtomicFiles.check(dir)).hasMessage(dir + ": is a directory; expected a file name to write");
        assertThatThrownBy(() -> AtomicFiles.check(Path.of(""))).hasMessage("'': no file name given; expected the name of a file to write");
        assertThatThrownBy(() -> AtomicFiles.check(dir.resolve("no/such/dir/m.json")))
                .hasMessageContaining("m.json").hasMessageContaining("does not exist");
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAlsoThroughALink() throws Exception {
        Path model = Files.writeString(dir.resolve("model.json"), "{}");
        Path alias = Files.createSymbolicLink(dir.resolve("alias.json"), model);
        assertThatThrownBy(() -> AtomicFiles.check(alias, dir.resolve("x.json"), model))
                .hasMessage(alias + ": is also an input of this command (" + model
                        + "); expected a different file to write, so the input is not overwritten");
        AtomicFiles.check(dir.resolve("trace.json"), null, model);
    }

    @Test
    void staleTemporaryFilesOfDeadWritersAreCleanedAndALiveWritersAreKept() throws Exception {
        long deadPid = Integer.MAX_VALUE;   // above any pid_max
        Path dead = Files.writeString(dir.resolve(".m.json." + deadPid + ".abc.tmp"), "x");
        Path ownLeftover = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + ".def.tmp"), "x");
        Path live = Files.writeString(dir.resolve(".m.json.1.ghi.tmp"), "x");   // pid 1 is alive
        Path oldNaming = Files.writeString(dir.resolve(".m.json1234567890123.tmp"), "x");
        Files.setLastModifiedTime(oldNaming, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path otherTarget = Files.writeString(dir.resolve(".n.json." + deadPid + ".abc.tmp"), "x");
        AtomicFiles.write(dir.resolve("m.json"), "{}".getBytes());
        assertThat(dead).doesNotExist();
        assertThat(ownLeftover).doesNotExist();
        assertThat(oldNaming).doesNotExist();
        assertThat(live).exists();
        assertThat(otherTarget).exists();
    }

    @Test
    void atExitAWriteInProgressMayFinishAndItsTemporaryFileIsThenDeleted() throws Exception {
        CountDownLatch started = new CountDownLatch(1), never = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(dir.resolve("slow.json"), out -> {
                    started.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted");
                    }
                });
            } catch (FileException expected) {
                // interrupted below
            }
        });
        writer.start();
        started.await();
        assertThat(names()).hasSize(1).allMatch(n -> n.startsWith(".slow.json.") && n.endsWith(".tmp"));
        TempFiles.finishAndClean(Duration.ofMillis(100));
        assertThat(names()).isEmpty();
        writer.interrupt();
        writer.join();
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Path file = dir.resolve("m.json");
        try (OutputLock first = AtomicFiles.lock(file)) {
            assertThatThrownBy(() -> AtomicFiles.lock(file)).isInstanceOf(FileException.class)
                    .hasMessage(file + ": another Gatescope run is writing it (it holds .m.json.lock); expected one writer"
                            + " at a time: wait for that run to end, or write to another file");
            assertThat(dir.resolve(".m.json.lock")).exists();
        }
        assertThat(names()).isEmpty();
        try (OutputLock again = AtomicFiles.lock(file)) {
            assertThat(dir.resolve(".m.json.lock")).exists();
        }
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
