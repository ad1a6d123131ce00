package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Heatmap;
import io.gatescope.chart.StepWindow;
import io.gatescope.chart.UnrolledView;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.canvas.ChartCanvas;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What keeps long runs usable: the heatmaps' cells are rendered once per trace and look and only
 * the cursor's marks follow a scrub, and the unrolled view shows a window of steps that always
 * holds the current one.
 */
class LongSequenceTest extends WindowTestBase {
    @TempDir
    Path dir;

    @Test
    void scrubbingReusesTheHeatmapCellsAndANewPaletteOrTraceRendersThemAgain(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas()).type(KeyCode.DIGIT5);        // the heatmaps fill the window
        ChartCanvas canvas = window.heatmaps().canvases().get(0);
        await(() -> canvas.getHeight() > 200 && canvas.isVisible() && canvas.baseRendersProperty().get() > 0);
        int renders = canvas.baseRendersProperty().get();

        int redraws = canvas.redrawsProperty().get();
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        robot.interact(() -> app.selectUnit(4));
        await(() -> app.stepProperty().get() == 3 && canvas.redrawsProperty().get() > redraws);
        await(() -> columnOutlined(robot, canvas, 3));
        assertThat(columnOutlined(robot, canvas, 0)).isFalse();
        assertThat(canvas.baseRendersProperty().get()).as("cell renders while only the cursor moved").isEqualTo(renders);

        robot.interact(() -> app.view().paletteProperty().set(Palette.VIRIDIS));
        await(() -> canvas.baseRendersProperty().get() == renders + 1);
        // A new trace renders the cells again (twice, if its legends change the heatmaps' widths).
        robot.interact(() -> app.inputTextProperty().set("12+34"));
        awaitTrace("12+34");
        await(() -> canvas.baseRendersProperty().get() > renders + 1);
        assertThat(columnOutlined(robot, canvas, 3)).isTrue();
    }

    @Test
    void theUnrolledViewShowsAWindowThatHoldsTheCurrentStepAndClicksStillGoThere(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path file = dir.resolve("lstm-200.json");
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 3, 4, 1, false);
        for (RecurrentLayer layer : stack.layers()) Initialisers.pytorchDefault(layer, new SplittableRandom(5));
        ModelFiles.save(file, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        robot.interact(() -> {
            app.sequenceLengthProperty().set(200);
            app.open(file);
        });
        ChartCanvas canvas = window.unrolled().canvas();
        await(() -> app.totalSteps() == 200 && canvas.chart() != null
                && ((UnrolledView) canvas.chart()).window().total() == 200);
        StepWindow start = window(canvas);
        assertThat(start.first()).isZero();
        assertThat(start.size()).isBetween(5, 40);

        robot.clickOn(window.cell().canvas()).type(KeyCode.END);
        await(() -> app.stepProperty().get() == 199 && window(canvas).contains(199));
        assertThat(window(canvas).later()).isZero();

        StepWindow end = window(canvas);
        clickChart(robot, canvas, ((UnrolledView) canvas.chart()).cellBounds(end.first()).getCenterX(),
                ((UnrolledView) canvas.chart()).cellBounds(end.first()).getCenterY());
        await(() -> app.stepProperty().get() == end.first());

        await(() -> window(canvas).contains(end.first()));
        // "… 190 earlier": a click there goes to the step just before the window, which turns the page.
        StepWindow shown = window(canvas);
        Rectangle2D first = ((UnrolledView) canvas.chart()).cellBounds(shown.first());
        clickChart(robot, canvas, first.getX() - 30, first.getCenterY());
        await(() -> app.stepProperty().get() == shown.first() - 1 && window(canvas).contains(shown.first() - 1));
        assertThat(window(canvas).first()).isLessThan(shown.first());
    }

    private static StepWindow window(ChartCanvas canvas) {
        return ((UnrolledView) canvas.chart()).window();
    }

    private static void clickChart(FxRobot robot, ChartCanvas canvas, double x, double y) {
        Point2D local = canvas.chartToLocal(x, y);
        robot.clickOn(canvas.localToScreen(local.getX(), local.getY()));
    }

    /** Whether the canvas on screen shows the highlight colour on the left edge of step {@code t}'s column. */
    private boolean columnOutlined(FxRobot robot, ChartCanvas canvas, int t) {
        WritableImage[] shot = new WritableImage[1];
        Rectangle2D[] cell = new Rectangle2D[1];
        java.awt.Color[] highlight = new java.awt.Color[1];
        robot.interact(() -> {
            shot[0] = canvas.snapshot(null, null);
            cell[0] = ((Heatmap) canvas.chart()).cellBounds(t, 8);
            highlight[0] = app.chartStyleBinding().get().theme().highlight();
        });
        java.awt.Color want = highlight[0];
        PixelReader pixels = shot[0].getPixelReader();
        for (int dx = -1; dx <= 1; dx++) {
            Color c = pixels.getColor((int) Math.floor(cell[0].getX()) + dx, (int) cell[0].getCenterY());
            if (Math.abs(c.getRed() * 255 - want.getRed()) <= 10 && Math.abs(c.getGreen() * 255 - want.getGreen()) <= 10
                    && Math.abs(c.getBlue() * 255 - want.getBlue()) <= 10) {
                return true;
            }
        }
        return false;
    }
}
