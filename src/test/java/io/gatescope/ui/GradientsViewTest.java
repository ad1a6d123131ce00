package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.chart.GradientPlot;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GradientStudy;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.training.TrainedWeights;
import io.gatescope.ui.training.TrainingPanel;
import io.gatescope.ui.gradients.GradientsView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The gradient view as a lecturer uses it: the G key, presets, what the readout and the charts say, a bad value. */
class GradientsViewTest extends WindowTestBase {
    private static final Pattern SLOPE = Pattern.compile("‖∂L/∂hₖ‖ ([+−])(\\d+\\.\\d+)/step");

    @Test
    void presetsFlipTheSignOfTheRnnSlopeOnScreen(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        choose(robot, view, "rnn-vanishing");
        double vanishing = slope(robot, "rnn");
        choose(robot, view, "rnn-exploding");
        double exploding = slope(robot, "rnn");
        assertThat(vanishing).isNegative().isCloseTo(Math.log10(0.5), org.assertj.core.api.Assertions.within(0.02));
        assertThat(exploding).isPositive();
        // And back: the view follows every change, not only the first.
        choose(robot, view, "rnn-vanishing");
        assertThat(slope(robot, "rnn")).isNegative();
    }

    @org.junit.jupiter.api.AfterEach
    void settle() throws Exception {
        // Nothing may still be queued for the compute thread the base class shuts down next.
        if (window.viewProperty().get() instanceof GradientsView v) await(v::settled);
    }

