package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.CellDiagram;
import io.gatescope.chart.DiagramPart;
import io.gatescope.chart.Heatmap;
import io.gatescope.chart.UnitStrip;
import io.gatescope.chart.UnrolledView;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.canvas.HoverPopup;
import java.awt.geom.Rectangle2D;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Hovering any chart opens the exact value beside the pointer: sized to its text, inside the screen, never over what is hovered (nor, on the cell
 * diagram, over the other boxes), with the value and the equation filled in.
 */
class HoverPopupTest extends WindowTestBase {

    @Test
    void everyChartShowsItsValueBesideTheHoveredElement(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> app.selectUnit(3));
        ModelTrace engine = engineTrace(CellKind.LSTM, "67+60");

        // A strip unit: f₃ at step 0, the forget gate's exact value and its equation.
        ChartCanvas forget = window.strips().canvases().get(1);
        await(() -> forget.chart() != null);
        Rectangle2D unit = ((UnitStrip) forget.chart()).unitBounds(3);
        String text = hover(robot, forget, unit);
        double f3 = engine.encoder().layers().get(0).steps().get(0).gate(1, 3);
        assertThat(text).contains("f₃").contains(shown(f3)).contains("σ(");

        // A box of the cell diagram.
        ChartCanvas cell = window.cell().canvas();
        CellDiagram diagram = (CellDiagram) cell.chart();
        Rectangle2D box = diagram.bounds(DiagramPart.of(DiagramPart.Type.CELL_STATE)).orElseThrow();
        assertThat(hover(robot, cell, box)).contains(shown(engine.encoder().layers().get(0).steps().get(0).c(3)));
        // A gate between two gates: the popover keeps off every other box of the diagram.
        Rectangle2D candidate = diagram.partBounds().stream()
                .filter(b -> diagram.elementAt(b.getCenterX(), b.getCenterY()).map(p -> p.type() == DiagramPart.Type.GATE).orElse(false))
                .sorted(java.util.Comparator.comparingDouble(Rectangle2D::getCenterX)).toList().get(2);
        hover(robot, cell, candidate);
        Bounds balloon = bounds(cell.hoverPopup());
        for (Rectangle2D other : diagram.partBounds()) {
            assertThat(balloon.intersects(onScreen(cell, other))).as("popover %s over the box %s", balloon, other).isFalse();
        }

        // A step of the unrolled view, near the right edge of the screen: the popup goes left of it.
        ChartCanvas unrolled = window.unrolled().canvas();
        UnrolledView view = (UnrolledView) unrolled.chart();
        int last = view.window().last() - 1;
        assertThat(hover(robot, unrolled, view.cellBounds(last))).contains("step");

        // A heatmap cell (the heatmaps fill the window on key 5).
        robot.clickOn(window.cell().canvas()).type(KeyCode.DIGIT5);
        ChartCanvas heat = window.heatmaps().canvases().get(0);
        await(() -> heat.getHeight() > 200 && heat.chart() != null && heat.getScene() != null);
        Rectangle2D hc = ((Heatmap) heat.chart()).cellBounds(2, 3);
        assertThat(hover(robot, heat, hc)).contains("₃");

        // Leaving the chart hides it.
        robot.moveTo(window.getScene().getWindow().getX() + 5, window.getScene().getWindow().getY() + 5);
        await(() -> !heat.hoverPopup().isShowing());
    }

    /** Hovers the element's centre and checks the popup's place and size; returns its text. */
    private String hover(FxRobot robot, ChartCanvas canvas, Rectangle2D area) throws Exception {
        Point2D a = canvas.localToScreen(canvas.chartToLocal(area.getMinX(), area.getMinY()));
        Point2D b = canvas.localToScreen(canvas.chartToLocal(area.getMaxX(), area.getMaxY()));
        Bounds element = new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        Point2D centre = new Point2D(element.getCenterX(), element.getCenterY());
        robot.moveTo(centre.add(1, 0)).moveTo(centre);
        HoverPopup hover = canvas.hoverPopup();
        await(() -> hover.isShowing() && !canvas.hoverTextProperty().get().isEmpty());
        Bounds popup = bounds(hover);
        var screen = Screen.getPrimary().getVisualBounds();
        String text = canvas.hoverTextProperty().get();
        assertThat(popup.getMinX()).as("left edge on screen: " + text).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(popup.getMinY()).as("top edge on screen").isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(popup.getMaxX()).as("right edge on screen").isLessThanOrEqualTo(screen.getMaxX());
        assertThat(popup.getMaxY()).as("bottom edge on screen").isLessThanOrEqualTo(screen.getMaxY());
        assertThat(popup.intersects(element)).as("popup %s covers the hovered element %s", popup, element).isFalse();
        // Beside the pointer, not at the top of the screen: its nearest point within a few px of the element.
        double dx = Math.max(0, Math.max(popup.getMinX() - element.getMaxX(), element.getMinX() - popup.getMaxX()));
        double dy = Math.max(0, Math.max(popup.getMinY() - element.getMaxY(), element.getMinY() - popup.getMaxY()));
        assertThat(Math.hypot(dx, dy)).as("distance from the element").isLessThan(30);
        assertThat(Math.abs(popup.getCenterY() - centre.getY()) < popup.getHeight() / 2 + 40 || dy > 0)
                .as("level with the pointer").isTrue();
        // Sized to its text: a few lines, not a column.
        assertThat(popup.getHeight()).as("height of " + text).isLessThan(320);
        assertThat(popup.getWidth()).as("width").isBetween(60.0, 640.0);
        assertThat(popup.getHeight()).as("not taller than wide").isLessThan(popup.getWidth());
        return text;
    }

    private static Bounds bounds(HoverPopup hover) {
        var p = hover.window();
        return new BoundingBox(p.getX(), p.getY(), p.getWidth(), p.getHeight());
    }

    private static Bounds onScreen(ChartCanvas canvas, Rectangle2D r) {
        Point2D a = canvas.localToScreen(canvas.chartToLocal(r.getMinX(), r.getMinY()));
        Point2D b = canvas.localToScreen(canvas.chartToLocal(r.getMaxX(), r.getMaxY()));
        return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }
}
