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
import java.util.function.BooleanSupplier;
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
        // The window's own look whichever test ran before: its theme is one per application (a
        // user-agent stylesheet), so without this the panel looked different alone and after others.
        FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(
                io.gatescope.ui.theme.UiTheme.LIGHT.userAgentStylesheet()));
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

    /**
     * The predictions table's row showing {@code p}, scrolled into view. Not a lookup by the sum's
     * text: the table's virtual flow also keeps a hidden cell it measures with, which may hold it.
     */
    private static Node rowOf(FxRobot robot, TrainingSession.Prediction p) {
        // scrolled to, as a user would: in the window's theme the third row may be only half in view
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<TrainingSession.Prediction> table = robot.lookup("#predictions").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> table.scrollTo(p));
        return robot.lookup("#predictions .table-row-cell")
                .match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && p.equals(r.getItem())).query();
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
        PulseMeter pulses = new PulseMeter();
        robot.interact(pulses::start);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get());
        robot.interact(pulses::stop);
        System.out.println(pulses.details("training panel, short run"));

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
        assertThat(reference.history().since(0)).isEqualTo(runs.get(0).points());
        // hovering the loss plot names a point
        var chart = (io.gatescope.chart.TrainingCurves) panel.canvas().chart();
        String near = chart.describe(panel.canvas().getWidth() * 0.25, panel.canvas().getHeight() * 0.5);
        assertThat(near).startsWith("LSTM 8 · epoch ");
    }

    /** Every visible row shows its prediction digit by digit, exactly the digits that differ from the true sum marked. */
    private void assertDigitsMarked(FxRobot robot) {
        int rows = 0, wrong = 0;
        for (Node n : robot.lookup("#predictions .table-row-cell").queryAll()) {
            if (!(((javafx.scene.control.TableRow<?>) n).getItem() instanceof TrainingSession.Prediction p)) continue;
            List<javafx.scene.text.Text> digits = n.lookupAll(".prediction-digit").stream().map(javafx.scene.text.Text.class::cast).toList();
            assertThat(digits.stream().map(javafx.scene.text.Text::getText).collect(java.util.stream.Collectors.joining())).isEqualTo(p.predicted());
            for (int i = 0; i < digits.size(); i++) {
                boolean differs = p.predicted().charAt(i) != p.example().target().charAt(i);
                assertThat(digits.get(i).getStyleClass().contains(Tables.WRONG_DIGIT)).as("%s digit %d", p, i).isEqualTo(differs);
                if (differs) wrong++;
            }
            rows++;
        }
        assertThat(rows).isPositive();
        assertThat(wrong).as("an 8-unit LSTM after a few epochs still gets digits wrong").isPositive();
    }

    @Test
    void inPresenterModeTheFormStepsAsideUntilAskedFor(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#setting-hidden").query().getScene()).isNotNull();
        double desk = panel.canvas().getWidth();
        robot.interact(() -> app.view().presenterProperty().set(true));
        assertThat(robot.lookup("#setting-hidden").tryQuery()).isEmpty();   // not in the scene any more
        await(() -> panel.canvas().getWidth() > desk + 150);                 // the curves take its room
        robot.clickOn("#showSettings");
        assertThat(robot.lookup("#setting-hidden").query().isVisible()).isTrue();
        robot.clickOn("#showSettings");
        assertThat(robot.lookup("#setting-hidden").tryQuery()).isEmpty();
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
        assertDigitsMarked(robot);   // the cells show the earlier moment's digits and marks, not the last one's
        TrainingSession.Moment epoch1 = panel.session().moments().get(0);
        TrainingSession.Prediction row = epoch1.predictions().get(1);
        Node cell = rowOf(robot, row);
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
    void aPredictionOfARunOnReversedInputOpensReadingItReversed(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.interact(() -> panel.settings().setText(TrainingSetting.REVERSED, "true"));
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get() && panel.session().moments().size() == 2);
        TrainingSession.Prediction row = panel.session().moments().get(1).predictions().get(2);
        robot.clickOn(rowOf(robot, row));
        String read = row.example().input(true);   // e.g. 67+60 is read 06+76
        await(() -> app.traceProperty().get() != null && String.join("", app.traceProperty().get().inputLabels()).equals(read));
        LoadedModel.Addition opened = (LoadedModel.Addition) app.modelProperty().get();
        assertThat(opened.name()).isEqualTo("Training: LSTM 8 reversed · epoch 2.00");
        assertThat(opened.reversed()).isTrue();
        assertThat(mainViewShown).isTrue();
        // the main view's model answers what the predictions table said it answers
        assertThat(String.join("", app.traceProperty().get().outputLabels())).isEqualTo(row.predicted());
    }

    @Test
    void theComparisonsTableFillsInRunByRunBesideTheSeedsFigures(FxRobot robot) throws Exception {
        small(robot, 1000);
        robot.interact(() -> panel.type(TrainingSetting.TIME_LIMIT, "3")); // each model trains for 3 s at most
        List<String> seen = new java.util.ArrayList<>(); // what a follower (a quiz) observes: the start, then each result
        robot.interact(() -> {
            panel.comparisonProperty().addListener((o, was, now) -> seen.add(now == null ? "end" : "start"));
            panel.comparisonResults().addListener((javafx.collections.ListChangeListener<io.gatescope.train.Comparison.Result>) c -> {
                while (c.next()) c.getAddedSubList().forEach(r -> seen.add(r.cell()));
            });
        });
        robot.clickOn("Compare dense · RNN · LSTM · GRU");
        TableView<?> table = robot.lookup("#comparisonTable").queryAs(TableView.class);
        // while the SimpleRNN trains, the dense line is complete and the others wait
        await(() -> panel.session().comparisonRows().size() == 4
                && panel.session().comparisonRows().get(1).verdict().equals(ComparisonRow.TRAINING));
        var rows = panel.session().comparisonRows();
        assertThat(rows.get(0).cell("Model")).isEqualTo("Dense");
        assertThat(rows.get(0).verdict()).isIn("✓ < 5 %", "✗ ≥ 5 %");
        assertThat(rows.get(0).cell("Test")).endsWith(" %");
        assertThat(rows.get(1).cell("Model")).isEqualTo("SimpleRNN");
        assertThat(rows.get(1).cell("Test")).isEqualTo("…");
        assertThat(rows.get(1).cell("Seeds")).isEqualTo("95.0 %");
        assertThat(rows.get(2).verdict()).isEqualTo(ComparisonRow.WAITING);
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && ComparisonRow.TRAINING.equals(l.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "SimpleRNN".equals(l.getText())).tryQuery()).isPresent();
        assertThat(table.getItems()).hasSize(4);

        await(() -> !panel.session().activeProperty().get());
        assertThat(panel.session().runs()).extracting(r -> r.label()).containsExactly("Dense", "SimpleRNN 8", "LSTM 8", "GRU 8");
        assertThat(rows).extracting(r -> r.cell("Model")).containsExactly("Dense", "SimpleRNN", "LSTM", "GRU");
        assertThat(rows).extracting(r -> r.cell("Seeds")).containsExactly("0.0 %", "95.0 %", "100.0 %", "—");
        assertThat(rows).extracting(ComparisonRow::verdict).doesNotContain(ComparisonRow.TRAINING, ComparisonRow.WAITING);
        var results = panel.comparisonResults();
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).cell("Test")).isEqualTo(ComparisonRow.percent(results.get(i).test().sequences()));
            assertThat(rows.get(i).cell("Validation")).isEqualTo(ComparisonRow.percent(results.get(i).last().validationSequences()));
            assertThat(rows.get(i).cell("Epochs")).isEqualTo(Integer.toString(results.get(i).last().epoch()));
        }
        assertThat(robot.lookup("100.0 %").tryQuery()).isPresent();
        assertThat(seen).containsExactly("start", "dense", "rnn", "lstm", "gru", "end");
    }

    /** Asks the window to close as the window system does when the user closes it. */
    private void requestClose(FxRobot robot) {
        Stage stage = (Stage) panel.getScene().getWindow();
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    /** The confirmation dialog's text, once it shows. */
    private String dialogText(FxRobot robot) throws Exception {
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText();
    }

    private void wireClose() throws Exception {
        // the application's close handler (GatescopeApp): the window closes only when the panel agrees
        FxToolkit.setupFixture(() -> panel.getScene().getWindow().setOnCloseRequest(e -> {
            if (!panel.confirmClose()) e.consume();
        }));
    }

    @Test
    void closingWhileTrainingAsksFirstCancelKeepsTheRunAndConfirmStopsIt(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1000);
        robot.clickOn("Start");
        await(() -> snapshot() != null && snapshot().examplesSeen() > 0);
        requestClose(robot);
        assertThat(dialogText(robot)).isEqualTo("Training is still running. Close anyway and lose it?");
        robot.clickOn("Cancel");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(panel.getScene().getWindow().isShowing()).isTrue();
        long before = snapshot().examplesSeen();
        await(() -> snapshot().examplesSeen() > before);   // the run goes on
        assertThat(panel.session().activeProperty().get()).isTrue();

        Trainer running = panel.session().trainer();
        requestClose(robot);
        assertThat(dialogText(robot)).startsWith("Training is still running");
        robot.clickOn("OK");
        await(() -> !panel.getScene().getWindow().isShowing());
        assertThat(running.isCancelled()).isTrue();
        await(() -> running.latest().state() == Trainer.State.CANCELLED);
    }

    @Test
    void closingWithUnsavedWeightsAsksFirstAndNotOnceTheyAreSaved(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get());
        requestClose(robot);
        assertThat(dialogText(robot)).isEqualTo("The trained weights are not saved. Close anyway?");
        robot.clickOn("Cancel");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(panel.getScene().getWindow().isShowing()).isTrue();
        assertThat(panel.session().moments()).isNotEmpty();

        Path file = assets.resolve("saved-lstm.json");
        robot.interact(() -> panel.save(file));
        await(() -> !panel.session().unsavedProperty().get());
        requestClose(robot);
        await(() -> !panel.getScene().getWindow().isShowing());   // saved: no question
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(java.nio.file.Files.exists(file)).isTrue();
    }

    @Test
    void closingWithUnsavedWeightsClosesWhenConfirmed(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get());
        requestClose(robot);
        assertThat(dialogText(robot)).startsWith("The trained weights are not saved");
        robot.clickOn("OK");
        await(() -> !panel.getScene().getWindow().isShowing());
    }
}
