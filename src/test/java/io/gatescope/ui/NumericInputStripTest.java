package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Notation;
import io.gatescope.chart.UnitStrip;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.SequenceInput;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A model that reads numbers shows the step's input x_t as a strip, with every digit on hover; an addition model does not. */
class NumericInputStripTest extends WindowTestBase {
    @TempDir
    Path dir;

    @Test
    void importedWeightsShowTheInputOfTheCurrentStep(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ChartCanvas input = window.strips().inputCanvas();
        assertThat(input.getScene()).as("no input strip for one-hot characters").isNull();

        Path file = OpenFileTest.pyTorchGru(dir.resolve("gru-3-4.json"));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Stack && app.cursorProperty().get() != null);
        robot.interact(() -> app.goTo(3));
        await(() -> app.cursorProperty().get().index() == 3 && input.getScene() != null && input.chart() != null
                && input.getHeight() > 10);
        double[] x = SequenceInput.random(8, 3, 1).rows()[3];

        UnitStrip strip = (UnitStrip) input.chart();
        assertThat(strip.label()).isEqualTo("x_t");
        // Above the gates' strips, as the first vector of the step.
        ChartCanvas firstGate = window.strips().canvases().get(0);
        assertThat(input.localToScene(0, 0).getY()).isLessThan(firstGate.localToScene(0, 0).getY());

        // Each square is coloured by the current step's value on the input's scale (symmetric, from the whole sequence).
        double maxAbs = 0;
        for (double[] row : SequenceInput.random(8, 3, 1).rows()) for (double v : row) maxAbs = Math.max(maxAbs, Math.abs(v));
        var scale = app.chartStyleBinding().get().scales().diverging(maxAbs);
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = input.snapshot(null, null));
        for (int k = 0; k < x.length; k++) {
            Rectangle2D square = strip.unitBounds(k);
            Point2D at = input.chartToLocal(square.getCenterX(), square.getCenterY());
            javafx.scene.paint.Color drawn = shot[0].getPixelReader().getColor((int) at.getX(), (int) at.getY());
            java.awt.Color want = scale.colour(x[k]);
            assertThat(new double[] {drawn.getRed() * 255, drawn.getGreen() * 255, drawn.getBlue() * 255})
                    .as("colour of x[%d] = %f", k, x[k])
                    .containsExactly(new double[] {want.getRed(), want.getGreen(), want.getBlue()}, org.assertj.core.api.Assertions.within(2.0));
        }

        Rectangle2D unit = strip.unitBounds(2);
        Point2D local = input.chartToLocal(unit.getCenterX(), unit.getCenterY());
        Point2D screen = input.localToScreen(local.getX(), local.getY());
        robot.moveTo(screen.add(1, 0)).moveTo(screen);
        await(() -> !input.hoverTextProperty().get().isEmpty());
        assertThat(input.hoverTextProperty().get()).startsWith("xt, input 2").contains("value = " + Notation.fullPrecision(x[2]));
    }
}