    @Test
    void theReadoutsCountsFollowFromThePlottedNorms(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        choose(robot, view, "lstm-forget-3");
        await(() -> view.normsCanvas().chart() instanceof GradientPlot p && p.series().size() >= 3
                && p.series().get(0).y().length == view.study().profiles().get(0).steps() + 1);
        GradientPlot plot = (GradientPlot) view.normsCanvas().chart();
        String readout = robot.lookup("#" + GradientsView.READOUT_ID).queryAs(Label.class).getText();
        List<Integer> counted = new ArrayList<>();
        for (GradientPlot.Series s : plot.series()) {
            if (s.dashed()) continue;                         // ‖∂L/∂c_k‖ and clipped lines are not counted
            double[] y = s.y();
            int last = y.length - 1, n = 0;
            for (int k = last - 1; k >= 0 && y[k] >= 1e-3 * y[last]; k--) n++;
            counted.add(n);
        }
        Matcher m = Pattern.compile("RNN \\(tanh\\): (\\d+) steps?.* · LSTM: (\\d+) steps?.* · GRU: (\\d+) steps?").matcher(readout);
        assertThat(m.find()).as(readout).isTrue();
        assertThat(List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))).isEqualTo(counted);
        assertThat(counted.get(1)).as("σ(−3) forget gates: the LSTM forgets within a few steps").isLessThan(10);
    }

    @Test
    void theSweepCrossesOneWhereTheSpectralRadiusDoes(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        choose(robot, view, "rnn-vanishing");
        robot.clickOn("#detail-sweep");
        await(() -> view.settled() && view.detailCanvas().chart() instanceof GradientPlot p && p.series().get(0).x().length == 21);
        GradientPlot.Series rnn = ((GradientPlot) view.detailCanvas().chart()).series().get(0);
        assertThat(rnn.name()).isEqualTo("RNN (tanh)");
        double crossing = Double.NaN;
        for (int j = 1; j < rnn.x().length && Double.isNaN(crossing); j++) {
            double a = rnn.y()[j - 1], b = rnn.y()[j];
            if (a < 1 && b >= 1) crossing = rnn.x()[j - 1] + (1 - a) / (b - a) * (rnn.x()[j] - rnn.x()[j - 1]);
        }
        assertThat(crossing).as("where the plotted RNN line crosses the factor 1").isBetween(0.95, 1.2);
        for (int j = 0; j < rnn.x().length; j++) {
            if (rnn.x()[j] < 0.95) assertThat(rnn.y()[j]).as("below radius 1 the gradient shrinks by about ρ per step").isLessThan(1);
        }
    }

    @Test
    void hoveringTheNormsChartReadsTheValuesAtThatStep(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        choose(robot, view, "rnn-vanishing");
        await(() -> view.normsCanvas().chart() instanceof GradientPlot);
        GradientPlot plot = (GradientPlot) view.normsCanvas().chart();
        GradientPlot.Placed at = plot.placed(0, 100);
        var screen = view.normsCanvas().localToScreen(view.normsCanvas().chartToLocal(at.x(), at.y()));
        robot.moveTo(screen);
        await(() -> view.normsCanvas().hoverTextProperty().get().startsWith("k = 100"));
        assertThat(view.normsCanvas().hoverTextProperty().get())
                .contains("RNN (tanh): " + io.gatescope.chart.GradientText.number(view.study().profiles().get(0).gradH()[100]));
    }

    @Test
    void aBadValueShowsItsMessageAndTheLastChartStays(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        choose(robot, view, "rnn-vanishing");
        var before = view.study();
        String readout = robot.lookup("#" + GradientsView.READOUT_ID).queryAs(Label.class).getText();
        TextField steps = robot.lookup("#steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("ten"));
        Label message = robot.lookup("#stepsError").queryAs(Label.class);
        await(message::isVisible);
        assertThat(message.getText()).contains("'ten' is not a whole number from 1 to 5000");
        assertThat(view.study()).isSameAs(before);
        assertThat(robot.lookup("#" + GradientsView.READOUT_ID).queryAs(Label.class).getText()).isEqualTo(readout);
        robot.interact(() -> steps.setText("40"));
        await(() -> !message.isVisible() && view.settled() && view.study().profiles().get(0).steps() == 40);
    }

    @Test
    void withPresenterTextOneChartFillsTheSpace(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        await(view::settled);
        double desk = view.detailCanvas().getHeight();
        robot.interact(() -> app.view().setZoom(1.75));
        await(() -> !view.normsCanvas().isVisible() && view.detailCanvas().chart() instanceof GradientPlot p
                && p.series().get(0).name().equals("RNN (tanh)") && p.series().size() == 4);
        assertThat(robot.lookup("#detail-norms").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(view.detailCanvas().getHeight()).isGreaterThan(desk);
        robot.interact(() -> app.view().setZoom(1.0));
        await(() -> view.normsCanvas().isVisible() && !robot.lookup("#detail-norms").queryAs(javafx.scene.control.ToggleButton.class).isVisible());
    }

    @Test
    void followingATrainingRunRedrawsTheNormsFromItsLatestWeights(FxRobot robot) throws Exception {
        GradientsView view = open(robot);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> weights = robot.lookup("#weightsSource").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> input = robot.lookup("#inputSource").queryAs(ChoiceBox.class);
        Label status = robot.lookup("#" + GradientsView.STATUS_ID).queryAs(Label.class);
        robot.interact(() -> {
            input.setValue("the current addition input");
            weights.setValue("current training run");
        });
        await(() -> status.getText().startsWith("No training run yet"));

        // A short run in the training panel (T), as a user would type it; then back to this view.
        TrainingPanel training = window.training();
        robot.clickOn(view.normsCanvas());
        robot.type(KeyCode.T);
        await(() -> window.viewProperty().get() == training);
        Button start = robot.lookup("#start").queryAs(Button.class);
        Button stop = robot.lookup("#stop").queryAs(Button.class);
        robot.interact(() -> {
            for (String[] set : new String[][] {{"hidden", "8"}, {"examples", "600"}, {"batch", "32"}, {"epochs", "1000"}}) {
                robot.lookup("#setting-" + set[0]).queryAs(TextField.class).setText(set[1]);
            }
            start.fire();
        });
        robot.interact(() -> window.showView(view));
        await(() -> window.viewProperty().get() == view);
        await(() -> view.study() != null && status.getText().contains("the training run's encoder, LSTM 8 · epoch"));
        double[] early = norms(view);
        String earlyStatus = status.getText();
        String earlySlope = robot.lookup("#slope-lstm").queryAs(Label.class).getText();
        // The view keeps following: a later epoch's weights replace the first ones on screen; then Stop.
        await(() -> !status.getText().equals(earlyStatus) && status.getText().contains("the training run's encoder"));
        robot.interact(stop::fire);

        // Once the run is over, the view shows its last weights (the throttle's wait never drops them).
        await(() -> !start.isDisabled() && training.latestWeightsProperty().get() != null && view.settled()
                && status.getText().endsWith(training.latestWeightsProperty().get().label() + " on the addition input 67+60."));
        TrainedWeights last = training.latestWeightsProperty().get();
        GradientStudy expected = GradientStudy.of(List.of(((EncoderDecoder) last.model()).encoder()),
                AdditionTask.encode(AdditionTask.parse("67+60").example().orElseThrow().input()), null, false);
        double[] shown = norms(view);
        assertThat(shown).as("the plotted ‖∂L/∂h_k‖ are the engine's on the run's last weights")
                .containsExactly(expected.profiles().get(0).gradH(), within(0.0));
        assertThat(robot.lookup("#" + GradientsView.READOUT_ID).queryAs(Label.class).getText())
                .endsWith(io.gatescope.chart.GradientText.readout(expected, 1e-3));
        double change = 0;
        for (int k = 0; k < shown.length; k++) change = Math.max(change, Math.abs(Math.log10(shown[k] / early[k])));
        assertThat(change).as("the norms moved as the model learned").isGreaterThan(0.01);
        assertThat(robot.lookup("#slope-lstm").queryAs(Label.class).getText()).isNotEqualTo(earlySlope);
    }

    /** The first line of the norms chart: the plotted ‖∂L/∂h_k‖ of the (only) cell. */
    private static double[] norms(GradientsView view) {
        return ((GradientPlot) view.normsCanvas().chart()).series().get(0).y().clone();
    }

    /** Presses G and waits for the view's first result. */
    private GradientsView open(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.panelsView());
        robot.type(KeyCode.G);
        await(() -> window.viewProperty().get() instanceof GradientsView v && v.study() != null);
        return (GradientsView) window.viewProperty().get();
    }

    private void choose(FxRobot robot, GradientsView view, String preset) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#gradientPreset").queryAs(ComboBox.class);
        var before = view.study();
        robot.interact(() -> box.setValue(preset));
        // The Jacobians arrive in a second result; wait for it, so nothing changes after.
        await(() -> view.study() != before && view.settled() && preset.equals(box.getValue()));
    }

    private static double slope(FxRobot robot, String cell) {
        String text = robot.lookup("#slope-" + cell).queryAs(Label.class).getText();
        Matcher m = SLOPE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return (m.group(1).equals("−") ? -1 : 1) * Double.parseDouble(m.group(2));
    }

}
