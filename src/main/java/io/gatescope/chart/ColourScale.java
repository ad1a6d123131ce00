package io.gatescope.chart;

import java.awt.Color;
import java.util.List;

/**
 * One mapping from numbers to colours: a domain and a ramp of colour stops interpolated linearly.
 *
 * <p>Instances come only from {@link ColourScales}, so every colour a chart paints traces back to
 * one place. A scale is immutable and cheap; charts build one per quantity they show.
 *
 * <ul>
 *   <li>{@link Kind#SEQUENTIAL}: {@code min} maps to the first stop, {@code max} to the last
 *       (sigmoid gates on [0,1], ReLU states on [0,max]).</li>
 *   <li>{@link Kind#DIVERGING}: a symmetric domain {@code [−max, max]} whose middle stop is zero, so
 *       white always means "nothing" and the sign is the hue (tanh outputs, cell state, gradients).</li>
 *   <li>{@link Kind#LOG_MAGNITUDE}: {@code |v|} on a log axis between {@code min} and {@code max}
 *       (both positive): vanishing and exploding gradients differ by orders of magnitude.</li>
 * </ul>
 */
public final class ColourScale {

    /** How values are placed on the ramp. */
    public enum Kind { SEQUENTIAL, DIVERGING, LOG_MAGNITUDE }

    private final Kind kind;
    private final double min;
    private final double max;
    private final Color[] stops;
    private final Color notFinite;

    ColourScale(Kind kind, double min, double max, List<Color> stops, Color notFinite) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a colour scale needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (kind == Kind.LOG_MAGNITUDE && min <= 0) {
            throw new IllegalArgumentException("a log-magnitude scale needs a positive minimum, got " + min);
        }
        if (stops.size() < 2) {
            throw new IllegalArgumentException("a colour scale needs at least 2 stops, got " + stops.size());
        }
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.stops = stops.toArray(Color[]::new);
        this.notFinite = notFinite;
    }

    public Kind kind() { return kind; }

    /** The lowest value of the domain (for a diverging scale, −max; for log magnitude, the smallest |v|). */
    public double min() { return min; }

    /** The highest value of the domain. */
    public double max() { return max; }

    /**
     * The colour for {@code value}; finite values outside the domain clamp to its ends, while NaN, +∞
     * and −∞ get {@link ColourScales#NOT_FINITE}: an overflow is not the largest value.
     */
    public Color colour(double value) {
        if (!Double.isFinite(value)) return notFinite;
        return at(position(value));
    }

    /**
     * Where {@code value} falls on the ramp, 0 at the first stop and 1 at the last, clamped.
     * The legend uses it to place tick marks, so ticks and colours can never disagree.
     */
    public double position(double value) {
        double p = switch (kind) {
            case SEQUENTIAL, DIVERGING -> (value - min) / (max - min);
            case LOG_MAGNITUDE -> {
                double magnitude = Math.abs(value);
                yield magnitude <= 0 ? 0 : (Math.log10(magnitude) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
        };
        return Math.max(0, Math.min(1, p));
    }

    /** The colour at ramp position {@code p} in [0,1]. */
    public Color at(double p) {
        double clamped = Math.max(0, Math.min(1, p));
        double scaled = clamped * (stops.length - 1);
        int lo = Math.min((int) Math.floor(scaled), stops.length - 2);
        double f = scaled - lo;
        return ColourScales.mix(stops[lo], stops[lo + 1], f);
    }

    /**
     * The values a legend labels: both ends and zero for a diverging scale, ends and middle for a
     * sequential one, each power of ten for a log scale (or just its ends when it spans less than one).
     */
    public double[] ticks() {
        return switch (kind) {
            case DIVERGING -> new double[] {min, min / 2, 0, max / 2, max};
            case SEQUENTIAL -> new double[] {min, (min + max) / 2, max};
            case LOG_MAGNITUDE -> logTicks();
        };
    }

    private double[] logTicks() {
        int first = (int) Math.ceil(Math.log10(min) - 1e-9);
        int last = (int) Math.floor(Math.log10(max) + 1e-9);
        if (last < first) return new double[] {min, max};
        int step = Math.max(1, (last - first + 1) / 6);      // at most about six labels stay legible
        int count = (last - first) / step + 1;
        double[] ticks = new double[count];
        for (int k = 0; k < count; k++) ticks[k] = Math.pow(10, first + k * step);
        return ticks;
    }

    @Override
    public String toString() {
        return kind + "[" + min + ", " + max + "]";
    }
}
