package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Heatmap;
import io.gatescope.chart.Quantity;
import io.gatescope.chart.UnitStrip;
import io.gatescope.ui.canvas.ChartCanvas;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * While the cell diagram walks through a step, the strips and the heatmaps show what it has not
 * computed yet as not yet computed, and the whole step again at the end.
 */
class SubStepViewsTest extends WindowTestBase {

    @Test
    void stripsAndHeatmapsHoldBackWhatTheWalkHasNotReached(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> {
            app.goTo(2);
            app.selectUnit(3);
        });
        robot.clickOn(window.cell().canvas());
        // Down twice: sub-step 0 shows the inputs, sub-step 1 computes the forget gate (LSTM).
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 1 && window.strips().canvases().get(0).chart() != null
                && ((UnitStrip) window.strips().canvases().get(0).chart()).pending());
        var kind = app.cursorProperty().get().kind();
        List<Quantity> shown = window.strips().quantities();
        for (int i = 0; i < shown.size(); i++) {
            Quantity q = shown.get(i);
            UnitStrip strip = (UnitStrip) window.strips().canvases().get(i).chart();
            assertThat(strip.pending()).as(strip.label() + " pending at sub-step 1").isEqualTo(q.subStep(kind) > 1);
        }
        // What the user sees: the input gate's square is blank, the forget gate's coloured; the hover says why.
        ChartCanvas input = window.strips().canvases().get(0), forget = window.strips().canvases().get(1);
        Color background = Color.WHITE;
        assertThat(colourAt(robot, input, ((UnitStrip) input.chart()).unitBounds(5))).isEqualTo(background);
        assertThat(colourAt(robot, forget, ((UnitStrip) forget.chart()).unitBounds(5))).isNotEqualTo(background);
        var square = ((UnitStrip) input.chart()).unitBounds(5);
        var p = input.localToScreen(input.chartToLocal(square.getCenterX(), square.getCenterY()));
        robot.moveTo(p.add(1, 0)).moveTo(p);
        await(() -> input.hoverTextProperty().get().contains("not yet computed"));

        // The heatmaps (key 5) blank the current column of what is not yet computed.
        robot.type(KeyCode.DIGIT5);
        ChartCanvas first = window.heatmaps().canvases().get(0);
        await(() -> first.getScene() != null && first.chart() != null && first.getHeight() > 100);
        assertThat(((Heatmap) first.chart()).pendingNow()).isTrue();
        assertThat(((Heatmap) window.heatmaps().canvases().get(1).chart()).pendingNow()).isFalse();
        assertThat(colourAt(robot, first, ((Heatmap) first.chart()).cellBounds(2, 5))).isEqualTo(background);
        robot.type(KeyCode.DIGIT5);

        // At the end of the walk the step is whole again.
        robot.type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 3 && !((UnitStrip) window.strips().canvases().get(0).chart()).pending());
    }

    @Test
    void theUnrolledViewAndStatusLineHoldBackADecoderStepsPredictionUntilItsH(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        int t = 7;                                      // decoder t = 3, which predicts '1'
        robot.interact(() -> app.goTo(t));
        robot.clickOn(window.cell().canvas());
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        var status = robot.lookup("#" + io.gatescope.ui.controls.TimeBar.STEP_LABEL_ID).queryAs(javafx.scene.control.Label.class);
        await(() -> app.subStepProperty().get() == 1 && status.getText().contains("predicts ?"));
        String predicted = app.cursorProperty().get().axis().displayLabel(t);
        assertThat(status.getText()).doesNotContain("'" + predicted + "'");

        ChartCanvas unrolled = window.unrolled().canvas();
        await(() -> unrolled.chart() != null);
        var view = (io.gatescope.chart.UnrolledView) unrolled.chart();
        assertThat(view.predictionPending(t)).isTrue();
        var box = view.cellBounds(t);
        var p = unrolled.localToScreen(unrolled.chartToLocal(box.getCenterX(), box.getCenterY()));
        robot.moveTo(p.add(1, 0)).moveTo(p);
        await(() -> unrolled.hoverTextProperty().get().contains("not yet computed"));
        assertThat(unrolled.hoverTextProperty().get()).doesNotContain("softmax").contains("predicts ?");

        // Once the walk reaches h, the prediction shows.
        int hAt = app.cursorProperty().get().kind().anatomy().subStepOf(io.gatescope.engine.CellAnatomy.State.HIDDEN);
        for (int s = 1; s < hAt; s++) robot.type(KeyCode.DOWN);
        await(() -> status.getText().contains("predicts '" + predicted + "'"));
        assertThat(((io.gatescope.chart.UnrolledView) unrolled.chart()).predictionPending(t)).isFalse();
    }

    private static Color colourAt(FxRobot robot, ChartCanvas canvas, java.awt.geom.Rectangle2D box) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = canvas.snapshot(null, null));
        var p = canvas.chartToLocal(box.getCenterX(), box.getCenterY());
        Color c = shot[0].getPixelReader().getColor((int) p.getX(), (int) p.getY());
        return Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
