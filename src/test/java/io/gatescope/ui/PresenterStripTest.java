package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.CellDiagram;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.DiagramPart;
import io.gatescope.chart.UnrolledView;
import io.gatescope.ui.canvas.ChartCanvas;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Presenter mode on a 1280×720 projector, as the back row sees it: the one-line strip of characters
 * says which are read (encoder) and which predicted (decoder), and the hover popup is no larger than
 * its text at presenter size.
 */
class PresenterStripTest extends WindowTestBase {

    @BeforeEach
    void presenterAt720p(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        presenterOnProjector(robot);
        await(() -> window.unrolled().canvas().chart() instanceof UnrolledView v && v.isStrip()
                && !v.sectionLabels().isEmpty() && window.cell().canvas().chart() != null);
    }

    @Test
    void theStripNamesTheEncoderAndTheDecoderBesideTheirCharacters() throws Exception {
        ChartCanvas canvas = window.unrolled().canvas();
        UnrolledView strip = (UnrolledView) canvas.chart();
        double scale = canvas.chartToLocal(1, 0).getX();
        int steps = app.cursorProperty().get().axis().length(), encoderSteps = app.cursorProperty().get().axis().encoderLength();
        assertThat(strip.window().size()).as("every step still in the one line").isEqualTo(steps);
        assertThat(strip.characterSize() * scale).as("characters in px").isGreaterThanOrEqualTo(28);

        Map<String, Rectangle2D> labels = strip.sectionLabels();
        assertThat(labels).containsOnlyKeys("encoder", "decoder");
        Rectangle2D encoder = labels.get("encoder"), decoder = labels.get("decoder");
        Rectangle2D first = strip.cellBounds(0), lastRead = strip.cellBounds(encoderSteps - 1), last = strip.cellBounds(steps - 1);
        // "encoder" before the first character read, "decoder" after the last predicted, level with the boxes
        assertThat(encoder.getMaxX()).isLessThan(first.getMinX());
        assertThat(decoder.getMinX()).isGreaterThan(last.getMaxX());
        assertThat(lastRead.getMaxX()).isLessThan(strip.cellBounds(encoderSteps).getMinX());
        for (Rectangle2D r : labels.values()) {
            assertThat(r.getCenterY()).isBetween(first.getMinY(), first.getMaxY());
            assertThat(r.getMinX() * scale).as("inside the view").isGreaterThanOrEqualTo(0);
            assertThat(r.getMaxX() * scale).as("inside the view").isLessThanOrEqualTo(canvas.getWidth());
            assertThat(r.getHeight() * scale).as("label line height in px").isGreaterThanOrEqualTo(28);
        }
        ChartStyle style = app.chartStyleBinding().get();
        assertThat(style.bodyFont().getSize2D() * scale).as("label text in px").isGreaterThanOrEqualTo(24);
        // and drawn: text-coloured pixels where each name stands, none in the margin beside it
        WritableImage shot = snapshot(canvas);
        for (Rectangle2D r : labels.values()) assertThat(inkIn(shot, canvas, r)).as("ink of %s", r).isGreaterThan(20);
        assertThat(inkIn(shot, canvas, new Rectangle2D.Double(encoder.getMinX(), first.getMaxY() + 1, encoder.getWidth(), 2)))
                .isZero();
    }

    @Test
    void theHoverPopupIsNoWiderThanItsText(FxRobot robot) throws Exception {
        ChartCanvas cell = window.cell().canvas();
        CellDiagram diagram = (CellDiagram) cell.chart();
        Rectangle2D g = diagram.bounds(DiagramPart.gate(2)).orElseThrow();
        Point2D at = cell.localToScreen(cell.chartToLocal(g.getCenterX(), g.getCenterY()));
        robot.moveTo(at.add(1, 0)).moveTo(at);
        var hover = cell.hoverPopup();
        await(() -> hover.isShowing() && !cell.hoverTextProperty().get().isEmpty());
        // the lines' text (sub- and superscripts are set smaller beside it)
        double textPx = texts(hover.text()).stream().mapToDouble(t -> t.getFont().getSize()).max().orElse(0);
        assertThat(textPx).as("hover text in px").isGreaterThanOrEqualTo(24);
        Region root = (Region) hover.window().getContent().get(0);
        double width = hover.window().getWidth(), height = hover.window().getHeight();
        AtomicReference<Double> narrower = new AtomicReference<>();
        robot.interact(() -> narrower.set(root.prefHeight(width - 8)));
        assertThat(narrower.get()).as("8 px narrower, the text would need another line").isGreaterThan(height);
        assertThat(width).as("popup width at 1280×720").isLessThan(560);
        System.out.printf("presenter 1280x720: hover popup %.0fx%.0f, text %.1f px%n", width, height, textPx);
    }

    private static java.util.List<javafx.scene.text.Text> texts(javafx.scene.Parent parent) {
        java.util.List<javafx.scene.text.Text> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text t) out.add(t);
            else if (n instanceof javafx.scene.Parent p) out.addAll(texts(p));
        }
        return out;
    }

    private WritableImage snapshot(ChartCanvas canvas) throws Exception {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> shot.set(canvas.snapshot(null, null))).get();
        return shot.get();
    }

    /** Pixels in the chart rectangle {@code r} that differ clearly from the view's background. */
    private static int inkIn(WritableImage shot, ChartCanvas canvas, Rectangle2D r) {
        Point2D a = canvas.chartToLocal(r.getMinX(), r.getMinY()), b = canvas.chartToLocal(r.getMaxX(), r.getMaxY());
        Color background = shot.getPixelReader().getColor(1, 1);
        int ink = 0;
        for (int y = (int) Math.ceil(a.getY()); y < (int) b.getY() && y < shot.getHeight(); y++) {
            for (int x = (int) Math.ceil(a.getX()); x < (int) b.getX() && x < shot.getWidth(); x++) {
                Color c = shot.getPixelReader().getColor(x, y);
                double d = Math.abs(c.getRed() - background.getRed()) + Math.abs(c.getGreen() - background.getGreen())
                        + Math.abs(c.getBlue() - background.getBlue());
                if (d > 0.5) ink++;
            }
        }
        return ink;
    }
}
