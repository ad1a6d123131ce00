package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsEachCellWritesAFileNamedForItAndPrintsTheTableBesideTheSeedsFigures() throws Exception {
        Path out = dir.resolve("runs");
        CliRun run = CliRun.of("compare", "--task", "addition", "--cells", "dense,rnn,gru", "--hidden", "8",
                "--examples", "1000", "--epochs", "2", "--seed", "4", "--until-accuracy", "0.9", "--out", out.toString()).ok();
        List<String> lines = Fixtures.lines(run.out());
        assertThat(lines.get(0)).contains("Dense, SimpleRNN, GRU", "hidden 8", "seed 4", "90%");
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model")).findFirst().orElseThrow());
        assertThat(lines.get(header)).contains("epochs", "test answer", "seeds", "verdict");
        String dense = lines.get(header + 1), rnn = lines.get(header + 2), gru = lines.get(header + 3);
        assertThat(dense).startsWith("Dense").contains("0.0 %", "✓ < 5 %");
        assertThat(rnn).startsWith("SimpleRNN").contains("95.0 %", "✗ < 95 %");
        assertThat(gru).startsWith("GRU").contains("—");
        assertThat(lines).last().asString().contains("3 models in", "addition-dense.json", "addition-rnn.json", "addition-gru.json");

        ModelFile.Sequence rnnFile = (ModelFile.Sequence) ModelFiles.load(out.resolve("addition-rnn.json"));
        assertThat(rnnFile.model()).isInstanceOf(EncoderDecoder.class);
        assertThat(((ModelFile.Sequence) ModelFiles.load(out.resolve("addition-dense.json"))).model()).isInstanceOf(DenseBaseline.class);
        // the table's test figure is what Evaluation says of the saved model on the run's test sums
        TrainingConfig config = TrainingConfig.fromNotes(rnnFile.metadata().training());
        Evaluation.Accuracy test = Evaluation.evaluate(rnnFile.model(), new Trainer(config).data().test());
        assertThat(rnn).contains(String.format(Locale.ROOT, "%.1f %%", 100 * test.sequences()));
        assertThat(rnnFile.metadata().training()).containsEntry("test_sequence_accuracy", test.sequences())
                .containsEntry("cell", "rnn").containsEntry("until_accuracy", 0.9);
        // rnn's file holds the same weights as a direct training run with those settings
        Trainer direct = new Trainer(config);
        direct.run(s -> { });
        assertThat(rnnFile.model().parameters().get(0).data()).isEqualTo(direct.model().parameters().get(0).data());
    }

    @Test
    void badArgumentsAreOneLineAndExitTwoBeforeAnyTraining() throws Exception {
        Path out = dir.resolve("runs");
        CliRun.of("compare", "--cells", "dense,transformer", "--out", out.toString()).badInput("--cells", "unknown cell 'transformer'");
        CliRun.of("compare", "--hidden", "0", "--out", out.toString()).badInput("--hidden: hidden size must be within 1..4096");
        CliRun.of("compare", "--task", "copy", "--out", out.toString()).badInput("expected addition");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun.of("compare", "--cells", "dense", "--out", file.toString()).badInput("is a file");
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(AdditionTask.STEPS).isEqualTo(5);
    }
}
