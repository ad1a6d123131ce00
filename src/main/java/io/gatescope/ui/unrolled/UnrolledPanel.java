package io.gatescope.ui.unrolled;

import io.gatescope.chart.TimeAxis;
import io.gatescope.chart.UnrolledView;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.TraceCursor;
import io.gatescope.ui.theme.UiTheme;
import java.util.Locale;

/**
 * The sequence of cells across time: encoder and decoder, the characters read below and the
 * characters predicted above with their probabilities. Click a step to go there; hover it for the
 * top predictions. In presenter mode, when the full view would not fit at its size, it is drawn as
 * the one-line strip of characters ({@link UnrolledView#strip}) so the cell diagram keeps the height.
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
            UnrolledView v = (UnrolledView) chart;
            int t = v.stepAt(p.getX(), p.getY());
            return t < 0 ? null : describe(t, v.predictionPending(t));
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

    /** The height the full view needs at full size, in px (0 before a trace). */
    public double neededHeight() {
        UnrolledView v = full();
        return v == null ? 0 : v.preferredSize().height();
    }

    /** The height the one-line strip needs at full size, in px (0 before a trace). */
    public double stripHeight() {
        UnrolledView v = strip();
        return v == null ? 0 : v.preferredSize().height();
    }

    /** The strip's height at which its characters are {@code characterPx} tall (full size, if that is smaller). */
    public double stripHeight(double characterPx) {
        UnrolledView v = strip();
        return v == null ? 0 : v.preferredSize().height() * Math.min(1, characterPx / v.characterSize());
    }

    private void fitHeight() {
        UnrolledView v = full();
        // With large text the chart is drawn smaller anyway (shrink to fit); the floor stays at the desk's size.
        double desk = v == null ? 0 : v.preferredSize().height() / app.view().zoomProperty().get();
        // In presenter mode the strip with characters at the hall's smallest text size is the floor: the cell
        // diagram comes first there, the sequence stays in view (PanelHeights gives it more when there is room).
        canvas.setMinHeight(app.view().presenterProperty().get() ? stripHeight(UiTheme.HALL_TEXT_PX) : MIN_SHARE * desk);
    }

    public ChartCanvas canvas() { return canvas; }

    /** The full view, or in presenter mode the strip when the full view would not fit at its size. */
    private UnrolledView view() {
        UnrolledView full = full();
        boolean cramped = full != null && canvas.getHeight() < full.preferredSize().height();
        return app.view().presenterProperty().get() && cramped ? strip() : full;
    }

    private UnrolledView full() {
        TraceCursor c = app.cursorProperty().get();
        return c == null ? null : UnrolledView.of(c.trace(), c.layer(), app.chartStyleBinding().get());
    }

    private UnrolledView strip() {
        TraceCursor c = app.cursorProperty().get();
        return c == null ? null : UnrolledView.strip(c.trace(), c.layer(), app.chartStyleBinding().get());
    }

    /** "Decoder t = 2 of 5 · predicts '1'" and the top three probabilities; a click goes there. */
    private String describe(int t, boolean pending) {
        TraceCursor c = app.cursorProperty().get();
        TimeAxis axis = c.axis();
        int subStep = t == c.index() ? app.subStepProperty().get() : AppModel.WHOLE_STEP;
        StringBuilder sb = new StringBuilder(axis.describe(t, app.view().notationProperty().get(), subStep));
        ModelTrace trace = c.trace();
        if (pending) {
            sb.append("\nprediction not yet computed: it comes from h");
        } else if (axis.isDecoder(t) && axis.localIndex(t) < trace.outputSteps()) {
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
