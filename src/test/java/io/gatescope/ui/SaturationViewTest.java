package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.SaturationChart;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.task.AdditionModels;
import io.gatescope.engine.GateClamps;
import io.gatescope.task.GateSaturation;
import io.gatescope.ui.lecture.saturation.SaturationView;
import io.gatescope.ui.model.ModelLoader;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The gate-saturation view: S shows it, the counts are the engine's, a click on a dot selects the unit. */
class SaturationViewTest extends WindowTestBase {
    @Test
    void sShowsTheCountsAndAClickSelectsTheUnitEverywhere(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        SaturationView view = window.lecture().saturation();
        robot.clickOn(window.cell().canvas()).type(KeyCode.S);
        await(() -> window.viewProperty().get() == view && view.result() != null);
        Label status = robot.lookup("#" + SaturationView.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("1,000 random sums, 5,000 steps per gate");

        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.LSTM, ModelLoader.UNTRAINED_HIDDEN, ModelLoader.UNTRAINED_SEED);
        GateSaturation.Result expected = GateSaturation.of(model, GateSaturation.randomSums(1000, 2015, false), GateClamps.NONE, () -> false, p -> { });
        for (int g = 0; g < expected.gates().size(); g++) {
            assertThat(view.result().gates().get(g).left()).containsExactly(expected.gates().get(g).left());
            assertThat(view.result().gates().get(g).right()).containsExactly(expected.gates().get(g).right());
        }

        var canvas = robot.lookup("#" + SaturationView.CANVAS_ID).queryAs(io.gatescope.ui.canvas.ChartCanvas.class);
        await(() -> canvas.chart() != null);
        SaturationChart chart = (SaturationChart) canvas.chart();
        // Unit 5 of the decoder's forget gate (panel 1): click its dot.
        var dot = chart.dot(1, 5);
        Point2D local = canvas.chartToLocal(dot.getX(), dot.getY());
        int hit = chart.unitAt(dot.getX(), dot.getY());
        robot.interact(() -> app.selectUnit(-1));     // the window opens on unit 0, and a click toggles
        robot.clickOn(canvas.localToScreen(local));
        await(() -> app.selectedUnitProperty().get() == hit);
        assertThat(hit).isGreaterThanOrEqualTo(0);

        @SuppressWarnings("unchecked")
        ChoiceBox<String> source = robot.lookup("#" + SaturationView.SOURCE_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> source.setValue(SaturationView.CURRENT));
        await(() -> view.result() != null && view.result().examples() == 1);
        assertThat(status.getText()).isEqualTo("the input 67+60, 5 steps per gate");
        GateSaturation.Result one = GateSaturation.of(model, List.of("67+60"), GateClamps.NONE, () -> false, p -> { });
        assertThat(view.result().gates().get(4).right()).containsExactly(one.gates().get(4).right());

        robot.type(KeyCode.S);
        await(() -> window.viewProperty().get() == window.panelsView());
    }

    @Test
    void withAGateHeldTheScatterCountsTheClampedRunAndSaysSo(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        SaturationView view = window.lecture().saturation();
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);            // hold the forget gate at 0 (the bar's default)
        await(() -> !app.clampsProperty().get().isEmpty());
        robot.type(KeyCode.S);
        Label status = robot.lookup("#" + SaturationView.STATUS_ID).queryAs(Label.class);
        await(() -> view.result() != null && status.getText().startsWith("1,000 random sums"));
        assertThat(status.getText()).isEqualTo("1,000 random sums, 5,000 steps per gate · the what-if run: f=0 held");
        var canvas = robot.lookup("#" + SaturationView.CANVAS_ID).queryAs(io.gatescope.ui.canvas.ChartCanvas.class);
        await(() -> canvas.chart() != null);
        assertThat(((SaturationChart) canvas.chart()).title()).endsWith("over 1,000 random sums · the what-if run: f=0 held");
        GateSaturation.Gate forget = view.result().gates().stream()
                .filter(g -> g.stack().equals("decoder") && g.block().letter().equals("f")).findFirst().orElseThrow();
        assertThat(forget.left()).as("a forget gate held at 0 is shut at every step").containsOnly(1.0);

        robot.type(KeyCode.C);                                            // free again: the model's own counts come back
        await(() -> view.result() != null && status.getText().equals("1,000 random sums, 5,000 steps per gate"));
        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.LSTM, ModelLoader.UNTRAINED_HIDDEN, ModelLoader.UNTRAINED_SEED);
        GateSaturation.Result expected = GateSaturation.of(model, GateSaturation.randomSums(1000, 2015, false), GateClamps.NONE, () -> false, p -> { });
        assertThat(view.result().gates().get(5).left()).containsExactly(expected.gates().get(5).left());
    }

    @Test
    void whatChangesWhileTheViewIsHiddenIsCountedWhenItShowsAgain(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        SaturationView view = window.lecture().saturation();
        robot.clickOn(window.cell().canvas()).type(KeyCode.S);
        Label status = robot.lookup("#" + SaturationView.STATUS_ID).queryAs(Label.class);
        await(() -> view.result() != null && status.getText().equals("1,000 random sums, 5,000 steps per gate"));
        GateSaturation.Result before = view.result();
        robot.type(KeyCode.S);                                            // back to the panels: the view hides
        await(() -> window.viewProperty().get() == window.panelsView());
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);            // hold the forget gate while it is hidden
        await(() -> !app.clampsProperty().get().isEmpty());
        robot.interact(() -> { });
        assertThat(view.result()).as("nothing is counted while the view is hidden").isSameAs(before);
        assertThat(status.getText()).isEqualTo("1,000 random sums, 5,000 steps per gate");

        robot.type(KeyCode.S);                                            // shown again: the held run is counted
        await(() -> view.result() != before && status.getText().endsWith("the what-if run: f=0 held"));
        assertThat(status.getText()).isEqualTo("1,000 random sums, 5,000 steps per gate · the what-if run: f=0 held");
    }
}
