package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScale;
import io.gatescope.chart.Heatmap;
import io.gatescope.chart.Quantity;
import io.gatescope.chart.UnitStrip;
import io.gatescope.chart.UnrolledView;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.controls.TimeBar;
import io.gatescope.ui.model.Quantities;
import java.awt.geom.Rectangle2D;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Clicking the over-time charts moves the cursor; playback runs and stops; pixels carry the engine's values. */
class ChartInteractionTest extends WindowTestBase {

    @Test
    void clickingAStepInTheUnrolledViewGoesThere(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ChartCanvas canvas = window.unrolled().canvas();
        await(() -> canvas.chart() != null);
        Rectangle2D step6 = ((UnrolledView) canvas.chart()).cellBounds(6);
        robot.clickOn(onScreen(canvas, step6.getCenterX(), step6.getCenterY()));
        await(() -> app.stepProperty().get() == 6);
        assertThat(robot.lookup("#" + TimeBar.STEP_LABEL_ID).queryAs(Label.class).getText()).startsWith("Decoder t = 2 of 5");
    }

    @Test
    void clickingAHeatmapCellGoesToItsStepAndSelectsItsUnit(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        // Under 800 px the heatmaps start folded; key 5 fills the window with them.
        robot.clickOn(window.cell().canvas()).type(KeyCode.DIGIT5);
        ChartCanvas canvas = window.heatmaps().canvases().get(0);
        await(() -> canvas.getHeight() > 200 && canvas.chart() != null && canvas.isVisible());
        Rectangle2D cell = ((Heatmap) canvas.chart()).cellBounds(3, 4);
        robot.clickOn(onScreen(canvas, cell.getCenterX(), cell.getCenterY()));
        await(() -> app.stepProperty().get() == 3 && app.selectedUnitProperty().get() == 4);
        robot.type(KeyCode.DIGIT0);
        await(() -> window.maximised() == null && window.viewProperty().get() == window.panelsView());
    }

    @Test
    void bracketsSelectUnitsWithoutAMouseAndEscapeClears(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas());
        assertThat(app.selectedUnitProperty().get()).isZero();              // the window opens on unit 0
        robot.type(KeyCode.CLOSE_BRACKET).type(KeyCode.CLOSE_BRACKET);
        await(() -> app.selectedUnitProperty().get() == 2);
        assertThat(window.equations().unitEquationTexts()).anySatisfy(l -> assertThat(l).startsWith("h₂"));
        robot.type(KeyCode.OPEN_BRACKET).type(KeyCode.OPEN_BRACKET).type(KeyCode.OPEN_BRACKET);
        await(() -> app.selectedUnitProperty().get() == 31);               // wraps round to the last unit
        robot.type(KeyCode.ESCAPE);
        await(() -> app.selectedUnitProperty().get() == -1);
    }

    @Test
    void playAdvancesThroughStepsAndSubStepsAndSpaceStopsIt(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas());
        robot.type(KeyCode.ADD);                                           // 2 steps per second
        await(() -> app.view().speedProperty().get() == 2);
        robot.type(KeyCode.SPACE);
        await(() -> app.stepProperty().get() >= 2);
        assertThat(app.playingProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        await(() -> !app.playingProperty().get());
        int stoppedAt = app.stepProperty().get();
        // A run that is not paused stops by itself at the last step, 3.5 s later: stopping well before
        // it is what shows that Space paused the run.
        assertThat(stoppedAt).as("paused before the end").isLessThan(app.totalSteps() - 2);
        assertThat(app.subStepProperty().get()).isEqualTo(AppModel.WHOLE_STEP);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);              // no timer keeps moving the cursor
        assertThat(app.stepProperty().get()).isEqualTo(stoppedAt);

        robot.type(KeyCode.SPACE);                                         // plays on to the end, then stops
        await(() -> !app.playingProperty().get() && app.stepProperty().get() == app.totalSteps() - 1);
    }

    @Test
    void aStripSquareIsPaintedInTheScaleColourOfTheEnginesValue(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace expected = engineTrace(CellKind.LSTM, "67+60");
        int index = window.strips().quantities().indexOf(Quantity.gate(1));
        ChartCanvas forget = window.strips().canvases().get(index);
        await(() -> forget.chart() != null);
        double value = expected.encoder().top().step(0).gate(1, 9);
        ColourScale scale = app.chartStyleBinding().get().scales()
                .forQuantity(Quantity.gate(1), CellKind.LSTM, Quantities.extent(expected, 0, Quantity.gate(1)));
        java.awt.Color want = scale.colour(value);
        Rectangle2D square = ((UnitStrip) forget.chart()).unitBounds(9);

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = forget.snapshot(null, null));
        Color got = shot[0].getPixelReader().getColor((int) square.getCenterX(), (int) square.getCenterY());
        assertThat(got.getRed() * 255).isCloseTo(want.getRed(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(got.getGreen() * 255).isCloseTo(want.getGreen(), org.assertj.core.data.Offset.offset(3.0));
        assertThat(got.getBlue() * 255).isCloseTo(want.getBlue(), org.assertj.core.data.Offset.offset(3.0));
    }

    private static Point2D onScreen(ChartCanvas canvas, double x, double y) {
        Point2D local = canvas.chartToLocal(x, y);      // the unrolled view may be drawn shrunk to fit
        return canvas.localToScreen(local.getX(), local.getY());
    }
}
