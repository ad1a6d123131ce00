package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsPrintsAnEpochLineEachAndWritesTheSameWeightsAsTheTrainer() throws Exception {
        Path out = dir.resolve("gru.json");
        CliRun run = CliRun.of("train", "--task", "addition", "--cell", "gru", "--hidden", "8", "--epochs", "3",
                "--examples", "600", "--batch", "32", "--seed", "5", "--clip", "1", "--out", out.toString()).ok();
        List<String> lines = Fixtures.lines(run.out());
        assertThat(lines).filteredOn(l -> l.startsWith("epoch")).hasSize(3);
        assertThat(lines.get(1)).contains("epoch   1/3", "loss", "val char", "seq", "ex/s");
        assertThat(lines).last().asString().contains("done after 3 epochs", out.toString());

        ModelFile.Sequence saved = (ModelFile.Sequence) ModelFiles.load(out);
        assertThat(saved.metadata().task()).contains("addition");
        assertThat(saved.metadata().training()).containsEntry("seed", 5).containsEntry("epochs", 3)
                .containsEntry("epochs_done", 3).containsEntry("reversed", false).doesNotContainKey("elapsed_seconds");
        TrainingConfig config = TrainingConfig.fromNotes(saved.metadata().training());
        assertThat(config).isEqualTo(TrainingConfig.defaults("gru", 8).withEpochs(3).with(TrainingSetting.EXAMPLES, 600)
                .with(TrainingSetting.BATCH, 32).with(TrainingSetting.SEED, 5).with(TrainingSetting.CLIP, 1.0));

        Trainer direct = new Trainer(config);
        direct.run(s -> { });
        List<Parameter> a = direct.model().parameters(), b = saved.model().parameters();
        for (int i = 0; i < a.size(); i++) assertThat(b.get(i).data()).as(a.get(i).name()).isEqualTo(a.get(i).data());

        // evaluate reports what Evaluation computes on the saved model
        SequenceModel m = saved.model();
        Evaluation.Accuracy acc = Evaluation.evaluate(m, AdditionTask.sample(200, new SplittableRandom(9)));
        String eval = CliRun.of("evaluate", "--model", out.toString(), "--examples", "200", "--seed", "9").ok().out();
        assertThat(eval).contains(String.format(java.util.Locale.ROOT, "%.2f", 100 * acc.sequences()));
    }

    @Test
    void aDivergingRunSaysWhereAndWhySavesTheLastGoodWeightsAndExitsWithItsOwnCode() throws Exception {
        Path out = dir.resolve("nan.json");
        CliRun run = CliRun.of("train", "--hidden", "8", "--examples", "600", "--optimizer", "sgd", "--momentum", "0.99",
                "--lr", "1e308", "--clip", "0", "--out", out.toString());
        assertThat(run.code()).isEqualTo(TrainCommand.DIVERGED);
        assertThat(Fixtures.lines(run.err())).hasSize(1).first().asString()
                .startsWith("train: diverged at epoch 1, batch").containsAnyOf("NaN", "∞").contains("clip");
        assertThat(run.out()).contains("diverged after 1 epoch,").doesNotContain("NaN%");
        assertThat(Fixtures.lines(run.out())).filteredOn(l -> l.startsWith("epoch")).hasSize(1);
        ModelFile.Sequence saved = (ModelFile.Sequence) ModelFiles.load(out);
        assertThat(saved.metadata().training()).containsEntry("state", "diverged");
        for (Parameter p : saved.model().parameters()) for (double v : p.data()) assertThat(Double.isFinite(v)).isTrue();
    }

    @Test
    void stopsAtTheTimeLimitAndStillWritesTheModel() {
        Path out = dir.resolve("lstm.json");
        CliRun run = CliRun.of("train", "--cell", "lstm", "--hidden", "8", "--epochs", "100000", "--examples", "200",
                "--time-limit", "0.5", "--out", out.toString()).ok();
        assertThat(run.out()).contains("time limit reached");
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void rejectsBadSettingsBeforeTraining() {
        Path out = dir.resolve("x.json");
        CliRun.of("train", "--cell", "transformer", "--out", out.toString()).badInput("unknown cell 'transformer'", "lstm, gru, rnn, dense");
        CliRun.of("train", "--lr", "-1", "--out", out.toString()).badInput("learning rate must be a positive number");
        CliRun.of("train", "--task", "copy", "--out", out.toString()).badInput("--task is 'copy'; expected addition");
        CliRun.of("train", "--threads", "3", "--out", out.toString()).badInput("--threads: threads must be within 1..2, got 3");
        CliRun.of("train", "--until-accuracy", "1.5", "--out", out.toString()).badInput("until-accuracy must be within [0, 1]");
        CliRun.of("train", "--reversed", "yes", "--out", out.toString()).badInput("reversed input must be true or false, got 'yes'");
        CliRun.of("train", "--examples", "10", "--validation", "0.95", "--out", out.toString()).badInput("no examples are left");
        CliRun.of("train", "--out", dir.resolve("missing/dir/m.json").toString()).badInput("m.json", "does not exist");
        CliRun.of("train", "--hidden", "many", "--out", out.toString()).badInput("--hidden");
        assertThat(Files.exists(out)).isFalse();
    }
}
