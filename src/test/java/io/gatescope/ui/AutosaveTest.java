package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.input.InputBar;
import io.gatescope.engine.EncoderDecoder;
import java.util.HashMap;
import javafx.scene.control.Label;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.settings.Autosave;
import io.gatescope.ui.settings.SettingsBinder;
import io.gatescope.ui.settings.SettingsStore;
import io.gatescope.ui.settings.ViewSettings;
import io.gatescope.ui.training.TrainedWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The session is autosaved while training runs, offered back after a start that finds it left over,
 * restored on request (model, input, trained weights), kept when declined, and removed by a clean exit.
 */
class AutosaveTest extends WindowTestBase {
    @TempDir Path home;

    private Autosave autosave() { return new Autosave(home.resolve("autosave.json")); }

    private SettingsBinder binder() { return new SettingsBinder(app, new SettingsStore(home)); }

    private void type(String key, String text) {
        ((TextField) window.training().lookup("#setting-" + key)).setText(text);
    }

    @Test
    void theAutosaveHoldsTheWeightsOfARunInProgress(FxRobot robot) throws Exception {
        Autosave autosave = autosave();
        robot.interact(() -> window.showView(window.training()));
        robot.interact(() -> {
            type("hidden", "8");
            type("examples", "600");
            type("batch", "32");
            type("epochs", "100000");
            autosave.begin(stage, app, binder(), window.training(), 1);
            ((Button) window.training().lookup("#start")).fire();
        });
        await(() -> window.training().latestWeightsProperty().get() != null);
        robot.interact(() -> ((Button) window.training().lookup("#pause")).fire());
        await(() -> ((Button) window.training().lookup("#resume")).isDisabled() == false);
        // an autosave after the pause holds exactly the weights the panel shows (paused: no newer ones come)
        await(() -> window.training().latestWeightsProperty().get().label().equals(savedLabel(autosave.file())));
        TrainedWeights shown = window.training().latestWeightsProperty().get();
        JsonNode saved = new ObjectMapper().readTree(autosave.file().toFile());
        assertThat(saved.at("/trained/settings/hidden").asInt()).isEqualTo(8);
        for (Map.Entry<String, double[]> w : shown.weights().entrySet()) {
            double[] file = new ObjectMapper().convertValue(saved.at("/trained/weights/" + w.getKey()), double[].class);
            assertThat(file).as(w.getKey()).containsExactly(w.getValue());
        }
        assertThat(saved.at("/view/input").asText()).isEqualTo("67+60");
        robot.interact(() -> ((Button) window.training().lookup("#stop")).fire());
        autosave.cleanExit();      // its writer thread would otherwise go on saving this window for the rest of the run
    }

