package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.engine.Parameter;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
    /** An empty assets folder: every shipped model is the seeded stand-in. JUnit deletes it afterwards. */
    @org.junit.jupiter.api.io.TempDir
    Path assets;
    private ExecutorService compute;
    private AppModel app;
    private TrainingPanel panel;
    private final AtomicBoolean mainViewShown = new AtomicBoolean();

    @BeforeEach
    void show() throws Exception {
        compute = ComputeThread.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            app = new AppModel(new ModelLoader(assets), compute);
            panel = new TrainingPanel(app, () -> mainViewShown.set(true));
            s.setScene(new Scene(panel, 1280, 720));
            s.show();
        });
        waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> panel.session().dispose());
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    /** A small fast run: 8 LSTM units, 600 examples, batch 32. */
    private void small(FxRobot robot, int epochs) {
        robot.interact(() -> {
            panel.type(TrainingSetting.HIDDEN, "8");
            panel.type(TrainingSetting.EXAMPLES, "600");
            panel.type(TrainingSetting.BATCH, "32");
            panel.type(TrainingSetting.EPOCHS, Integer.toString(epochs));
        });
    }

    private static void await(BooleanSupplier c) throws Exception {
        waitFor(120, TimeUnit.SECONDS, c::getAsBoolean);
        waitForFxEvents();
    }

    private TrainingSnapshot snapshot() { return panel.session().snapshotProperty().get(); }

    private String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    @Test
    void aShortRunFillsTheCurvesAndThePredictionsWithoutLongFrames(FxRobot robot) throws Exception {
        small(robot, 3);
        AtomicLong longest = new AtomicLong(), last = new AtomicLong();
        AnimationTimer frames = new AnimationTimer() {
            @Override public void handle(long now) {
                if (last.get() != 0) longest.accumulateAndGet(now - last.get(), Math::max);
                last.set(now);
            }
        };
        robot.interact(frames::start);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get());
        robot.interact(frames::stop);
        System.out.printf("training panel: longest frame while training %.1f ms%n", longest.get() / 1e6);

        assertThat(snapshot().state()).isEqualTo(Trainer.State.COMPLETED);
        assertThat(text(robot, "#progressText")).contains("LSTM 8", "epoch 3/3", "done", "examples/s");
        var runs = panel.session().runs();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).label()).isEqualTo("LSTM 8");
        assertThat(runs.get(0).points()).filteredOn(p -> p.isEpoch()).hasSize(3);
        assertThat(runs.get(0).points()).filteredOn(p -> !p.isEpoch()).hasSize(3 * 15);
        assertThat(panel.canvas().redrawsProperty().get()).isPositive();

        TableView<?> table = robot.lookup("#predictions").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(TrainingSession.PREDICTIONS);
        TrainingSession.Prediction first = (TrainingSession.Prediction) table.getItems().get(0);
        Trainer reference = new Trainer(panel.session().trainer().config());
        assertThat(first.example()).isEqualTo(reference.data().validation().get(0));
        assertThat(robot.lookup(first.example().question()).tryQuery()).isPresent();
        assertThat(text(robot, "#momentText")).isEqualTo("LSTM 8 · epoch 3.00");

        // the same settings on the command line's trainer give the same curve, point for point
        reference.run(s -> { });
        assertThat(reference.history().since(0)).isEqualTo(runs.get(0).points());
        // hovering the loss plot names a point
        var chart = (io.gatescope.chart.TrainingCurves) panel.canvas().chart();
        String near = chart.describe(panel.canvas().getWidth() * 0.25, panel.canvas().getHeight() * 0.5);
        assertThat(near).startsWith("LSTM 8 · epoch ");
    }

    @Test
    void pauseHoldsTheBatchCounterAndResumeContinues(FxRobot robot) throws Exception {
        small(robot, 1000);
        robot.clickOn("Start");
        await(() -> snapshot() != null && snapshot().examplesSeen() > 0);
        robot.clickOn("Pause");
        await(() -> snapshot().state() == Trainer.State.PAUSED);
        long held = snapshot().examplesSeen();
        String progress = text(robot, "#progressText");
        assertThat(progress).contains("paused");
        for (int i = 0; i < 30; i++) waitForFxEvents(); // many pulses pass while paused
        assertThat(snapshot().examplesSeen()).isEqualTo(held);
        assertThat(text(robot, "#progressText")).isEqualTo(progress);
        assertThat(robot.lookup("Resume").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("Resume");
        await(() -> snapshot().examplesSeen() > held && snapshot().state() == Trainer.State.RUNNING);
        robot.clickOn("Stop");
        await(() -> !panel.session().activeProperty().get());
        assertThat(text(robot, "#progressText")).contains("stopped");
    }

    @Test
    void oneUpdateIsExactlyOneOptimiserStep(FxRobot robot) throws Exception {
        small(robot, 5);
        robot.clickOn("One update");
        await(() -> panel.session().moments().size() == 1);
        assertThat(snapshot().examplesSeen()).isEqualTo(32);
        assertThat(snapshot().state()).isEqualTo(Trainer.State.PAUSED);
        Map<String, double[]> shown = panel.session().moments().get(0).weights();

        // The trainer stepped once by hand gives the same weights bit for bit (one Adam step: OneUpdateAndDivergenceTest).
        TrainingConfig c = panel.session().trainer().config();
        Trainer t = new Trainer(c);
        t.pause();
        Thread worker = new Thread(() -> t.run(s -> { }));
        worker.start();
        t.step();
        await(() -> t.latest() != null && t.latest().examplesSeen() == 32);
        Map<String, double[]> expected = t.requestWeights().get();
        t.cancel();
        for (Map.Entry<String, double[]> e : expected.entrySet()) assertThat(shown.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        Trainer untouched = new Trainer(c);
        assertThat(shown.get("encoder.weight_hh_l0")).isNotEqualTo(untouched.model().parameters().get(1).data());

        robot.clickOn("One update");
        await(() -> panel.session().moments().size() == 2);
        assertThat(snapshot().examplesSeen()).isEqualTo(64);
    }

    @Test
    void aDivergingRunSaysSoAndKeepsTheLastGoodWeights(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.interact(() -> {
            panel.type(TrainingSetting.LEARNING_RATE, "1e308");
            panel.type(TrainingSetting.CLIP, "0");
            ((javafx.scene.control.ComboBox<String>) panel.settings().field("optimizer")).setValue("sgd");
        });
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get());
        assertThat(text(robot, "#message")).startsWith("diverged at epoch 1, batch").contains("clip", "lower learning rate");
        assertThat(text(robot, "#progressText")).contains("diverged: last good weights kept");
        Map<String, double[]> kept = panel.session().moments().get(panel.session().moments().size() - 1).weights();
        for (double[] w : kept.values()) for (double v : w) assertThat(Double.isFinite(v)).isTrue();
    }

    @Test
    void aBadValueShowsTheTablesMessageBesideTheFieldAndStartWaits(FxRobot robot) throws Exception {
        robot.interact(() -> panel.type(TrainingSetting.HIDDEN, "0"));
        Label error = robot.lookup("#error-hidden").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("hidden size must be within 1..4096, got 0");
        assertThat(robot.lookup("Start").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> panel.type(TrainingSetting.HIDDEN, "16"));
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("Start").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void clickingAPredictionOpensItInTheMainViewWithThatMomentsWeights(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get() && panel.session().moments().size() == 2);
        robot.interact(() -> robot.lookup("#moment").queryAs(javafx.scene.control.Slider.class).setValue(0));
        assertThat(text(robot, "#momentText")).isEqualTo("LSTM 8 · epoch 1.00");
        TrainingSession.Moment epoch1 = panel.session().moments().get(0);
        TrainingSession.Prediction row = epoch1.predictions().get(1);
        Node cell = robot.lookup(row.example().question()).query();
        robot.clickOn(cell);
        await(() -> app.modelProperty().get() instanceof LoadedModel.Addition a && a.name().contains("epoch 1.00")
                && app.traceProperty().get() != null);
        assertThat(mainViewShown).isTrue();
        assertThat(app.inputTextProperty().get()).isEqualTo(row.example().question());
        List<Parameter> ps = ((LoadedModel.Addition) app.modelProperty().get()).model().parameters();
        for (Parameter p : ps) assertThat(p.data()).as(p.name()).isEqualTo(epoch1.weights().get(p.name()));
        assertThat(epoch1.weights().get("head.weight")).isNotEqualTo(panel.session().moments().get(1).weights().get("head.weight"));
    }

    @Test
    void theComparisonFillsItsTableBesideTheSeedsFigures(FxRobot robot) throws Exception {
        small(robot, 1);
        robot.clickOn("Compare dense · RNN · LSTM · GRU");
        await(() -> !panel.session().activeProperty().get() && panel.session().comparison().size() == 4);
        assertThat(panel.session().runs()).extracting(r -> r.label()).containsExactly("Dense", "SimpleRNN 8", "LSTM 8", "GRU 8");
        assertThat(robot.lookup("SimpleRNN").tryQuery()).isPresent();
        assertThat(robot.lookup("95.0 %").tryQuery()).isPresent();
        assertThat(robot.lookup("100.0 %").tryQuery()).isPresent();
        assertThat(robot.lookup("✓ < 5 %").tryQuery()).isPresent();
    }
}
