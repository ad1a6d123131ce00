package io.gatescope.ui;

import io.gatescope.ui.cell.CellPanel;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.heatmap.HeatmapPanel;
import io.gatescope.ui.theme.UiTheme;
import io.gatescope.ui.unrolled.UnrolledPanel;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.Region;

/**
 * How the main window's panels share its height: arranged at the first layout, when a text size
 * changes (each mode's own), when presenter mode comes on, and when a trace needs other heights
 * (a model of another shape); otherwise the user's dividers rule.
 */
final class PanelHeights {
    private final MainWindow window;
    private final PanelLayout panels;
    private final UnrolledPanel unrolled;
    private final CellPanel cell;
    private final HeatmapPanel heatmaps;

    PanelHeights(MainWindow window, PanelLayout panels, UnrolledPanel unrolled, CellPanel cell, HeatmapPanel heatmaps) {
        this.window = window;
        this.panels = panels;
        this.unrolled = unrolled;
        this.cell = cell;
        this.heatmaps = heatmaps;
        var view = window.app().view();
        // Each layout is arranged when its own text size changes; switching modes keeps both arrangements.
        view.deskZoomProperty().addListener((o, a, z) -> arrangeLater());
        view.presenterZoomProperty().addListener((o, a, z) -> arrangeLater());
        // The strip's minimum, dropped when it gave way to the lecture bars, comes back with the desk.
        view.presenterProperty().addListener((o, a, on) -> {
            if (!on) panels.frames().get(0).setMinHeight(Region.USE_COMPUTED_SIZE);
        });
        // In presenter mode the lecture bars above the panels take height as they open and close: arranged again.
        if (window.getTop() instanceof Region top) top.heightProperty().addListener((o, a, h) -> {
            if (panels.presenting() && Math.abs(h.doubleValue() - a.doubleValue()) > 0.5) arrangeLater();
        });
        panels.heightProperty().addListener(new ChangeListener<>() {
            @Override public void changed(ObservableValue<? extends Number> o, Number a, Number h) {
                if (h.doubleValue() <= 0) return;
                o.removeListener(this);      // once, at the first layout; later the user's dividers rule
                arrangeLater();
            }
        });
        // The panels know the heights they need only once a trace is on screen, and a model of another
        // shape (a 160-unit layer's heatmaps) needs others: arranged again then, otherwise the user's dividers rule.
        window.app().traceProperty().addListener((o, a, t) -> Platform.runLater(() -> {
            if (panels.getHeight() > 0 && !needs().equals(arrangedFor)) arrangeLater();
        }));
    }

