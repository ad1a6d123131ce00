package io.gatescope.ui.unrolled;

import io.gatescope.chart.TimeAxis;
import io.gatescope.chart.UnrolledView;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.TraceCursor;
import java.util.Locale;

/**
 * The sequence of cells across time: encoder and decoder, the characters read below and the
 * characters predicted above with their probabilities. Click a step to go there; hover it for the
 * top predictions.
 */
public final class UnrolledPanel {
    private static final int TOP_PREDICTIONS = 3;
    private static final double MIN_SHARE = 0.65;

    private final AppModel app;
    private final ChartCanvas canvas;

    public UnrolledPanel(AppModel app) {
        this.app = app;
        canvas = new ChartCanvas(this::view);
        canvas.setMinSize(0, 0);
        canvas.setShrinkToFit(true);
        canvas.setOnChartClick((chart, p) -> {
            int t = ((UnrolledView) chart).stepAt(p.getX(), p.getY());
            if (t >= 0) app.goTo(t);
        });
        canvas.setOnHover((chart, p) -> {
            int t = ((UnrolledView) chart).stepAt(p.getX(), p.getY());
            return t < 0 ? null : describe(t);
        });
        canvas.setHoverArea((chart, p) -> {
            UnrolledView v = (UnrolledView) chart;
            int t = v.stepAt(p.getX(), p.getY());
            // On an "… earlier" marker the step is hidden: the popup then keeps clear of the pointer.
            return t < 0 || !v.window().contains(t) ? null : v.cellBounds(t);
        });
        app.cursorProperty().addListener((o, a, c) -> canvas.invalidate());
        app.chartStyleBinding().addListener((o, a, s) -> canvas.invalidate());
        // Below about two thirds of its height the row of cells would shrink past legibility.
        app.traceProperty().addListener((o, a, t) -> fitHeight());
        app.view().zoomProperty().addListener((o, a, z) -> fitHeight());
        app.view().presenterProperty().addListener((o, a, on) -> fitHeight());
    }

    /** The height the view needs at full size, in px (0 before a trace). */
    public double neededHeight() {
        UnrolledView v = view();
        return v == null ? 0 : v.preferredSize().height();
    }

    private void fitHeight() {
        UnrolledView v = view();
        // With large text the chart is drawn smaller anyway (shrink to fit); the floor stays at the desk's size.
        double desk = v == null ? 0 : v.preferredSize().height() / app.view().zoomProperty().get();
        // In presenter mode it may fold to its title bar: the cell diagram comes first there.
        canvas.setMinHeight(app.view().presenterProperty().get() ? 0 : MIN_SHARE * desk);
    }

    public ChartCanvas canvas() { return canvas; }

    private UnrolledView view() {
        TraceCursor c = app.cursorProperty().get();
        return c == null ? null : UnrolledView.of(c.trace(), c.layer(), app.chartStyleBinding().get());
    }

    /** "Decoder t = 2 of 5 · predicts '1'" and the top three probabilities; a click goes there. */
    private String describe(int t) {
        TraceCursor c = app.cursorProperty().get();
        TimeAxis axis = c.axis();
        StringBuilder sb = new StringBuilder(axis.describe(t, app.view().notationProperty().get()));
        ModelTrace trace = c.trace();
        if (axis.isDecoder(t) && axis.localIndex(t) < trace.outputSteps()) {
            double[] p = trace.probabilities(axis.localIndex(t));
            Integer[] order = new Integer[p.length];
            for (int k = 0; k < p.length; k++) order[k] = k;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            sb.append("\nsoftmax:");
            for (int k = 0; k < Math.min(TOP_PREDICTIONS, p.length); k++) {
                sb.append(String.format(Locale.ROOT, "  '%s' %.1f %%", trace.vocabulary().get(order[k]), 100 * p[order[k]]));
            }
        }
        sb.append("\nClick to go to this step");
        return sb.toString();
    }
}