    private static String savedLabel(Path file) {
        try {
            return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()).at("/trained/label").asText() : null;
        } catch (java.io.IOException partialRead) {
            return null;
        }
    }

    @Test
    void aLeftOverAutosaveIsOfferedAndRestoringGivesBackModelInputAndWeights(FxRobot robot) throws Exception {
        TrainedWeights trained = trainedWeights();
        leaveAutosave(trained);
        Autosave next = autosave();                 // the next start finds it
        Platform.runLater(() -> next.begin(stage, app, binder(), window.training(), 3600));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String offer = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertThat(offer).contains("input 12+34 at step 3", "trained weights of LSTM 8 · epoch 1.00");
        robot.clickOn("Restore");

        await(() -> app.modelProperty().get() != null && app.modelProperty().get().name().equals("Restored: LSTM 8 · epoch 1.00")
                && app.cursorProperty().get() != null);
        assertThat(app.inputTextProperty().get()).isEqualTo("12+34");
        SequenceModel restored = ((LoadedModel.Addition) app.modelProperty().get()).model();
        for (Parameter p : restored.parameters()) {
            assertThat(p.data()).as(p.name()).containsExactly(trained.weights().get(p.name()));
        }
        TrainedWeights panel = window.training().latestWeightsProperty().get();   // Save and Start work from these
        assertThat(panel.label()).isEqualTo(trained.label());
        trained.weights().forEach((name, w) -> assertThat(panel.weights().get(name)).as(name).containsExactly(w));
        robot.interact(() -> window.showView(window.training()));
        String[] hidden = new String[1];
        robot.interact(() -> hidden[0] = ((TextField) window.training().lookup("#setting-hidden")).getText());
        assertThat(hidden[0]).isEqualTo("8");
        next.cleanExit();
    }

    @Test
    void aRunOnReversedInputComesBackReadingItReversed(FxRobot robot) throws Exception {
        Path f = Path.of(getClass().getResource("/models/lstm32-reversed.json").toURI());
        ModelFile.Sequence file = (ModelFile.Sequence) ModelFiles.load(f);
        Map<String, double[]> weights = new HashMap<>();
        for (Parameter p : file.model().parameters()) weights.put(p.name(), p.data().clone());
        leaveAutosave(new TrainedWeights("LSTM 32 reversed · epoch 40.00", TrainingConfig.fromNotes(file.metadata().training()), weights));
        Autosave next = autosave();
        Platform.runLater(() -> next.begin(stage, app, binder(), window.training(), 3600));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("Restore");
        await(() -> app.modelProperty().get() != null && app.modelProperty().get().name().startsWith("Restored: ")
                && app.traceProperty().get() != null && app.traceProperty().get().inputLabels().get(0).equals("4"));
        assertThat(robot.lookup("#" + InputBar.ANSWER_ID).queryAs(Label.class).getText()).startsWith("reads 43+21 (12+34 reversed)");
        ModelTrace restored = app.traceProperty().get();

        // the same file opened in the main view: the restored run must show exactly its numbers
        // (as File ▸ Open shows it: the reading direction from the file's notes)
        LoadedModel opening = new LoadedModel.Addition("LSTM 32 reversed", f.toString(), true, (EncoderDecoder) file.model(),
                ModelFiles.readsReversed(file.metadata()));
        robot.interact(() -> app.show(opening, "12+34"));
        await(() -> app.modelProperty().get() == opening && app.traceProperty().get() != null && app.traceProperty().get() != restored);
        ModelTrace opened = app.traceProperty().get();
        assertThat(restored.inputLabels()).isEqualTo(opened.inputLabels());
        assertThat(restored.outputLabels()).isEqualTo(opened.outputLabels());
        for (int t = 0; t < opened.encoder().top().length(); t++) {
            for (int u = 0; u < 32; u++) {
                assertThat(restored.encoder().top().step(t).h(u)).as("h[%d][%d]", t, u).isEqualTo(opened.encoder().top().step(t).h(u));
            }
        }
        next.cleanExit();
    }

    @Test
    void decliningKeepsTheFileAndACleanExitRemovesIt(FxRobot robot) throws Exception {
        leaveAutosave(null);
        Autosave next = autosave();
        Platform.runLater(() -> next.begin(stage, app, binder(), window.training(), 3600));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()).endsWith("input 12+34 at step 3.");
        robot.clickOn("Not now");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(app.inputTextProperty().get()).isEqualTo("67+60");
        assertThat(next.file()).exists();
        next.cleanExit();
        assertThat(next.file()).doesNotExist();
    }

    /** An LSTM 8 trained for one epoch on a few sums, as the training panel would hand it over. */
    private static TrainedWeights trainedWeights() {
        TrainingConfig c = TrainingConfig.defaults().with(TrainingSetting.HIDDEN, 8L).with(TrainingSetting.EXAMPLES, 200L)
                .with(TrainingSetting.EPOCHS, 1L).with(TrainingSetting.BATCH, 32L);
        Trainer t = new Trainer(c);
        t.run(s -> { });
        return new TrainedWeights("LSTM 8 · epoch 1.00", c, t.weights());
    }

    /** The file a run killed while showing input 12+34 at step 3 leaves behind. */
    private void leaveAutosave(TrainedWeights trained) throws Exception {
        ViewSettings d = ViewSettings.DEFAULT;
        ViewSettings view = new ViewSettings(d.model(), "12+34", 2, d.layer(), d.selectedUnit(), d.notation(), d.deskTheme(),
                d.presenterTheme(), d.palette(), d.deskZoom(), d.presenterZoom(), d.speed(), d.sequenceLength(),
                d.sequenceSeed(), d.recentFiles(), d.window(), d.sequence(), d.sequenceOrigin());
        Autosave crashed = autosave();
        crashed.saveLater(view, trained).get();
        assertThat(crashed.file()).exists();
    }
}
