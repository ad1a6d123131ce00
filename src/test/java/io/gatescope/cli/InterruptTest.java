package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C early in a run, in a real process: the JVM's shutdown (SIGTERM takes the same path as SIGINT)
 * lets train save what it has and say how far it got. Before, it said "after 1 epoch" and
 * "accuracy NaN%" for a run stopped long before its first validation.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void aRunStoppedBeforeItsFirstValidationSaysHowFarItGotAndSavesTheModel() throws Exception {
        Path out = dir.resolve("m.json");
        // An epoch of 200,000 sums takes many seconds; the run is stopped as soon as it says it trains.
        Path stdout = dir.resolve("out.txt"), stderr = dir.resolve("err.txt");
        Process p = CliRun.freshJvm("train", "--hidden", "64", "--examples", "200000", "--out", out.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // Files, not pipes: stopping a process closes its pipes on this side, and what it says then would be lost.
        org.testfx.util.WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> read(stdout).startsWith("training ") || !p.isAlive());
        assertThat(read(stdout)).as("the first line; stderr: %s", read(stderr)).startsWith("training ");
        p.destroy();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(stdout);
        lines = lines.subList(1, lines.size());

        // Stopped within the first epoch, or (a fast machine, a slow start) before its first batch: either way said as such.
        assertThat(lines).as("what train printed after it was stopped").isNotEmpty();
        String summary = lines.get(lines.size() - 1);
        if (lines.size() == 2) {
            assertThat(lines.get(0)).startsWith("epoch   1/").contains("val char       –  seq       –").endsWith("interrupted");
            assertThat(summary).matches("interrupted in epoch 1 at batch [\\d,]+ of [\\d,]+, [\\d.]+ s: not validated yet; wrote .*m\\.json");
        } else {
            assertThat(lines).hasSize(1);
            assertThat(summary).matches("interrupted before its first batch, [\\d.]+ s: nothing trained; wrote .*m\\.json");
        }
        assertThat(String.join("\n", lines)).doesNotContain("NaN", "after 1 epoch");
        assertThat(read(stderr)).doesNotContain("Exception", "\tat ");
        assertThat(ModelFiles.load(out)).isInstanceOf(ModelFile.Sequence.class);
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
