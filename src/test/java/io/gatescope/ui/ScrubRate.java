package io.gatescope.ui;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.Assets;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.model.TraceCursor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Not a test: a hand-run harness for the brief's "H = 256 over 200 steps still scrubs without
 * visible lag". It saves a 256-unit, two-layer LSTM stack, opens it in the real main window with a
 * 200-step random sequence, then drags the cursor one step per mouse event, back and forth, and
 * prints how many times per second each kind of canvas was redrawn. Speed is measured here, never
 * asserted in a unit test.
 *
 * <pre>
 * Xvfb :97 -screen 0 1600x1000x24 -nolisten tcp &amp;
 * DISPLAY=:97 java --add-modules jdk.incubator.vector [-Dscrub.warmup=30] -cp classes:test-classes:$CP \
 *     io.gatescope.ui.ScrubRate [model.json]
 * </pre>
 * With a path, the model is written there (and can be opened in the app afterwards).
 */
public final class ScrubRate {
    private static final int HIDDEN = 256;
    private static final int STEPS = 200;
    private static final int INPUTS = 16;
    /** The JIT keeps compiling for about half a minute: {@code -Dscrub.warmup=30} measures the settled rate. */
    private static final double WARM_UP_S = Double.parseDouble(System.getProperty("scrub.warmup", "6"));
    private static final double MEASURE_S = 10;
    /** A mouse reports its position about this often while dragging (125 Hz). */
    private static final long MOUSE_PERIOD_MS = 8;

    private ScrubRate() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("scrub-rate").resolve("lstm-256.json");
        saveModel(file);
        System.setProperty("scrub.model", file.toString());
        // A plain main class that launches the Application: Java's launcher refuses an Application
        // subclass as main class when JavaFX is on the class path rather than the module path.
        Application.launch(Window.class, args);
    }

    /** A seeded 256-unit LSTM stack in Gatescope's model format. */
    private static void saveModel(Path file) throws Exception {
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, INPUTS, HIDDEN, 2, false);
        SplittableRandom rng = new SplittableRandom(256);
        for (RecurrentLayer layer : stack.layers()) Initialisers.pytorchDefault(layer, rng);
        ModelFiles.save(file, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
    }

    /** The main window on the saved model, scrubbed once it has drawn. */
    public static final class Window extends Application {
        private final ExecutorService compute = ComputeThread.create();

        @Override public void start(Stage stage) {
            AppModel app = new AppModel(new ModelLoader(Assets.folder()), compute);
            MainWindow window = new MainWindow(app);
            stage.setScene(new Scene(window, 1600, 1000));
            stage.setTitle("Gatescope — scrub rate");
            stage.show();
            app.sequenceLengthProperty().set(STEPS);
            app.cursorProperty().addListener(new ChangeListener<>() {
                @Override public void changed(ObservableValue<? extends TraceCursor> o, TraceCursor a, TraceCursor c) {
                    if (c == null || c.trace().totalSteps() != STEPS) return;
                    o.removeListener(this);
                    PauseTransition settle = new PauseTransition(Duration.seconds(1));   // first layout and draw
                    settle.setOnFinished(e -> scrub(app, window));
                    settle.play();
                }
            });
            app.open(Path.of(System.getProperty("scrub.model")));
        }

        /**
         * Scrubs as a mouse drag does: a move every {@link #MOUSE_PERIOD_MS} ms, and like the window
         * system's motion compression, no new move while the last one waits for the FX thread.
         */
        private void scrub(AppModel app, MainWindow window) {
            List<ChartCanvas> canvases = List.of(window.heatmaps().canvases().get(0), window.strips().canvases().get(0),
                    window.cell().canvas(), window.unrolled().canvas());
            AtomicBoolean pending = new AtomicBoolean();
            int[] direction = {1};
            int[] moves = {0};
            ScheduledExecutorService mouse = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scrub-mouse");
                t.setDaemon(true);
                return t;
            });
            mouse.scheduleAtFixedRate(() -> {
                if (!pending.compareAndSet(false, true)) return;
                Platform.runLater(() -> {
                    int next = app.stepProperty().get() + direction[0];
                    if (next < 0 || next >= app.totalSteps()) direction[0] = -direction[0];
                    app.stepBy(direction[0]);
                    moves[0]++;
                    pending.set(false);
                });
            }, 0, MOUSE_PERIOD_MS, TimeUnit.MILLISECONDS);
            PauseTransition warmUp = new PauseTransition(Duration.seconds(WARM_UP_S));
            warmUp.setOnFinished(w -> {
                int[] before = counts(canvases);
                int movesBefore = moves[0];
                long start = System.nanoTime();
                PauseTransition measure = new PauseTransition(Duration.seconds(MEASURE_S));
                measure.setOnFinished(m -> {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    mouse.shutdownNow();
                    report(canvases.size(), before, counts(canvases), moves[0] - movesBefore, seconds,
                            window.heatmaps().canvases().size());
                    Platform.exit();
                });
                measure.play();
            });
            warmUp.play();
        }

        private static int[] counts(List<ChartCanvas> canvases) {
            return canvases.stream().mapToInt(c -> c.redrawsProperty().get()).toArray();
        }

        private static void report(int n, int[] before, int[] after, int moves, double seconds, int heatmaps) {
            String[] names = {"heatmap", "strip", "cell diagram", "unrolled view"};
            System.out.printf(Locale.ROOT, "H=%d, T=%d, %d heatmaps shown: %.1f s of scrubbing, %d cursor moves (%.1f/s)%n",
                    HIDDEN, STEPS, heatmaps, seconds, moves, moves / seconds);
            for (int i = 0; i < n; i++) {
                System.out.printf(Locale.ROOT, "  %-14s %6.1f redraws/s%n", names[i], (after[i] - before[i]) / seconds);
            }
        }

        @Override public void stop() {
            compute.shutdownNow();
        }
    }
}
