package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Heatmap;
import io.gatescope.ui.canvas.ChartCanvas;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * At the desk on a screen at least 800 px tall (1600×1000 in the issue; the headless screen is
 * 1280×800) the heatmaps get room for every row and their character row, above the time bar, even
 * for a 160-unit layer.
 */
class DeskLayoutTest extends WindowTestBase {
    private static final int UNITS = 160;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** PyTorch GRU weights with 2 inputs and {@link #UNITS} hidden units, small seeded numbers. */
    private static java.nio.file.Path wideGru(java.nio.file.Path file) throws Exception {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        java.util.function.IntFunction<String> vector = n -> {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", rng.nextDouble(-0.2, 0.2)));
            return sb.append("]").toString();
        };
        java.util.function.BiFunction<Integer, Integer, String> matrix = (r, c) -> {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < r; i++) sb.append(i == 0 ? "" : ",").append(vector.apply(c));
            return sb.append("]").toString();
        };
        int rows = 3 * UNITS;
        return java.nio.file.Files.writeString(file, "{\"cell\": \"gru\", \"input_size\": 2, \"hidden_size\": " + UNITS
                + ", \"state_dict\": {\"weight_ih_l0\": " + matrix.apply(rows, 2) + ", \"weight_hh_l0\": " + matrix.apply(rows, UNITS)
                + ", \"bias_ih_l0\": " + vector.apply(rows) + ", \"bias_hh_l0\": " + vector.apply(rows) + "}}");
    }

    @Test
    void theHeatmapsCharacterRowIsAboveTheTimeBar(FxRobot robot) throws Exception {
        // A fresh window of that size: the layout is arranged at its first layout.
        awaitTrace("67+60");
        robot.interact(() -> {
            Stage s = (Stage) window.getScene().getWindow();
            s.setScene(null);
            MainWindow fresh = new MainWindow(app);
            // The headless screen is 1280×800 (a larger window overflows its frame buffer): tall enough
            // that the heatmaps are unfolded, as on the 1600×1000 screen where their row was cut off.
            var screen = javafx.stage.Screen.getPrimary().getBounds();
            s.setX(0);
            s.setY(0);
            double w = screen.getWidth(), h = Math.max(MainWindow.FOLD_BELOW_PX, screen.getHeight());
            s.setScene(new javafx.scene.Scene(fresh, w, h));
            // A stage an earlier test left larger or full screen would lay the scene out at another size.
            s.setFullScreen(false);
            s.setMaximized(false);
            s.setWidth(w);
            s.setHeight(h);
            window = fresh;
        });
        // A wide layer (160 units): its heatmaps need more than the share the panels used to give them.
        java.nio.file.Path file = wideGru(dir.resolve("gru-160.json"));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof io.gatescope.ui.model.LoadedModel.Stack
                && app.cursorProperty().get() != null && app.cursorProperty().get().hiddenSize() == UNITS);
        ChartCanvas first = window.heatmaps().canvases().get(0);
        await(() -> first.chart() != null && first.getHeight() > 0 && first.getScene() != null);
        Heatmap map = (Heatmap) first.chart();
        assertThat(first.getHeight()).as("heatmap height").isGreaterThanOrEqualTo(map.minimumSize().height() - 0.5);
        assertThat(window.getScene().getHeight()).as("scene height").isEqualTo(Math.max(MainWindow.FOLD_BELOW_PX,
                javafx.stage.Screen.getPrimary().getBounds().getHeight()));
        Node timeBar = window.getBottom();
        double canvasBottom = first.localToScene(0, first.getHeight()).getY();
        double barTop = timeBar.localToScene(0, 0).getY();
        assertThat(canvasBottom).as("the heatmap ends above the time bar").isLessThanOrEqualTo(barTop + 0.5);
        // And what is drawn there is whole: the character row (the current step's badge in it) lies inside
        // the canvas, inside the scroll pane's visible part, and above the time bar.
        assertThat(map.badgeBounds().getMaxY()).isLessThanOrEqualTo(first.getHeight());
        double rowBottom = first.localToScene(0, first.chartToLocal(0, map.badgeBounds().getMaxY()).getY()).getY();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) window.frames().get(4).getChildren().get(1);
        var viewport = scroll.localToScene(scroll.getLayoutBounds());
        assertThat(rowBottom).as("character row bottom inside the heatmaps' visible area").isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
        assertThat(rowBottom).as("character row bottom above the time bar").isLessThanOrEqualTo(barTop);
    }
}
