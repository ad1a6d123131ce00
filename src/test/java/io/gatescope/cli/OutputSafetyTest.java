package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.AtomicFiles;
import io.gatescope.io.Fixtures;
import io.gatescope.io.OutputLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output is checked before the work, and no command overwrites its own input. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private final Path lstm = Fixtures.torch("lstm");

    @Test
    void traceRefusesToOverwriteItsModelOrItsInputAlsoThroughALink() throws Exception {
        Path model = Files.copy(lstm.resolve("model.json"), dir.resolve("model.json"));
        Path x = Files.copy(lstm.resolve("x.json"), dir.resolve("x.json"));
        String before = Files.readString(model);
        trace(model, x, model).badInput(model + ": is also an input of this command (" + model + ")");
        Path alias = Files.createSymbolicLink(dir.resolve("alias.json"), x);
        trace(model, x, alias).badInput(alias + ": is also an input of this command (" + x + ")");
        assertThat(Files.readString(model)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(alias)).isTrue();
    }

    @Test
    void aReadOnlyOutputIsNamedBeforeAnyWork() throws Exception {
        Path out = Files.writeString(dir.resolve("keep.json"), "precious");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));
        trace(lstm.resolve("model.json"), lstm.resolve("x.json"), out).badInput(out + ": is read-only");
        CliRun.of("train", "--hidden", "4", "--examples", "100", "--epochs", "1", "--out", out.toString())
                .badInput(out + ": is read-only");   // badInput: nothing on stdout, so no training started
        assertThat(Files.readString(out)).isEqualTo("precious");
    }

    @Test
    void anEmptyOutputNameIsNamedAsSuch() {
        trace(lstm.resolve("model.json"), lstm.resolve("x.json"), Path.of(""))
                .badInput("gatescope trace: '': no file name given; expected the name of a file to write");
    }

    @Test
    void devNullDiscardsTheTraceAndStaysADevice() throws Exception {
        CliRun r = CliRun.of("trace", "--model", lstm.resolve("model.json").toString(), "--input", lstm.resolve("x.json").toString(),
                "--out", "/dev/null").ok();
        assertThat(r.out()).startsWith("wrote /dev/null: 5 steps");
        assertThat(Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void aSecondTrainToTheSameOutputIsRefused() throws Exception {
        Path out = dir.resolve("m.json");
        try (OutputLock firstRun = AtomicFiles.lock(out)) {
            CliRun.of("train", "--hidden", "4", "--examples", "100", "--epochs", "1", "--out", out.toString())
                    .badInput(out + ": another Gatescope run is writing it");
        }
        assertThat(out).doesNotExist();
        CliRun.of("train", "--hidden", "4", "--examples", "100", "--epochs", "1", "--out", out.toString()).ok();
        assertThat(out).exists();
        assertThat(dir.resolve(".m.json.lock")).doesNotExist();
    }

    /** Same seed, same settings: the same bytes, so {@code cmp} proves a run reproducible (no timing in the file). */
    @Test
    void twoTrainingsWithTheSameSeedWriteIdenticalFiles() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        for (Path out : new Path[] {a, b}) {
            CliRun.of("train", "--hidden", "4", "--examples", "200", "--epochs", "2", "--seed", "3", "--out", out.toString()).ok();
        }
        assertThat(Files.mismatch(a, b)).as("first differing byte").isEqualTo(-1L);
    }

    private static CliRun trace(Path model, Path x, Path out) {
        return CliRun.of("trace", "--model", model.toString(), "--input", x.toString(), "--out", out.toString());
    }
}
