package io.gatescope.ui.export;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartStyle;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * How a view that is not one of the trace's panels (the training curves, the comparison table, the
 * gradient charts) becomes a figure for Export…: it marks the node that shows it with a title, a file
 * name and how to build its picture in a given style. The context menu, Ctrl+E and the dialog then
 * treat it like every other view, the print theme included; the view's code needs one line.
 *
 * @param title what the menu says: "Export the training curves…"
 * @param stem  the default file name without extension
 * @param build the picture in the style given (the screen's, or the print theme), or null while
 *              there is nothing to show; called on the JavaFX thread, so it may read the view's
 *              state, and it must return an immutable chart, which is drawn off that thread
 */
public record ExportHook(String title, String stem, Function<ChartStyle, Chart> build) {
    private static final String KEY = ExportHook.class.getName();

    /** Marks {@code node} (a chart's canvas, a table) as exported as {@code build} draws it. */
    public static void set(Node node, String title, String stem, Function<ChartStyle, Chart> build) {
        node.getProperties().put(KEY, new ExportHook(title, stem, build));
    }

    /** The hook on {@code node} itself, if any. */
    static Optional<ExportHook> of(Node node) {
        return node.getProperties().get(KEY) instanceof ExportHook h ? Optional.of(h) : Optional.empty();
    }
}
