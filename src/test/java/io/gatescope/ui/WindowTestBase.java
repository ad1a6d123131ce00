package io.gatescope.ui;

import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;

/**
 * Shows the real main window headless on a model with no asset file, so it falls back to the
 * seeded untrained LSTM: every number on screen can be recomputed here through the engine.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    /** An empty assets folder: every shipped model is the seeded stand-in. JUnit deletes it afterwards. */
    @org.junit.jupiter.api.io.TempDir
    Path assets;
    /**
     * How long a wait for the window may take before the test fails: generous, because a loaded machine
     * (two cores, other builds) ran a gradient study or a training epoch many times slower than idle, and a
     * wait that passes costs only the time its condition takes. A hang still fails the test here.
     */
    protected static final long TIMEOUT_S = 120;
    protected AppModel app;
    protected MainWindow window;
    protected Stage stage;
    private ExecutorService compute;
    private java.util.Set<Thread> trainingThreadsBefore;

    // TestFX looks for @Start only in the test class itself, so the base class sets up in @BeforeEach.
    @BeforeEach
    void showWindow() throws Exception {
        trainingThreadsBefore = io.gatescope.ui.training.TrainingThreads.live();
        compute = ComputeThread.create();
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            app = new AppModel(new ModelLoader(assets), compute);
            window = new MainWindow(app);
            s.setScene(new Scene(window, 1280, 720));
            s.sizeToScene();   // the primary stage is shared: one sized by an earlier test must not size this scene
            s.show();
            s.toFront();
            app.modelChoiceProperty().set(app.choices().get(0));
        });
        waitForFxEvents();
    }

    @AfterEach
    void stopCompute() throws Exception {
        // A run the test started (or left paused) stops with the window, as closing it does in the app.
        if (window != null) io.gatescope.ui.training.TrainingThreads.dispose(window.training(), trainingThreadsBefore);
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    /** Waits until the trace for {@code input} is on screen. */
    protected void awaitTrace(String input) throws Exception {
        AdditionTask.Example ex = AdditionTask.parse(input).example().orElseThrow();
        await(() -> ex.equals(app.tracedExampleProperty().get()) && app.cursorProperty().get() != null
                && app.cursorProperty().get().trace() == app.traceProperty().get());
    }

    protected void await(BooleanSupplier condition) throws Exception {
        waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition::getAsBoolean);
        waitForFxEvents();
    }

    /** The engine's own trace of the stand-in model for {@code input}, computed independently of the UI. */
    protected static ModelTrace engineTrace(CellKind kind, String input) {
        EncoderDecoder model = AdditionModels.encoderDecoder(kind, ModelLoader.UNTRAINED_HIDDEN, ModelLoader.UNTRAINED_SEED);
        return AdditionModels.trace(model, AdditionTask.parse(input).example().orElseThrow());
    }

    /** A number as the equations print it: three decimals and a true minus sign. */
    protected static String shown(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s.replace('-', '−');
    }

    protected void chooseShipped(FxRobot robot, CellKind kind) throws Exception {
        ModelChoice choice = app.choices().stream()
                .filter(c -> c instanceof ModelChoice.Shipped s && s.kind() == kind).findFirst().orElseThrow();
        robot.interact(() -> app.modelChoiceProperty().set(choice));
        await(() -> app.modelProperty().get() != null && app.modelProperty().get().kind() == kind
                && app.cursorProperty().get() != null && app.cursorProperty().get().kind() == kind);
    }

    /** F5 (the focus on the cell diagram), then the window at 1280×720 whether or not the headless screen goes full screen. */
    protected void presenterOnProjector(FxRobot robot) throws Exception {
        robot.clickOn(window.cell().canvas()).type(javafx.scene.input.KeyCode.F5);
        await(() -> app.view().presenterProperty().get() && window.splits().size() == 1);
        robot.interact(() -> {
            var w = window.getScene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(1280);
            w.setHeight(720);
        });
        robot.interact(() -> { });
    }

    /** The colour a region fills itself with: its last opaque fill. */
    static javafx.scene.paint.Color fill(javafx.scene.layout.Region r) {
        javafx.scene.paint.Color c = null;
        if (r.getBackground() != null) {
            for (var f : r.getBackground().getFills()) {
                if (f.getFill() instanceof javafx.scene.paint.Color k && k.getOpacity() == 1) c = k;
            }
        }
        return c;
    }

    /** The opaque colour behind {@code n}: the nearest ancestor that fills itself with one. */
    static javafx.scene.paint.Color behind(javafx.scene.Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.layout.Region r && fill(r) != null) return fill(r);
        }
        throw new AssertionError("nothing opaque behind " + n);
    }

    /** WCAG's contrast ratio of two opaque colours ({@link io.gatescope.chart.ColourScales#contrast}). */
    static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        org.assertj.core.api.Assertions.assertThat(a).as("an opaque colour").isNotNull();
        return io.gatescope.chart.ColourScales.contrast(awt(a), awt(b));
    }

    static java.awt.Color awt(javafx.scene.paint.Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
