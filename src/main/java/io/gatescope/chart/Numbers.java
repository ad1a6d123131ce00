package io.gatescope.chart;

import java.util.Locale;

/**
 * How every chart writes a number, in one place, so a value that is not finite reads the same in
 * the cell diagram, the strips, the equations, the hover text and the curves: {@code NaN},
 * {@code ∞} or {@code −∞}, never "Infinity", a blank or a crash. Its colour is
 * {@link ColourScales#NOT_FINITE}. Minus signs are true minus signs (−), and a value that rounds
 * to zero prints unsigned.
 */
public final class Numbers {
    public static final String NAN = "NaN";
    public static final String INFINITY = "∞";
    public static final String MINUS_INFINITY = "−∞";

    private Numbers() {
    }

    /** NaN, ∞ or −∞ for a value that is not finite; null for a finite one. */
    public static String nonFinite(double v) {
        if (Double.isNaN(v)) return NAN;
        if (Double.isInfinite(v)) return v > 0 ? INFINITY : MINUS_INFINITY;
        return null;
    }

    /** {@code decimals} decimals: "0.602", "−0.113", "0.000" for −0.0001; NaN, ∞, −∞ as such. */
    public static String fixed(double v, int decimals) {
        String word = nonFinite(v);
        if (word != null) return word;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) s = s.substring(1);
        return s.replace('-', '−');
    }

    /** Three significant digits, with an exponent beyond [0.01, 10⁴): "0.602", "3.16e−05"; NaN, ∞, −∞ as such. */
    public static String significant(double v) {
        String word = nonFinite(v);
        if (word != null) return word;
        if (v == 0) return "0";
        double a = Math.abs(v);
        String s = a >= 1e4 || a < 1e-2 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.3g", v);
        return s.replace('-', '−');
    }

    /** The exact value behind a rounded number: Java's shortest string that reads back to the same double; NaN, ∞, −∞ as such. */
    public static String exact(double v) {
        String word = nonFinite(v);
        return word != null ? word : Double.toString(v);
    }

    /** Whether {@code text} shows a value that is not finite (a line of an equation, a label). */
    public static boolean showsNonFinite(String text) {
        return text.contains(NAN) || text.contains(INFINITY);
    }

    /** Whether any of {@code values} is not finite. */
    public static boolean anyNonFinite(double[]... rows) {
        for (double[] row : rows) {
            for (double v : row) {
                if (!Double.isFinite(v)) return true;
            }
        }
        return false;
    }
}
