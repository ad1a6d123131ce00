package io.gatescope.chart;

import io.gatescope.train.TrainingHistory.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run's curves as the run goes on: the window adds each look's new points ({@link #add}) and
 * draws {@link #series()}, the curves so far, fixed. Adding costs what was added, and a drawing
 * costs what the plot's width needs ({@link Curve}), so the curves of a run of hours cost a frame
 * what those of a minute do. Every recorded point is kept: hover and the exported figure read them.
 *
 * <p>One thread adds (the JavaFX thread). A {@link TrainingCurves.Series} it hands out may be drawn on
 * any thread (an export), since it reads only points and blocks that were complete when it was made.
 */
public final class RunCurves {
    /** A value no axis can place (a loss of NaN or ∞): which plot, which curve, where in time, and the value. */
    record Overflow(boolean lossPlot, String curve, double epoch, double value) {
    }

    private final String label;
    private Point[] points = new Point[64];
    private int n;
    private final Curve.Builder validationLoss = new Curve.Builder(), sequences = new Curve.Builder(), chars = new Curve.Builder();
    private final List<Overflow> overflows = new ArrayList<>();
    /** The training loss smoothed with the smoothing last drawn; any thread that draws extends it. */
    private Smoothed smoothed;

    public RunCurves(String label) { this.label = label; }

    /** The curves of {@code points} at once (a finished run, an export, a test). */
    static TrainingCurves.Series of(String label, List<Point> points) {
        RunCurves r = new RunCurves(label);
        r.add(points);
        return r.series();
    }

    /**
     * Adds the run's next points, in the order the trainer recorded them (x never decreasing).
     *
     * @throws IllegalArgumentException when a point lies before the last one
     */
    public void add(List<Point> fresh) {
        for (Point p : fresh) {
            if (n > 0 && p.epoch() < points[n - 1].epoch()) {
                throw new IllegalArgumentException("a run's points come in order of epoch: " + p.epoch() + " after " + points[n - 1].epoch());
            }
            if (n == points.length) points = Arrays.copyOf(points, 2 * n);   // series handed out keep the old array
            points[n++] = p;
            if (!p.isEpoch()) {
                if (!Double.isFinite(p.trainLoss())) overflows.add(new Overflow(true, "training loss", p.epoch(), p.trainLoss()));
                continue;
            }
            add(validationLoss, p, p.validationLoss(), true, "validation loss");
            add(sequences, p, p.validationSequences(), false, "full answers right");
            add(chars, p, p.validationChars(), false, "characters right");
        }
    }

    private void add(Curve.Builder curve, Point p, double value, boolean lossPlot, String name) {
        if (Double.isFinite(value)) curve.add(p.epoch(), value);
        else overflows.add(new Overflow(lossPlot, name, p.epoch(), value));
    }

    /** The curves so far; later additions do not change them. */
    public TrainingCurves.Series series() {
        return new TrainingCurves.Series(label, this, points, n, validationLoss.curve(), sequences.curve(), chars.curve(),
                List.copyOf(overflows));
    }

    /**
     * The training loss per batch over {@code points[0, count)}, smoothed by a debiased exponential
     * moving average (as TensorBoard does); losses that are not finite are left out.
     */
    synchronized Curve smoothedTrain(double smoothing, Point[] pts, int count) {
        if (smoothed != null && smoothed.smoothing == smoothing && smoothed.read > count) {
            return new Smoothed(smoothing).read(pts, count).curve.curve();   // an older series than the last drawn: rare
        }
        if (smoothed == null || smoothed.smoothing != smoothing) smoothed = new Smoothed(smoothing);
        return smoothed.read(pts, count).curve.curve();
    }

    /** The smoothed training loss, extended as points arrive. */
    private static final class Smoothed {
        final double smoothing;
        final Curve.Builder curve = new Curve.Builder();
        int read;
        double avg, weight;

        Smoothed(double smoothing) { this.smoothing = smoothing; }

        Smoothed read(Point[] pts, int count) {
            for (; read < count; read++) {
                Point p = pts[read];
                if (p.isEpoch() || !Double.isFinite(p.trainLoss())) continue;
                avg = smoothing * avg + (1 - smoothing) * p.trainLoss();
                weight = smoothing * weight + (1 - smoothing);
                double v = avg / weight;
                if (Double.isFinite(v)) curve.add(p.epoch(), v);   // finite losses near the largest double can still sum to ∞
            }
            return this;
        }
    }
}