    /**
     * Shares the height. At the desk the unrolled view gets what it needs to be legible, the cell row
     * most of the rest; from 150 % text up the heatmaps fold down to their title bar, so the cell
     * diagram stays large (and wider), and so they do on a screen under 800 px. Their maximise
     * button, the 5 key or the divider brings them back. In presenter mode the cell diagram gets the
     * height it needs at full size first; the unrolled view the rest when it fits whole, else its
     * one-line strip (a 720 px projector): at full size when a diagram with 24 px numbers leaves room
     * for it, else in the room left, down to characters of 24 px and then of the bars' 20 px; the cell
     * diagram takes the remainder.
     */
    private void arrangeDividers() {
        PanelFrame unrolledFrame = panels.frames().get(0), cellFrame = panels.frames().get(1);
        double height = panels.getHeight();
        if (height <= 0) return;
        arrangedFor = needs();
        if (panels.presenting()) {
            double header = shown(unrolledFrame.header()), cellHeader = shown(cellFrame.header());
            double divider = presenterDivider();
            double rest = height - (cellHeader + cell.neededHeight() + divider);
            // (the strip's frame has a border too, and the split pane's snapping may take a pixel or two from it)
            double frame = header + unrolledFrame.snappedTopInset() + unrolledFrame.snappedBottomInset();
            double full = header + unrolled.neededHeight(), strip = frame + unrolled.stripHeight();
            // The strip says where in the sequence the class is: it stays while the diagram keeps numbers the
            // back row reads, its characters as large as those if there is room, else at the bars' text size.
            // (the cell frame's border, and a pixel or two the split pane's snapping takes, come off too)
            double legible = height - (cellHeader + legibleCellHeight() + divider
                    + cellFrame.snappedTopInset() + cellFrame.snappedBottomInset() + SNAP_PX);
            double readableStrip = frame + unrolled.stripHeight(UiTheme.LEGIBLE_PX);
            if (legible < readableStrip) readableStrip = frame + unrolled.stripHeight(UiTheme.HALL_TEXT_PX);
            boolean stripFits = legible >= readableStrip;
            // Room for both at full size: share the slack. Otherwise the unrolled view becomes its one-line
            // strip, at full size if the legible diagram leaves room for it, and the cell diagram takes the rest.
            // Only when not even the smaller strip fits (bars far taller than the shipped ones) it gives way: 1 brings it.
            double stripTop = Math.min(strip, legible);
            double top = rest >= full ? full + (rest - full) / 2 : stripFits ? stripTop : 0;
            // The strip's height is its minimum too: the split pane's rounding then takes from the cell, which has room.
            unrolledFrame.setMinHeight(stripFits ? Math.min(top, stripTop) : 0);
            panels.presenter().setDividerPositions(Math.min(1, top / height));
            return;
        }
        unrolledFrame.setMinHeight(Region.USE_COMPUTED_SIZE);
        boolean large = window.app().view().zoomProperty().get() >= 1.5;
        double wanted = unrolledFrame.minHeight(-1) / 0.65;
        double top = large ? 0.27 : Math.min(0.4, wanted / height);
        // On a 720p projector there is no room for the heatmaps below a legible cell either.
        boolean fold = large || window.getHeight() < MainWindow.FOLD_BELOW_PX;
        // Unfolded, the heatmaps get at least what shows every row and their character row, never cut off.
        double heatmapsNeed = (heatmapFrame().header().prefHeight(-1) + heatmaps.neededHeight() + DIVIDER_PX) / height;
        double second = Math.max(top + 0.3 * (1 - top), Math.min(top + 0.6 * (1 - top), 1 - heatmapsNeed));
        panels.desk().setDividerPositions(top, fold ? 1.0 : second);
        panels.middle().setDividerPositions(large ? 0.55 : 0.42, large ? 0.78 : 0.7);
    }

    /** The height of a header, or 0 when it is hidden (presenter mode drops the title bars). */
    private static double shown(Region header) {
        return header.isManaged() ? header.prefHeight(-1) : 0;
    }

    /** The height at which the cell diagram's numbers are {@link UiTheme#LEGIBLE_PX} (or full size, if smaller). */
    private double legibleCellHeight() {
        double body = window.app().chartStyleBinding().get().bodyFont().getSize2D();
        return cell.neededHeight() * Math.min(1, UiTheme.LEGIBLE_PX / body);
    }

    private PanelFrame heatmapFrame() { return panels.frames().get(4); }

    /** The heights the arrangement was made for; a trace that needs others is arranged again. */
    private List<Double> arrangedFor = List.of();

    private List<Double> needs() {
        return List.of(unrolled.neededHeight(), cell.neededHeight(), heatmaps.neededHeight());
    }

    /** A split pane's divider in px, which the cell's height must leave room for. */
    private static final double DIVIDER_PX = 6;

    /** The presenter split pane's divider as laid out (it pads in em, so it grows with the text), else {@link #DIVIDER_PX}. */
    private double presenterDivider() {
        return panels.presenter().lookup(".split-pane-divider") instanceof Region d && d.getHeight() > 0
                ? Math.max(DIVIDER_PX, d.getHeight()) : DIVIDER_PX;
    }

    /** What the split pane's rounding of divider positions may take from a panel. */
    private static final double SNAP_PX = 2;

    void arrangeLater() {
        // After the new font size has been applied and laid out, so minimum heights are current.
        Platform.runLater(() -> {
            window.applyCss();
            window.layout();
            arrangeDividers();
        });
    }
}
