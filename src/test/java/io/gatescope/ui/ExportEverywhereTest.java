package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartExport;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Figures;
import io.gatescope.chart.Legend;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.export.ExportTarget;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import io.gatescope.train.TrainingSetting;
import java.util.concurrent.TimeUnit;

/**
 * Every view the issue lists has Export…: in its context menu (a right-click), under Ctrl+E when
 * the mouse is over it, and in the View menu; the training curves and the comparison table too,
 * in the print theme. Walked as a user would: right-click each view and read the menu.
 */
class ExportEverywhereTest extends WindowTestBase {

    @Test
    void everyPanelOffersExportInItsContextMenuAndUnderCtrlE(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        assertThat(viewMenuExport().getAccelerator()).isEqualTo(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        expect(robot, window.cell().canvas(), "Export the cell diagram…");
        expect(robot, window.unrolled().canvas(), "Export the unrolled view…");
        expect(robot, window.strips().canvases().get(0), "Export the vectors…");
        expect(robot, window.equations().canvas(), "Export the equations…");
        robot.interact(() -> window.toggleMaximised(window.frames().get(4)));    // at 720 px the heatmaps start folded
        await(() -> window.heatmaps().canvases().get(0).getHeight() > 20);
        ChartCanvas heatmap = window.heatmaps().canvases().get(1);
        assertThat(window.exports().targets(heatmap).get(0).title()).startsWith("this heatmap (f").contains("forget gate");
        expect(robot, heatmap, "Export " + window.exports().targets(heatmap).get(0).title() + "…", "Export all heatmaps…");
    }

    @Test
    void theStripsShowTheExportedFiguresLegends(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        List<String> onScreen = new ArrayList<>();
        for (ChartCanvas c : canvasesIn(window.strips())) if (c.chart() instanceof Legend l) onScreen.add(l.scale().toString());
        var figure = Figures.of(Figures.View.VECTORS, app.cursorProperty().get().trace(), 0, false, app.chartStyleBinding().get());
        assertThat(onScreen).isNotEmpty().containsExactlyElementsOf(figure.legends().stream().map(l -> l.scale().toString()).toList());
    }

    @Test
    void theGradientsViewAndTheTrainingPanelOfferExportToo(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        showView(robot, "Gradients through time");
        ChartCanvas norms = robot.lookup("#gradientNorms").queryAs(ChartCanvas.class);
        await(() -> norms.chart() != null);
        assertThat(window.exports().hoveredTarget().title()).as("Ctrl+E with the mouse elsewhere: the view's first chart").isNotBlank();
        expect(robot, norms, "Export the gradient charts…");
        // Like every view, the gradients export in the print theme: the titled figure, black on white.
        ExportTarget gradients = window.exports().targets(norms).get(0);
        assertThat(gradients.rethemable()).isTrue();
        AtomicReference<Chart> figure = new AtomicReference<>();
        robot.interact(() -> gradients.snapshot(Theme.PRINT, false).ifPresent(s -> figure.set(s.step().get())));
        assertThat(((io.gatescope.chart.Figure) figure.get()).title()).endsWith("gradients back through time");
        assertThat(new Color(ChartExport.image(figure.get(), 1).getRGB(1, 1))).isEqualTo(Color.WHITE);

        showView(robot, "Training");
        ExportTarget curves = window.exports().hoveredTarget();
        assertThat(curves.title()).isEqualTo("the training curves");
        assertThat(curves.rethemable()).isTrue();
        expect(robot, canvasesIn(window.viewProperty().get()).get(0), "Export the training curves…");
        TableView<?> comparison = robot.lookup(".table-view").queryAllAs(TableView.class).stream()
                .filter(t -> t.getColumns().size() == io.gatescope.chart.ComparisonTable.COLUMNS.size()).findFirst().orElseThrow();
        assertThat(comparison.getColumns().stream().map(c -> c.getText()).toList())
                .containsExactlyElementsOf(io.gatescope.chart.ComparisonTable.COLUMNS.stream().map(c -> c.header()).toList());
        expect(robot, comparison, "Export the comparison table…");

        // One update gives the curves a run: exported in the print theme, black on white, the run in its colour.
        robot.interact(() -> {
            for (var s : List.of(TrainingSetting.HIDDEN, TrainingSetting.EXAMPLES, TrainingSetting.BATCH)) {
                robot.lookup("#setting-" + s.key()).queryAs(TextField.class).setText(s == TrainingSetting.HIDDEN ? "8" : s == TrainingSetting.BATCH ? "32" : "600");
            }
            robot.lookup("#oneUpdate").queryButton().fire();
        });
        AtomicReference<Chart> chart = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            robot.interact(() -> curves.snapshot(Theme.PRINT, false).ifPresent(s -> chart.set(s.step().get())));
            return chart.get() != null;
        });
        assertThat(((io.gatescope.chart.Figure) chart.get()).title()).isEqualTo("Training curves");
        BufferedImage image = ChartExport.image(chart.get(), 1);
        assertThat(new Color(image.getRGB(1, 1))).isEqualTo(Color.WHITE);
    }

    /**
     * Points at {@code view} and asks for its context menu as a right-click or the menu key does (the
     * headless robot's right button sends no such request), then checks the menu; Ctrl+E's target
     * is then the first item's.
     */
    private void expect(FxRobot robot, Node view, String... items) throws Exception {
        robot.moveTo(view);
        robot.interact(() -> {
            javafx.geometry.Bounds b = view.localToScene(view.getLayoutBounds());
            javafx.geometry.Point2D screen = view.localToScreen(view.getLayoutBounds().getCenterX(), view.getLayoutBounds().getCenterY());
            javafx.event.Event.fireEvent(view, new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getX(), screen.getY(), false,
                    new javafx.scene.input.PickResult(view, b.getCenterX(), b.getCenterY())));
        });
        await(() -> contextMenu(robot) != null);
        List<String> texts = contextMenu(robot).getItems().stream().map(MenuItem::getText).filter(t -> t != null && t.startsWith("Export")).toList();
        robot.interact(() -> contextMenu(robot).hide());
        assertThat(texts).as("the context menu of " + view).containsExactly(items);
        assertThat("Export " + window.exports().hoveredTarget().title() + "…").as("Ctrl+E over " + view).isEqualTo(items[0]);
    }

    private static ContextMenu contextMenu(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(w -> w instanceof ContextMenu c && c.isShowing())
                .map(ContextMenu.class::cast).findFirst().orElse(null);
    }

    private MenuItem viewMenuExport() {
        return window.menus().view().getItems().stream().filter(i -> "Export…".equals(i.getText())).findFirst().orElseThrow();
    }

    private void showView(FxRobot robot, String title) throws Exception {
        MenuItem item = window.menus().view().getItems().stream().filter(i -> i.getText() != null && i.getText().startsWith(title))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        await(() -> window.viewProperty().get() != window.panelsView());
    }

    private static List<ChartCanvas> canvasesIn(Node root) {
        List<ChartCanvas> out = new ArrayList<>();
        if (root instanceof ChartCanvas c) out.add(c);
        if (root instanceof Parent p) for (Node n : p.getChildrenUnmodifiable()) out.addAll(canvasesIn(n));
        return out;
    }
}
