package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.chart.CellDiagram;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.UnitStrip;
import io.gatescope.chart.UnrolledView;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.TimeBar;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Presenter mode on a 1280×720 projector: the charts' own text grows with the zoom, the cell diagram
 * and the unrolled view (as its one-line strip) share the centre, both large, the notice covers no
 * control, the status line is whole, and the desk layout comes back as it was.
 */
class PresenterLayoutTest extends WindowTestBase {

    @Test
    void atPresenterZoomTheCellDiagramsNumbersAreLargeAndOnlyTwoPanelsShow(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> window.getScene().getWindow().setWidth(1280));
        double[] desk = positions();
        presenterOnProjector(robot);
        ChartStyle style = app.chartStyleBinding().get();
        assertThat(style.fontScale()).isEqualTo(1.75);
        await(() -> window.cell().canvas().chart() != null && window.cell().canvas().getHeight() > 100
                && drawScale(window.cell().canvas()) > 0.5);
        await(() -> numberPx(style) >= 24);      // the dividers settle after one layout pass
        assertThat(window.getScene().getHeight()).isEqualTo(720);

        // The cell diagram's numbers at least 24 px tall, drawn whole (the chart's own shrink-to-fit included).
        assertThat(numberPx(style)).as("cell diagram number size in px").isGreaterThanOrEqualTo(24);
        CellDiagram diagram = (CellDiagram) window.cell().canvas().chart();
        var cellCanvas = window.cell().canvas();
        assertThat(diagram.minimumSize().height() * drawScale(cellCanvas)).isLessThanOrEqualTo(cellCanvas.getHeight() + 0.5);
        assertThat(cellCanvas.getWidth()).as("cell diagram width").isGreaterThan(1200);
        assertThat(cellCanvas.getHeight()).as("cell diagram height").isGreaterThan(400);

        // Above it, the unrolled view: every step in one line, its characters as large as the diagram's numbers.
        var unrolledCanvas = window.unrolled().canvas();
        await(() -> unrolledCanvas.chart() != null && unrolledCanvas.getHeight() > 0);
        UnrolledView strip = (UnrolledView) unrolledCanvas.chart();
        double characterPx = strip.characterSize() * drawScale(unrolledCanvas);
        assertThat(characterPx).as("unrolled view character size in px").isGreaterThanOrEqualTo(28);
        assertThat(strip.window().size()).as("steps shown").isEqualTo(app.cursorProperty().get().axis().length());
        assertThat(unrolledCanvas.getWidth()).as("unrolled view width").isGreaterThan(1200);
        assertThat(unrolledCanvas.getHeight()).as("unrolled view height").isGreaterThanOrEqualTo(window.unrolled().stripHeight() - 0.5);
        var current = strip.cellBounds(app.cursorProperty().get().index());
        assertThat(current.getMaxY() * drawScale(unrolledCanvas)).as("current step's box inside the view")
                .isLessThanOrEqualTo(unrolledCanvas.getHeight());
        System.out.printf("presenter 1280x720: cell numbers %.1f px, unrolled characters %.1f px, cell %.0fx%.0f, unrolled %.0fx%.0f%n",
                numberPx(style), characterPx, cellCanvas.getWidth(), cellCanvas.getHeight(),
                unrolledCanvas.getWidth(), unrolledCanvas.getHeight());

        // Only the unrolled view and the cell are in the centre; the others wait behind their keys.
        PanelFrame vectors = window.frames().get(2), heatmaps = window.frames().get(4);
        assertThat(vectors.getScene()).isNull();
        assertThat(heatmaps.getScene()).isNull();
        assertThat(window.frames().get(0).getScene()).isNotNull();
        assertThat(window.frames().get(1).getScene()).isNotNull();
        // Key 3 brings the vectors, at presenter size too, and gives the space back.
        double[] presenter = positions();
        robot.type(KeyCode.DIGIT3);
        await(() -> vectors.getScene() != null && window.strips().canvases().get(0).chart() != null);
        assertThat(((UnitStrip) window.strips().canvases().get(0).chart()).preferredSize().height())
                .isGreaterThan(1.5 * UnitStrip.of(app.cursorProperty().get().kind(), app.cursorProperty().get().step(),
                        window.strips().quantities().get(0), 1, style.withFontScale(1)).preferredSize().height());
        robot.type(KeyCode.DIGIT3);
        await(() -> vectors.getScene() == null && window.maximised() == null);
        assertThat(positions()).containsExactly(presenter, within(1e-9));

