package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.Traces;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.SequenceInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Opening PyTorch weights: the window switches to a sequence input and shows the engine's trace of them. */
class OpenFileTest extends WindowTestBase {
    private static final int INPUT = 3;
    private static final int HIDDEN = 4;

    @TempDir
    Path dir;

    @Test
    void openingPyTorchGruWeightsShowsTheirTraceOnASeededSequence(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path file = pyTorchGru(dir.resolve("gru-3-4.json"));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Stack && app.cursorProperty().get() != null
                && app.cursorProperty().get().kind() == CellKind.GRU);

        Label badge = robot.lookup("#" + ModelPicker.BADGE_ID).queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("GRU · 4 units");
        Label summary = robot.lookup("#sequenceSummary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("8 steps × 3 numbers (random, seed 1)");
        assertThat(app.recentFiles()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(app.choices()).contains(new ModelChoice.FromFile(file));

        // The same file read by the io package and run by the engine, without the UI.
        ModelFile.Stack loaded = (ModelFile.Stack) ModelFiles.load(file);
        ModelTrace expected = Traces.of(loaded.stack(), SequenceInput.random(8, INPUT, 1).rows());
        robot.interact(() -> app.goTo(3));
        await(() -> app.cursorProperty().get().index() == 3);
        StepTrace step = expected.encoder().top().step(3);
        assertThat(window.equations().equationTexts()).first().asString().startsWith("rt = σ(");
        assertThat(window.equations().unitEquationTexts())
                .anySatisfy(l -> assertThat(l).startsWith("z₀ = σ(").endsWith("= " + shown(step.gate(1, 0))))
                .anySatisfy(l -> assertThat(l).startsWith("h₀ = ").endsWith("= " + shown(step.h(0))));
    }

    @Test
    void aFileThatIsNotAModelSaysWhyAndTheModelOnScreenStays(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        LoadedModel before = app.modelProperty().get();
        Path bad = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
        robot.interact(() -> app.open(bad));
        Label error = robot.lookup("#" + MainWindow.MODEL_ERROR_ID).queryAs(Label.class);
        await(error::isVisible);
        assertThat(error.getText()).contains("notes.json").contains("is not a model file");
        assertThat(app.modelProperty().get()).isSameAs(before);
        assertThat(app.modelChoiceProperty().get()).isInstanceOf(ModelChoice.Shipped.class);
        assertThat(app.recentFiles()).isEmpty();
    }

    /** A PyTorch nn.GRU(3, 4) state_dict as JSON, with seeded weights. */
    static Path pyTorchGru(Path file) throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        int rows = 3 * HIDDEN;
        String json = "{\"cell\": \"gru\", \"input_size\": " + INPUT + ", \"hidden_size\": " + HIDDEN + ", \"state_dict\": {"
                + "\"weight_ih_l0\": " + matrix(rows, INPUT, rng) + ", \"weight_hh_l0\": " + matrix(rows, HIDDEN, rng)
                + ", \"bias_ih_l0\": " + vector(rows, rng) + ", \"bias_hh_l0\": " + vector(rows, rng) + "}}";
        return Files.writeString(file, json);
    }

    private static String matrix(int rows, int cols, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) sb.append(r == 0 ? "" : ", ").append(vector(cols, rng));
        return sb.append("]").toString();
    }

    private static String vector(int n, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", rng.nextDouble(-0.8, 0.8)));
        return sb.append("]").toString();
    }
}
