package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.engine.CellKind;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.input.InputBar;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.settings.SettingsBinder;
import io.gatescope.ui.settings.SettingsStore;
import io.gatescope.ui.settings.ViewSettings;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.SequenceInput;
import java.util.List;
import java.util.SplittableRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** Whatever the saved state, a start shows a model and its trace. */
@ExtendWith(ApplicationExtension.class)
class RestartTest {
    @TempDir
    Path home;
    private final ExecutorService compute = ComputeThread.create();
    private AppModel app;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    private void start(ViewSettings saved) throws Exception {
        SettingsStore store = new SettingsStore(home);
        store.save(saved);
        Path assets = Files.createDirectories(home.resolve("assets"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            app = new AppModel(new ModelLoader(assets), compute);
            s.setScene(new Scene(new MainWindow(app), 1280, 720));
            new SettingsBinder(app, store).restoreAndTrack();
            s.show();
        });
        waitForFxEvents();
    }

    private static ViewSettings with(String model, String input) {
        return with(model, input, null, null);
    }

    private static ViewSettings with(String model, String input, List<List<Double>> sequence, String origin) {
        ViewSettings d = ViewSettings.DEFAULT;
        return new ViewSettings(model, input, d.step(), d.layer(), d.selectedUnit(), d.notation(), d.deskTheme(),
                d.presenterTheme(), d.palette(), d.deskZoom(), d.presenterZoom(), d.speed(), d.sequenceLength(),
                d.sequenceSeed(), d.recentFiles(), d.window(), sequence, origin);
    }

    @Test
    void anEditedSequenceComesBackWithItsModel(FxRobot robot) throws Exception {
        Path file = home.resolve("lstm-2.json");
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 2, 3, 1, false);
        for (RecurrentLayer layer : stack.layers()) Initialisers.pytorchDefault(layer, new SplittableRandom(5));
        ModelFiles.save(file, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        List<List<Double>> rows = List.of(List.of(0.5, -1.0), List.of(2.0, 3.25), List.of(1.0, 1.0));
        start(with("file:" + file, "67+60", rows, "edited in the table"));
        waitFor(120, TimeUnit.SECONDS, () -> app.modelProperty().get() instanceof LoadedModel.Stack
                && app.cursorProperty().get() != null);
        waitForFxEvents();

        assertThat(robot.lookup("#sequenceSummary").queryAs(Label.class).getText())
                .isEqualTo("3 steps × 2 numbers (edited in the table)");
        assertThat(app.totalSteps()).isEqualTo(3);
        assertThat(app.traceProperty().get().encoder().layers().get(0).steps().get(1).xCopy()).containsExactly(2.0, 3.25);

        // A new edit is saved for the next start.
        robot.interact(() -> app.sequenceProperty().set(new SequenceInput(new double[][] {{7, 8}}, "edited in the table")));
        SettingsStore store = new SettingsStore(home);
        waitFor(120, TimeUnit.SECONDS, () -> List.of(List.of(7.0, 8.0)).equals(store.load().sequence()));
        assertThat(store.load().sequenceOrigin()).isEqualTo("edited in the table");
    }

    @Test
    void anInputSavedWhileInvalidStartsOnTheDefaultInputWithItsTrace(FxRobot robot) throws Exception {
        start(with("shipped:gru", "5+5a"));
        waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null);
        waitForFxEvents();

        assertThat(robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class).getText()).isEqualTo("67+60");
        assertThat(app.tracedExampleProperty().get()).isEqualTo(AdditionTask.parse("67+60").example().orElseThrow());
        assertThat(app.inputErrorProperty().get()).isEmpty();
        assertThat(app.modelProperty().get().kind()).isEqualTo(CellKind.GRU);
    }

    @Test
    void quittingWhileTheInputIsInvalidSavesTheLastValidInput(FxRobot robot) throws Exception {
        start(with("shipped:lstm", "67+60"));
        waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null);
        SettingsStore store = new SettingsStore(home);
        SettingsBinder[] binder = new SettingsBinder[1];
        robot.interact(() -> {
            binder[0] = new SettingsBinder(app, store);
            binder[0].restoreAndTrack();
            app.inputTextProperty().set("5+5");
            app.inputTextProperty().set("5+5a");
            binder[0].saveNow();
        });
        assertThat(store.load().input()).isEqualTo("5+5");
    }

    @Test
    void aLastModelFileThatNoLongerOpensStartsOnTheShippedLstmAndSaysWhy(FxRobot robot) throws Exception {
        Path broken = Files.writeString(home.resolve("broken.json"), "{ this is not a model");
        start(with("file:" + broken, "67+60"));
        waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null);
        waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> picker = robot.lookup("#" + ModelPicker.COMBO_ID).queryAs(ComboBox.class);
        assertThat(picker.getValue()).isInstanceOf(ModelChoice.Shipped.class);
        assertThat(((ModelChoice.Shipped) picker.getValue()).kind()).isEqualTo(CellKind.LSTM);
        assertThat(robot.lookup("#" + ModelPicker.BADGE_ID).queryAs(Label.class).getText()).startsWith("LSTM");
        assertThat(robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class).isVisible()).isTrue();
        Label error = robot.lookup("#" + MainWindow.MODEL_ERROR_ID).queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Could not open").contains("broken.json");
        assertThat(app.tracedExampleProperty().get()).isEqualTo(AdditionTask.parse("67+60").example().orElseThrow());
    }
}