        // No title bars above the two panels: their height is the charts'.
        assertThat(window.frames().get(0).header().isVisible()).isFalse();
        assertThat(window.frames().get(1).header().isVisible()).isFalse();
        // The notice covers none of the panels' controls, and the status line is whole.
        Label notice = robot.lookup("#" + MainWindow.PRESENTER_NOTICE_ID).queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("Esc");
        Bounds nb = inScene(notice);
        assertThat(nb.getMaxX()).isLessThanOrEqualTo(1280);
        for (Node control : controlsInPanelHeaders()) {
            assertThat(inScene(control).intersects(nb)).as("notice over " + control).isFalse();
        }
        Label status = robot.lookup("#" + TimeBar.STEP_LABEL_ID).queryAs(Label.class);
        assertThat(status.getWidth()).as("status line \"%s\" shown whole", status.getText())
                .isGreaterThanOrEqualTo(status.prefWidth(-1) - 0.5);

        // Hovering the candidate: its popup at the charts' text size, beside the box, on the screen and
        // clear of every box of the diagram.
        var cellChart = (CellDiagram) cellCanvas.chart();
        java.awt.geom.Rectangle2D g = cellChart.bounds(io.gatescope.chart.DiagramPart.gate(2)).orElseThrow();
        javafx.geometry.Point2D at = cellCanvas.localToScreen(cellCanvas.chartToLocal(g.getCenterX(), g.getCenterY()));
        robot.moveTo(at.add(1, 0)).moveTo(at);
        var hover = cellCanvas.hoverPopup();
        await(() -> hover.isShowing() && !cellCanvas.hoverTextProperty().get().isEmpty());
        double textPx = texts(hover.text()).stream().mapToDouble(t -> t.getFont().getSize()).max().orElse(0);
        assertThat(textPx).as("hover text size in px").isGreaterThanOrEqualTo(24);
        Bounds popup = new javafx.geometry.BoundingBox(hover.window().getX(), hover.window().getY(),
                hover.window().getWidth(), hover.window().getHeight());
        assertThat(popup.getMaxX()).isLessThanOrEqualTo(1280);
        assertThat(popup.getMaxY()).isLessThanOrEqualTo(720);
        for (java.awt.geom.Rectangle2D box : cellChart.partBounds()) {
            javafx.geometry.Point2D a = cellCanvas.localToScreen(cellCanvas.chartToLocal(box.getMinX(), box.getMinY()));
            javafx.geometry.Point2D b = cellCanvas.localToScreen(cellCanvas.chartToLocal(box.getMaxX(), box.getMaxY()));
            assertThat(popup.intersects(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY()))
                    .as("hover popup %s over a box of the diagram", popup).isFalse();
        }
        System.out.printf("presenter 1280x720: hover text %.1f px, popup %.0fx%.0f%n", textPx, popup.getWidth(), popup.getHeight());
        robot.moveTo(1270, 5);
        await(() -> !hover.isShowing());

        // Leaving presenter mode gives back the desk layout as it was.
        robot.type(KeyCode.ESCAPE);
        await(() -> !app.view().presenterProperty().get() && window.splits().size() == 2 && vectors.getScene() != null);
        assertThat(positions()).containsExactly(desk, within(1e-9));
        assertThat(notice.isVisible()).isFalse();
    }

    private static List<javafx.scene.text.Text> texts(javafx.scene.Parent parent) {
        List<javafx.scene.text.Text> out = new ArrayList<>();
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text t) out.add(t);
            else if (n instanceof javafx.scene.Parent p) out.addAll(texts(p));
        }
        return out;
    }

    private double numberPx(ChartStyle style) {
        return style.bodyFont().getSize2D() * drawScale(window.cell().canvas());
    }

    private static double drawScale(io.gatescope.ui.canvas.ChartCanvas canvas) {
        return canvas.chartToLocal(1, 0).getX();
    }

    private List<Node> controlsInPanelHeaders() {
        List<Node> out = new ArrayList<>();
        for (PanelFrame f : window.frames()) {
            if (f.getScene() == null || !f.header().isVisible()) continue;   // presenter mode drops its panels' title bars
            for (Node n : f.header().lookupAll(".button")) if (n instanceof Control && n.isVisible()) out.add(n);
            for (Node n : f.header().lookupAll(".label")) if (n.isVisible()) out.add(n);
        }
        return out;
    }

    private double[] positions() throws Exception {
        double[][] out = new double[1][];
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            window.applyCss();
            window.layout();
            List<Double> all = new ArrayList<>();
            for (SplitPane s : window.splits()) for (double d : s.getDividerPositions()) all.add(d);
            out[0] = all.stream().mapToDouble(Double::doubleValue).toArray();
        }).get();
        return out[0];
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
