package io.gatescope.chart;

import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientStudy;
import java.util.Locale;

/**
 * The words and numbers of the gradient view, shared by its charts, its panel and the command line
 * so all three say the same: cell names, ∞ and NaN, the readout and the slope.
 */
public final class GradientText {
    private GradientText() {
    }

    /** A norm or factor in three significant digits; an overflow as ∞ or NaN, never a blank ({@link Numbers#significant}). */
    public static String number(double v) {
        return Numbers.significant(v);
    }

    /** A threshold as a lecturer writes it: 10⁻³ for a power of ten, else as {@link #number}. */
    public static String threshold(double t) {
        double d = Math.log10(t);
        if (Math.abs(d - Math.rint(d)) > 1e-12 || t >= 1) return number(t);
        String digits = Long.toString(Math.abs(Math.round(d)));
        StringBuilder b = new StringBuilder("10⁻");
        for (char c : digits.toCharArray()) b.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        return b.toString();
    }

    /** The cell's short name on charts and in the CSV: rnn, lstm, gru (gru_simple for the seeds' variant). */
    public static String cellId(GradientProfile p) {
        return switch (p.kind()) {
            case RNN_TANH, RNN_RELU -> "rnn";
            case LSTM -> "lstm";
            case GRU -> "gru";
            case GRU_SIMPLE -> "gru_simple";
        };
    }

    /** The cell's name in a legend: "RNN (tanh)", "LSTM", "GRU". */
    public static String cellTitle(GradientProfile p) {
        return p.kind().title();
    }

    /** "RNN (tanh): 9 steps · LSTM: 140 · GRU: 95": how far back each gradient stays above threshold·‖∂L/∂h_T‖. */
    public static String readout(GradientStudy study, double threshold) {
        StringBuilder b = new StringBuilder();
        for (GradientProfile p : study.profiles()) {
            if (b.length() > 0) b.append(" · ");
            b.append(cellTitle(p)).append(": ").append(steps(p, threshold));
        }
        return b.toString();
    }

    /** "9 steps", "1 step", "200 steps (all)". */
    public static String steps(GradientProfile p, double threshold) {
        int n = p.stepsAbove(threshold);
        return n + (n == 1 ? " step" : " steps") + (n == p.steps() ? " (all)" : "");
    }

    /** "−0.301/step (×0.500)": the slope of log₁₀‖∂L/∂h_k‖ per step back and the factor it means. */
    public static String slope(GradientProfile p) {
        double s = p.slope();
        if (Double.isNaN(s)) return "no slope (fewer than two finite norms)";
        return String.format(Locale.ROOT, "%+.3f/step (×%s)", s, number(Math.pow(10, s))).replace('-', '−');
    }
}
