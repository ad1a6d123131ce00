package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.train.BackgroundPriority;
import io.gatescope.train.ThreadNiceness;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A run in the panel: curves and predictions fill in, the controls do what they say, bad settings and a diverging run are told. */
class TrainingPanelTest extends TrainingPanelFixture {
    @Test
    void aShortRunFillsTheCurvesAndThePredictionsWithoutLongFrames(FxRobot robot) throws Exception {
        small(robot, 3);
        // what makes a frame long, printed (timings are the machine's, not test results); and the
        // training threads' niceness, read when the first epoch's moment arrives on the FX thread
        PulseMeter pulses = new PulseMeter();
        java.util.concurrent.atomic.AtomicReference<Map<String, Integer>> training = new java.util.concurrent.atomic.AtomicReference<>();
        int[] fxNiceness = {Integer.MIN_VALUE};
        robot.interact(() -> {
            pulses.start();
            panel.session().moments().addListener((javafx.collections.ListChangeListener<TrainingSession.Moment>) c -> {
                if (training.get() != null || !ThreadNiceness.supported()) return;
                training.set(ThreadNiceness.of("self", "gatescope-train"));
                try {
                    fxNiceness[0] = BackgroundPriority.niceness();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        });
        runToTheEnd(robot, "Start");
        robot.interact(pulses::stop);
        System.out.println(pulses.details("training panel, short run") + "\n    niceness: training threads "
                + training.get() + ", JavaFX thread " + fxNiceness[0]);
        assertThat(pulses.pulses()).as("pulses measured during the run").isPositive();
        if (ThreadNiceness.supported()) {
            // the training threads give way to the window's: a woken FX thread takes a core before them
            assertThat(training.get()).as("training threads while the run goes on").isNotEmpty();
            assertThat(training.get().values()).containsOnly(BackgroundPriority.NICENESS);
        }

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
        assertDigitsMarked(robot);

        // the same settings on the command line's trainer give the same curve, point for point
        reference.run(s -> { });
        assertThat(reference.history().points()).isEqualTo(runs.get(0).points());
        // hovering the loss plot names a point
        var chart = (io.gatescope.chart.TrainingCurves) panel.canvas().chart();
        String near = chart.describe(panel.canvas().getWidth() * 0.25, panel.canvas().getHeight() * 0.5);
        assertThat(near).startsWith("LSTM 8 · epoch ");
    }

    /**
     * The application warms the training step up in the background at its start. Start then does not
     * wait for it: the warm-up stops at its next batch and the run begins. And it changes nothing a
     * user sees: the same curve, point for point, as the trainer gives on its own, and one run's curves.
     */
    @Test
    void startDuringTheWarmUpStopsItAndTrainsAsWithoutIt(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.interact(() -> {
            panel.session().warmUp(java.util.List.of("lstm", "gru", "rnn", "dense"));
            panel.session().start(panel.settings().config(), null, false);
        });
        await(() -> panel.session().trainer() != null && !panel.session().activeProperty().get());
        assertThat(panel.session().warmedUp()).as("cells warmed up whole before the run").isZero();
        assertThat(snapshot().state()).isEqualTo(Trainer.State.COMPLETED);
        var runs = panel.session().runs();
        assertThat(runs).extracting(r -> r.label()).containsExactly("LSTM 8");
        Trainer reference = new Trainer(panel.session().trainer().config());
        reference.run(s -> { });
        assertThat(reference.history().points()).isEqualTo(runs.get(0).points());
        assertThat(panel.session().trainer().weights()).usingRecursiveComparison().isEqualTo(reference.weights());
    }

    @Test
    void aHiddenPanelLeavesItsCurvesAndProgressAloneWhileTheRunGoesOnAndCatchesUpWhenShown(FxRobot robot) throws Exception {
        small(robot, 20);
        robot.clickOn("One update");                        // a paused run: the rest of it comes while hidden
        await(() -> !panel.session().runs().isEmpty() && !panel.session().runs().get(0).points().isEmpty());
        robot.interact(() -> panel.setVisible(false));     // as the window does when it shows the main view
        waitForFxEvents();                                  // a redraw asked for before it hid is done
        int[] atHiding = new int[2];
        String progressAtHiding = text(robot, "#progressText");
        robot.interact(() -> {
            atHiding[0] = panel.canvas().redrawsProperty().get();
            atHiding[1] = panel.session().runs().get(0).points().size();
            panel.session().resume();
        });
        await(() -> !panel.session().activeProperty().get());
        waitForFxEvents();
        assertThat(panel.session().runs().get(0).points().size()).as("points that arrived while hidden").isGreaterThan(atHiding[1]);
        assertThat(panel.canvas().redrawsProperty().get()).as("redraws while hidden").isEqualTo(atHiding[0]);
        assertThat(text(robot, "#progressText")).as("progress while hidden").isEqualTo(progressAtHiding);

        robot.interact(() -> panel.setVisible(true));
        await(() -> panel.canvas().redrawsProperty().get() > atHiding[0]);
        assertThat(snapshot().state()).isEqualTo(Trainer.State.COMPLETED);
        assertThat(text(robot, "#progressText")).contains("epoch 20/20", "done");
    }

    @Test
    void inPresenterModeTheFormStepsAsideUntilAskedFor(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#setting-hidden").query().getScene()).isNotNull();
        double desk = panel.canvas().getWidth();
        robot.interact(() -> app.view().presenterProperty().set(true));
        assertThat(robot.lookup("#setting-hidden").tryQuery()).isEmpty();   // not in the scene any more
        await(() -> panel.canvas().getWidth() > desk + 150);                 // the curves take its room
        robot.clickOn("#showSettings");   // the click may still be on its way on a loaded machine: wait for what it does
        await(() -> robot.lookup("#setting-hidden").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#showSettings");
        await(() -> robot.lookup("#setting-hidden").tryQuery().isEmpty());
        robot.interact(() -> app.view().presenterProperty().set(false));
        assertThat(robot.lookup("#setting-hidden").query().getScene()).isNotNull();
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
    void pausePressedWhileTheModelIsBuiltHoldsTheRunAtItsStart(FxRobot robot) throws Exception {
        small(robot, 5);
        // Start and Pause in one go: the trainer is still being built on the training thread when Pause arrives.
        robot.interact(() -> {
            ((Button) panel.lookup("#start")).fire();
            ((Button) panel.lookup("#pause")).fire();
        });
        await(() -> snapshot() != null && snapshot().state() == Trainer.State.PAUSED);
        assertThat(snapshot().examplesSeen()).as("not one batch trained").isZero();
        for (int i = 0; i < 30; i++) waitForFxEvents();
        assertThat(snapshot().examplesSeen()).isZero();
        assertThat(text(robot, "#progressText")).contains("paused");

        robot.clickOn("Resume");
        await(() -> snapshot().examplesSeen() > 0);
        robot.clickOn("Stop");
        await(() -> !panel.session().activeProperty().get());
    }

    @Test
    void oneUpdateIsExactlyOneOptimiserStep(FxRobot robot) throws Exception {
        small(robot, 5);
        robot.clickOn("One update");
        // The moment and the snapshot arrive in one look, but the trainer may hand the moment over between
        // the look's reading of the two: wait for both rather than assume the snapshot came first.
        await(() -> panel.session().moments().size() == 1 && snapshot() != null && snapshot().examplesSeen() >= 32);
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
        await(() -> panel.session().moments().size() == 2 && snapshot().examplesSeen() >= 64);
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
        runToTheEnd(robot, "Start");
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
        javafx.scene.control.TextField field = robot.lookup("#setting-hidden").queryAs(javafx.scene.control.TextField.class);
        await(() -> field.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));   // the theme's red border
        robot.interact(() -> panel.type(TrainingSetting.HIDDEN, "16"));
        assertThat(error.isVisible()).isFalse();
        await(() -> !field.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
        assertThat(robot.lookup("Start").queryAs(Button.class).isDisabled()).isFalse();
    }

}
