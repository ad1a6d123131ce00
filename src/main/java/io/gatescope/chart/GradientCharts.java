package io.gatescope.chart;

import io.gatescope.chart.GradientPlot.Reference;
import io.gatescope.chart.GradientPlot.Series;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientStudy;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradient view's pictures, built from a {@link GradientStudy}: the norms back through time,
 * the per-step factor against 1, the LSTM's two paths, the per-unit heatmap and the spectral-radius
 * sweep. Each is a {@link GradientPlot} or a {@link Heatmap}, so the screen and every export draw
 * the same code; one colour per cell kind (see {@link ColourScales#cell}).
 */
public final class GradientCharts {
    private GradientCharts() {
    }

    /**
     * ‖∂L/∂h_k‖ of every cell, ‖∂L/∂c_k‖ of the LSTM dashed, and, when {@code clip} is above 0 and
     * bites, each cell's norms after clipping the whole gradient to that norm (faint, dashed).
     */
    public static GradientPlot norms(GradientStudy study, double threshold, double clip, ChartStyle style) {
        List<Series> lines = new ArrayList<>();
        for (GradientProfile p : study.profiles()) {
            Color c = colour(p, style);
            lines.add(new Series(GradientText.cellTitle(p), GradientText.slope(p) + " · " + GradientText.steps(p, threshold),
                    c, false, steps(p.steps() + 1), p.gradH()));
            if (p.hasCellState()) {
                lines.add(new Series(GradientText.cellTitle(p) + " ‖∂L/∂c_k‖", "", c, true, steps(p.steps() + 1), p.gradC()));
            }
            double f = clip > 0 ? p.clipFactor(clip) : 1;
            if (f < 1) {
                double[] clipped = p.gradH().clone();
                for (int k = 0; k < clipped.length; k++) clipped[k] *= f;
                lines.add(new Series(GradientText.cellTitle(p) + " clipped", "×" + GradientText.number(f) + " (norm " + GradientText.number(clip) + ")", ColourScales.mix(c, style.theme().background(), 0.5),
                        true, steps(p.steps() + 1), clipped));
            }
        }
        return new GradientPlot("How far back the gradient reaches: ‖∂L/∂h_k‖ for L = g·h_T", "step k (the loss is on step T)", "k",
                "‖∂L/∂h_k‖, log scale", lines, List.of(), style);
    }

    /**
     * The per-step factor ‖∂L/∂h_k‖ / ‖∂L/∂h_{k+1}‖ of every cell, and (dashed) the largest singular
     * value of its step Jacobian ∂h_{k+1}/∂h_k, against the line at 1.
     */
    public static GradientPlot factors(GradientStudy study, ChartStyle style) {
        List<Series> lines = new ArrayList<>();
        for (GradientProfile p : study.profiles()) {
            Color c = colour(p, style);
            lines.add(new Series(GradientText.cellTitle(p) + " ratio", "", c, false, steps(p.steps()), p.ratio()));
            if (p.jacobianNorm().length > 0) {
                lines.add(new Series(GradientText.cellTitle(p) + " σ_{max}", "", c, true, steps(p.steps()), p.jacobianNorm()));
            }
        }
        return new GradientPlot("The factor per step: above 1 the gradient grows going back, below 1 it shrinks",
                "step k", "k", "ratio ‖∂L/∂h_k‖ / ‖∂L/∂h_{k+1}‖ (solid) and σ_{max}(∂h_{k+1}/∂h_k) (dashed), log scale", lines, List.of(new Reference(true, 1, "1")), style);
    }

    /**
     * The LSTM's ∂L/∂c_k split in two: the part that came along the cell state alone
     * (∂L/∂c_T ⊙ ∏f, the constant error carousel) and the part that passed through some h on the way;
     * dashed, the mean product of the forget gates ∏f.
     */
    public static GradientPlot paths(GradientProfile lstm, ChartStyle style) {
        if (!lstm.hasCellState()) throw new IllegalArgumentException("only an LSTM has a cell-state path, not " + lstm.kind().title());
        double[] k = steps(lstm.steps() + 1);
        PathColours t = new PathColours(style);
        List<Series> lines = List.of(
                new Series("along the cell state", "‖∂L/∂c_T ⊙ ∏_{j>k} f_j‖", t.lstm, false, k, lstm.cellPath()),
                new Series("through h", "‖∂L/∂c_k‖ minus the cell path", t.rnn, false, k, lstm.throughH()),
                new Series("∏_{j>k} f_j", "mean over units", t.muted, true, k, lstm.forgetProduct()));
        return new GradientPlot("The LSTM's two paths to c_k", "step k", "k", "log scale", lines, List.of(new Reference(true, 1, "1")), style);
    }

    /** |∂L/∂h_k| per unit (rows) and step (columns), on a log colour scale: the same heatmap as the main window's. */
    public static Heatmap units(GradientProfile p, ChartStyle style) {
        double[][] values = p.unitGradH();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > 0)) {
            lo = 1e-3;
            hi = 1;
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < values.length; k++) labels.add(Integer.toString(k));
        return new Heatmap("|∂L/∂h_k| per unit — " + GradientText.cellTitle(p), values, labels, values.length,
                style.scales().gradientMagnitude(lo, hi), style);
    }

    /**
     * The typical factor per step back (10^slope) of each cell as the spectral radius runs from 0.5 to
     * 1.5: a plain RNN's line crosses 1 near radius 1, where vanishing turns into exploding.
     */
    public static GradientPlot sweep(GradientStudy.Sweep sweep, ChartStyle style) {
        List<Series> lines = new ArrayList<>();
        for (int i = 0; i < sweep.kinds().size(); i++) {
            CellKind kind = sweep.kinds().get(i);
            double cross = sweep.crossing(i);
            lines.add(new Series(kind.title(), Double.isNaN(cross) ? "stays below 1" : "crosses 1 at radius " + GradientText.number(cross),
                    ColourScales.cell(kind, style.theme()), false, sweep.radius(), sweep.factors().get(i)));
        }
        return new GradientPlot("Sweep: the factor per step against the spectral radius", "spectral radius ρ of the recurrent weights", "ρ",
                "factor per step (10^{slope}), log scale", lines, List.of(new Reference(true, 1, "1"), new Reference(false, 1, "ρ = 1")), style);
    }

    private static Color colour(GradientProfile p, ChartStyle style) {
        return ColourScales.cell(p.kind(), style.theme());
    }

    private static double[] steps(int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) k[i] = i;
        return k;
    }

    /** The two path colours and a muted one for the forget-gate product. */
    private record PathColours(Color lstm, Color rnn, Color muted) {
        PathColours(ChartStyle style) {
            this(ColourScales.cell(CellKind.LSTM, style.theme()), ColourScales.cell(CellKind.RNN_TANH, style.theme()),
                    style.theme().mutedText());
        }
    }
}
