package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every view of the window, on the desk and in presenter mode, is styled without a CSS warning. A
 * looked-up colour that does not resolve (AtlantaFX's {@code -color-fg-muted}, say) leaves a control
 * drawn with JavaFX's fallback for that frame and logs "Could not resolve …" or "Caught
 * ClassCastException … while converting value for '-fx-background-color'" from
 * {@code javafx.scene.CssStyleHelper}; this test reads that logger. (It did, seven times, when the
 * training panel was first shown: see {@link io.gatescope.ui.controls.FieldStateDecoration}.)
 */
class CssWarningsTest extends WindowTestBase {
    /** JavaFX's CSS logger (a platform logger, which the JDK routes to java.util.logging); held so it stays configured. */
    private static final Logger CSS = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) {
            if (r.getLevel().intValue() < Level.WARNING.intValue()) return;
            warnings.add(r.getMessage());
        }

        @Override public void flush() { }

        @Override public void close() { }
    };

    @BeforeEach
    void listen() {
        CSS.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        CSS.removeHandler(capture);
    }

    @Test
    void everyViewOnTheDeskAndInPresenterModeIsStyledWithoutWarnings(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        showEveryView(robot);
        hoverTheCellDiagram(robot);
        assertThat(warnings).as("CSS warnings on the desk").isEmpty();
        // the window stays its scene's root: the export dialog and the hover popup take their look from it
        assertThat(window.getScene().getRoot()).isSameAs(window);

        presenterOnProjector(robot);
        showEveryView(robot);
        robot.interact(() -> app.view().setZoom(1.75));
        showEveryView(robot);
        hoverTheCellDiagram(robot);
        assertThat(warnings).as("CSS warnings in presenter mode").isEmpty();
    }

    /** Points at the cell diagram's c_t box until its exact-value popup shows (its text styled by then), and away. */
    private void hoverTheCellDiagram(FxRobot robot) throws Exception {
        var canvas = window.cell().canvas();
        var diagram = (io.gatescope.chart.CellDiagram) canvas.chart();
        var box = diagram.bounds(io.gatescope.chart.DiagramPart.of(io.gatescope.chart.DiagramPart.Type.CELL_STATE)).orElseThrow();
        var centre = canvas.localToScreen(canvas.chartToLocal(box.getMinX() + box.getWidth() / 2, box.getMinY() + box.getHeight() / 2));
        for (int i = 0; i < 2; i++) {   // twice: the second showing, after a hide, is the one that logged warnings
            robot.moveTo(centre.add(1, 0)).moveTo(centre);
            await(() -> canvas.hoverPopup().isShowing() && !canvas.hoverPopup().text().getChildren().isEmpty());
            robot.moveTo(window.unrolled().canvas());
            await(() -> !canvas.hoverPopup().isShowing());
        }
    }

    /** Shows each centre view in turn (the panels, the gradients, the training panel, …), each laid out once. */
    private void showEveryView(FxRobot robot) throws Exception {
        for (Node view : window.viewsById().values()) {
            robot.interact(() -> window.showView(view));
            await(() -> window.viewProperty().get() == view && view.getScene() != null);
            robot.interact(() -> window.getScene().getRoot().layout());
        }
        robot.interact(window::showPanels);
    }
}
