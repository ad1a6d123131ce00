package io.gatescope.ui.training;

import io.gatescope.io.Assets;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.MainWindow;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelLoader;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: opens the real window on the training panel with the settings given as arguments
 * (key=value, e.g. hidden=32 epochs=6) and runs the comparison (or, with "run", one training), so
 * the docs' screenshots can be taken under Xvfb with ImageMagick's import. Arguments: WIDTH HEIGHT ZOOM
 * then settings; "presenter" switches presenter mode on (key P); "measure" prints the pulses ({@link PulseMeter})
 * and the run's examples per second when it ends, and quits; "throughput" prints the trainer's counters at each
 * epoch's end ({@link TrainingThroughput}) and the same end line, and quits; "mainview" shows the main view
 * once the run starts (the panel hidden while it trains); "cold" leaves out the application's warm-up of the
 * training step; "wait=S" starts the run S seconds
 * after the window is up; "alternate=S" switches between the panel and the main view every S seconds
 * of the run, in the order panel, main, main, panel, panel, main, ... (so every four spans make an
 * ABBA block, whose drift cancels), and prints at each switch what the trainer did in the span that
 * ends ({@link TrainingThroughput}'s interleaved mode). The end of a run is announced on stdout.
 */
public final class TrainingScreens {
    public static void main(String[] args) {
        Application.launch(Window.class, args); // a plain main class: the JavaFX launcher check needs one
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            var args = getParameters().getRaw();
            AppModel app = new AppModel(new ModelLoader(Assets.folder()), ComputeThread.create());
            MainWindow window = new MainWindow(app);
            stage.setScene(new Scene(window, Double.parseDouble(args.get(0)), Double.parseDouble(args.get(1))));
            app.view().setZoom(Double.parseDouble(args.get(2)));
            app.modelChoiceProperty().set(app.choices().get(0));
            stage.show();
            if (!getParameters().getRaw().contains("cold")) window.training().warmUp();   // as GatescopeApp does
            window.showView(window.training());
            TrainingPanel panel = window.training();
            boolean single = false, measure = false, throughput = false, mainView = false;
            double startAfter = 0, alternate = 0;
            for (String a : args.subList(3, args.size())) {
                switch (a) {
                    case "run" -> single = true;
                    case "measure" -> measure = true;
                    case "throughput" -> throughput = true;
                    case "mainview" -> mainView = true;
                    case "cold" -> { }   // no warm-up of the training step, which the application does at its start
                    case "presenter" -> { // what keys P then T do: presenter mode shows the panels, T the training panel
                        app.view().presenterProperty().set(true);
                        window.showView(panel);
                    }
                    default -> {
                        String[] kv = a.split("=", 2);
                        if (kv[0].equals("wait")) { // seconds to let the window settle (its start is not the run's)
                            startAfter = Double.parseDouble(kv[1]);
                            continue;
                        }
                        if (kv[0].equals("alternate")) {
                            alternate = Double.parseDouble(kv[1]);
                            continue;
                        }
                        TrainingSetting s = TrainingSetting.byKey(kv[0]);
                        if (s.type() == TrainingSetting.Type.INT || s.type() == TrainingSetting.Type.REAL) panel.type(s, kv[1]);
                        else panel.settings().setText(s, kv[1]);
                    }
                }
            }
            boolean one = single, measuring = measure, showMain = mainView;
            double every = alternate;
            PulseMeter meter = new PulseMeter();
            // a screenshot script waits for these lines
            panel.session().activeProperty().addListener((o, was, now) -> {
                if (!now) System.out.println("training panel: finished");
            });
            panel.session().moments().addListener((javafx.collections.ListChangeListener<TrainingSession.Moment>) c ->
                    System.out.println("training panel: moment " + panel.session().moments().size()));
            if (throughput) {   // the trainer's own counters at each epoch's end, for TrainingThroughput's steady span
                long[] printed = {0};
                panel.session().moments().addListener((javafx.collections.ListChangeListener<TrainingSession.Moment>) c -> {
                    for (TrainingSession.Moment m : panel.session().moments()) {
                        if (m.at().examplesSeen() <= printed[0]) continue;   // a thinning re-lists the moments shown already
                        printed[0] = m.at().examplesSeen();
                        System.out.printf(Locale.ROOT, "window epoch %d: %d examples, %.6f s%n", m.at().epoch(),
                                m.at().examplesSeen(), m.at().elapsedSeconds());
                    }
                });
            }
            if (measure || throughput) {   // throughput: the same end-of-run line, without the meter's pulses
                panel.session().activeProperty().addListener((o, was, now) -> {
                    if (now) return;
                    meter.stop();
                    TrainingSnapshot s = panel.session().snapshotProperty().get();
                    if (meter.pulses() > 0) System.out.println(meter.details("window run"));
                    System.out.printf(Locale.ROOT, "window run: %d epochs, %.1f s training, %.0f examples/s%n",
                            s.epoch(), s.elapsedSeconds(), s.examplesPerSecond());
                    System.out.println("window run: settings " + panel.session().trainer().config().notes());
                    Platform.exit();
                });
            }
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(startAfter));
            settle.setOnFinished(e -> {
                if (one) panel.session().start(panel.settings().config(), null, false);
                else panel.session().compare(panel.settings().config());
                if (showMain) window.showPanels();   // the lecturer watches the main view while the run goes on
                if (every > 0) alternate(window, panel, every);
                if (measuring) { // from the run's first batch on: the window's own start is not the run's
                    panel.session().snapshotProperty().addListener((o, was, now) -> {
                        if (was == null && now != null) meter.start();
                    });
                }
            });
            settle.play();
        }

        /**
         * Every {@code seconds}: prints the trainer's examples and elapsed time at the end of the span
         * (read from its latest batch snapshot), with the view it showed, and switches view in the order
         * panel, main, main, panel (then again).
         */
        private static void alternate(MainWindow window, TrainingPanel panel, double seconds) {
            int[] span = {0};
            javafx.animation.Timeline switches = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                    javafx.util.Duration.seconds(seconds), e -> {
                        var t = panel.session().trainer();
                        TrainingSnapshot s = t == null ? null : t.latest();
                        if (s == null || !panel.session().activeProperty().get()) return;
                        boolean shown = panelShown(span[0]);
                        System.out.printf(Locale.ROOT, "window span %d %s: %d examples, %.6f s; %s%n", span[0],
                                shown ? "panel" : "main", s.examplesSeen(), s.elapsedSeconds(), ThreadTimes.read());
                        span[0]++;
                        if (panelShown(span[0])) window.showView(panel);
                        else window.showPanels();
                    }));
            switches.setCycleCount(javafx.animation.Animation.INDEFINITE);
            window.showView(panel);
            switches.play();
        }

        /** Span k shows the panel in the pattern panel, main, main, panel: ABBA blocks of four. */
        static boolean panelShown(int k) {
            return k % 4 == 0 || k % 4 == 3;
        }
    }
}
