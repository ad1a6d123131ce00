package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict and evaluate say what Evaluation says about the same model. */
class PredictEvaluateCommandTest {
    @TempDir
    Path dir;

    private SequenceModel model;
    private Path file;

    @BeforeEach
    void saveAModel() throws Exception {
        // Random weights answer nonsense, but every character of it must match Evaluation's.
        model = new EncoderDecoder(CellKind.LSTM, 11, 16, 11, 5, 5, 1, false);
        SplittableRandom rng = new SplittableRandom(3);
        for (Parameter p : model.parameters()) Initialisers.uniform(p, 1.5, rng);
        file = dir.resolve("model.json");
        ModelFiles.save(file, new ModelFile.Sequence(model, ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
    }

    @Test
    void predictOneSum() {
        String out = CliRun.of("predict", "--model", file.toString(), "--text", "67+60").ok().out();
        assertThat(out).isEqualTo(Evaluation.predict(model, List.of("67+60")).get(0) + System.lineSeparator());
        assertThat(out.strip()).hasSize(5);
    }

    @Test
    void predictAFileLineByLinePaddingShortSums() throws Exception {
        Path questions = dir.resolve("q.txt");
        Files.writeString(questions, "67+60\n7+8\n\n 99+99 \n");
        List<String> out = Fixtures.lines(CliRun.of("predict", "--model", file.toString(), "--file", questions.toString()).ok().out());
        List<String> expected = Evaluation.predict(model, List.of("67+60", "007+8", "99+99"));
        assertThat(out).containsExactly(expected.get(0), expected.get(1), "", expected.get(2));
    }

    @Test
    void aBadLineIsNamedAndNothingIsPrinted() throws Exception {
        Path questions = dir.resolve("q.txt");
        Files.writeString(questions, "1+2\n3*4\n");
        CliRun.of("predict", "--model", file.toString(), "--file", questions.toString())
                .badInput("q.txt: line 2: '*' is not allowed, only digits and '+'", "e.g. 67+60");
        CliRun.of("predict", "--model", file.toString(), "--text", "100+1").badInput("--text: '100+1' has a number above 99");
    }

    @Test
    void evaluateReportsEvaluationsAccuracy() {
        Evaluation.Accuracy a = Evaluation.evaluate(model, AdditionTask.sample(300, new SplittableRandom(9)));
        String out = CliRun.of("evaluate", "--model", file.toString(), "--examples", "300", "--seed", "9").ok().out();
        assertThat(out).contains("300 sums (seed 9)",
                String.format(Locale.ROOT, "sequence accuracy:  %.4f  (%d of 300", a.sequences(), Math.round(a.sequences() * 300)),
                String.format(Locale.ROOT, "character accuracy: %.4f", a.characters()),
                String.format(Locale.ROOT, "loss:               %.4f", a.loss()));
    }

    @Test
    void theDenseBaselineWorksToo() throws Exception {
        DenseBaseline dense = new DenseBaseline(11, 11, 5, 50, 100);
        SplittableRandom rng = new SplittableRandom(4);
        for (Parameter p : dense.parameters()) Initialisers.uniform(p, 0.5, rng);
        Path denseFile = dir.resolve("dense.json");
        ModelFiles.save(denseFile, new ModelFile.Sequence(dense, ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
        String out = CliRun.of("predict", "--model", denseFile.toString(), "--text", "12+34").ok().out();
        assertThat(out.strip()).isEqualTo(Evaluation.predict(dense, List.of("12+34")).get(0));
    }

    @Test
    void aModelOfAnotherKindIsRefusedPlainly() throws Exception {
        Path noTask = dir.resolve("notask.json");
        ModelFiles.save(noTask, new ModelFile.Sequence(model, ModelFile.Metadata.NONE));
        CliRun.of("evaluate", "--model", noTask.toString())
                .badInput("notask.json: task is missing; expected a Gatescope model of the addition task");
        Path torch = Fixtures.torch("gru").resolve("model.json");
        CliRun.of("predict", "--model", torch.toString(), "--text", "1+1")
                .badInput("model.json: holds a bare gru stack without a dense head");
        CliRun.of("evaluate", "--model", file.toString(), "--examples", "0")
                .badInput("--examples is 0; expected a whole number of at least 1");
    }

    /** The same weights saved with the trainer's note that they read their questions reversed. */
    private Path reversedFile() throws Exception {
        Path f = dir.resolve("reversed.json");
        ModelFiles.save(f, new ModelFile.Sequence(model, ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of("reversed", true))));
        return f;
    }

    @Test
    void predictFeedsAReversedModelItsQuestionsReversed() throws Exception {
        String out = CliRun.of("predict", "--model", reversedFile().toString(), "--text", "7+8").ok().out();
        // 7+8 is padded to 007+8 and read backwards, 8+700, as the model was trained to read it
        assertThat(out.strip()).isEqualTo(Evaluation.predict(model, List.of("8+700")).get(0))
                .isNotEqualTo(Evaluation.predict(model, List.of("007+8")).get(0));
    }

    @Test
    void evaluateFeedsAReversedModelItsQuestionsReversed() throws Exception {
        Evaluation.Accuracy a = Evaluation.evaluate(model, AdditionTask.sample(300, new SplittableRandom(9)), true);
        String out = CliRun.of("evaluate", "--model", reversedFile().toString(), "--examples", "300", "--seed", "9").ok().out();
        assertThat(out).contains("300 sums (seed 9), each read reversed as the model was trained")
                .contains(String.format(Locale.ROOT, "character accuracy: %.4f", a.characters()))
                .contains(String.format(Locale.ROOT, "loss:               %.4f", a.loss()));
        assertThat(a.loss()).isNotEqualTo(Evaluation.evaluate(model, AdditionTask.sample(300, new SplittableRandom(9))).loss());
    }

    /** A 32-unit LSTM trained on reversed input by the trainer itself (see src/test/resources/models/README.md). */
    @Test
    void aModelTrainedOnReversedInputAddsThroughPredict() throws Exception {
        Path trained = Path.of(getClass().getResource("/models/lstm32-reversed.json").toURI());
        assertThat(CliRun.of("predict", "--model", trained.toString(), "--text", "67+60").ok().out().strip()).isEqualTo("00127");
        // read as written, the same weights do not add up: the note is what makes them right
        SequenceModel m = ModelFiles.additionModel(trained, ModelFiles.load(trained));
        assertThat(Evaluation.evaluate(m, AdditionTask.sample(500, new SplittableRandom(5))).sequences()).isLessThan(0.2);
        assertThat(Evaluation.evaluate(m, AdditionTask.sample(500, new SplittableRandom(5)), true).sequences()).isGreaterThan(0.9);
    }
}
