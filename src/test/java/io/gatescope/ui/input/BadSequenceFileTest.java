package io.gatescope.ui.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.MainWindow;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.model.SequenceInput;
import io.gatescope.ui.model.TraceCursor;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Loading a sequence file that is bad, or too large to read, in the real window: the reason shows in
 * the sequence bar beside its controls, and the sequence on screen stays, traced and steppable.
 */
@ExtendWith(ApplicationExtension.class)
class BadSequenceFileTest {
    /** An empty assets folder: every shipped model is the seeded stand-in. JUnit deletes it afterwards. */
    @org.junit.jupiter.api.io.TempDir
    Path assets;
    @TempDir Path dir;
    private ExecutorService compute;
    private AppModel app;
    private MainWindow window;
    private SequenceBar bar;

    @BeforeEach
    void show() throws Exception {
        compute = ComputeThread.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            app = new AppModel(new ModelLoader(assets), compute);
            window = new MainWindow(app);
            s.setScene(new Scene(window, 1280, 720));
            s.show();
            app.modelChoiceProperty().set(app.choices().get(0));
        });
        Path model = dir.resolve("lstm-3.json");
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 3, 4, 1, false);
        for (RecurrentLayer layer : stack.layers()) Initialisers.pytorchDefault(layer, new SplittableRandom(5));
        ModelFiles.save(model, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        FxToolkit.setupFixture(() -> app.open(model));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Stack && app.cursorProperty().get() != null);
        FxToolkit.setupFixture(() -> bar = (SequenceBar) window.lookupAll("*").stream()
                .filter(SequenceBar.class::isInstance).findFirst().orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    private static void await(BooleanSupplier c) throws Exception {
        waitFor(120, TimeUnit.SECONDS, c::getAsBoolean);
        waitForFxEvents();
    }

    private Label error(FxRobot robot) {
        return robot.from(bar).lookup(".danger").queryAs(Label.class);
    }

    private void loadAndExpect(FxRobot robot, Path file, String... message) throws Exception {
        SequenceInput before = app.sequenceProperty().get();
        TraceCursor cursor = app.cursorProperty().get();
        String summary = robot.from(bar).lookup("#" + SequenceBar.SUMMARY_ID).queryAs(Label.class).getText();
        robot.interact(() -> bar.load(file));
        await(() -> !error(robot).getText().isEmpty());
        Label error = error(robot);
        assertThat(error.getText()).contains(message);
        assertThat(error.isVisible()).isTrue();
        Bounds shown = error.localToScene(error.getBoundsInLocal());
        Bounds within = bar.localToScene(bar.getBoundsInLocal());
        assertThat(shown.getWidth()).isPositive();
        assertThat(within.contains(shown.getMinX(), shown.getCenterY())).as("the message is in the sequence bar").isTrue();
        // the previous sequence is still the one fed, shown and traced, and it can still be stepped through
        assertThat(app.sequenceProperty().get()).isSameAs(before);
        assertThat(robot.from(bar).lookup("#" + SequenceBar.SUMMARY_ID).queryAs(Label.class).getText()).isEqualTo(summary);
        assertThat(app.cursorProperty().get().trace()).isSameAs(cursor.trace());
        int step = app.stepProperty().get();
        robot.interact(() -> app.stepBy(1));
        assertThat(app.stepProperty().get()).isEqualTo(step + 1);
        robot.interact(() -> app.stepBy(-1));
    }

    @Test
    void aBadFileIsExplainedBesideTheControlsAndTheSequenceStays(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "0.1,0.2,0.3\n0.4,seven,0.6\n");
        loadAndExpect(robot, bad, "bad.csv: ", "line 2");
    }

    @Test
    void aFileTooLargeToReadIsExplainedAndTheSequenceStays(FxRobot robot) throws Exception {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);   // 3 GB, sparse: costs no disk, and is one endless line of NULs
        }
        loadAndExpect(robot, huge, "huge.csv: ", "line 1 is longer than 100,000 characters");
    }
}
