package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import java.awt.Color;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every colour Gatescope paints, in one place (as CNN Explainer keeps its scales): the value ramps
 * of each {@link Palette} and the chrome colours of each {@link Theme}.
 *
 * <p>The scale follows what a quantity can be, so a student learns one reading per shape:
 * sigmoid gates → sequential on [0,1] ("how open"); tanh outputs and h → diverging on [−1,1]
 * (white = zero, hue = sign); the cell state → diverging on a symmetric range taken from the data,
 * because |c| can exceed 1; gradients → diverging, or log-magnitude when they span decades.
 *
 * <p>All palettes are readable by people with the common colour-vision deficiencies: the diverging
 * ramps pair blue with red or orange (never red with green) and every ramp is monotone in lightness.
 */
public final class ColourScales {

    /** The value ramps a user can choose. */
    public enum Palette {
        /**
         * ColorBrewer Greens for gates, RdBu (blue negative, red positive) for signed values: gates and
         * signed values never share a hue, so an open gate is not mistaken for a negative candidate.
         */
        CLASSIC,
        /** Viridis for gates, blue–orange for signed values: safe for every colour-vision deficiency. */
        VIRIDIS,
        /** Inferno (black → yellow) and saturated blue–orange: survives washed-out lecture-hall projectors. */
        HIGH_CONTRAST
    }

    /** Chrome colours: background, text, grid, highlight and the cell body of the diagram. */
    public enum Theme {
        LIGHT(rgb(0xffffff), rgb(0x1b1b1f), rgb(0x6b6e76), rgb(0xc9ccd1), rgb(0xd6007a), rgb(0xf2f4f7), rgb(0x3a3d44)),
        DARK(rgb(0x1e1f22), rgb(0xf0f0f2), rgb(0xa4a7ae), rgb(0x4a4d55), rgb(0xffd21f), rgb(0x2b2d33), rgb(0xc8cad0)),
        HIGH_CONTRAST(rgb(0x000000), rgb(0xffffff), rgb(0xd8d8d8), rgb(0x8a8a8a), rgb(0xffff00), rgb(0x101010), rgb(0xffffff)),
        /**
         * For paper and slides with a white background: black text and wires, no tinted cell body
         * (ink and toner), greys dark enough to survive a photocopier, and an orange highlight that
         * stays distinct from black when printed in greyscale.
         */
        PRINT(rgb(0xffffff), rgb(0x000000), rgb(0x3c3c3c), rgb(0x8c8c8c), rgb(0xd95f02), rgb(0xffffff), rgb(0x000000));

        private final Color background;
        private final Color text;
        private final Color mutedText;
        private final Color grid;
        private final Color highlight;
        private final Color panel;
        private final Color wire;

        Theme(Color background, Color text, Color mutedText, Color grid, Color highlight, Color panel, Color wire) {
            this.background = background;
            this.text = text;
            this.mutedText = mutedText;
            this.grid = grid;
            this.highlight = highlight;
            this.panel = panel;
            this.wire = wire;
        }

        public Color background() { return background; }

        public Color text() { return text; }

        /** Secondary text: axis labels, captions. Still well above WCAG AA contrast on the background. */
        public Color mutedText() { return mutedText; }

        /** Grid lines and cell borders. */
        public Color grid() { return grid; }

        /** The current step and the selected unit; chosen to stand apart from every palette's ramps. */
        public Color highlight() { return highlight; }

        /** The body of a cell in the diagram and the unrolled view. */
        public Color panel() { return panel; }

        /** Arrows and data-flow lines. */
        public Color wire() { return wire; }

        /** The fill of the current item (the unrolled view's current cell): the panel tinted by the highlight. */
        public Color currentFill() { return mix(panel, highlight, 0.3); }
    }

    /**
     * The colour of a value that is not a finite number (NaN, +∞, −∞) on every scale and in every
     * view: a mid grey (#9e9e9e), which no palette's ramp contains, so an overflow is never read as
     * a large value, and which is told apart from the ramps' near-white middles. The text beside it
     * says which ({@link Numbers}).
     */
    public static final Color NOT_FINITE = rgb(0x9e9e9e);
    /** Which share of a run's values a data-driven scale spans without saturating (see {@link #extent}). */
    private static final double EXTENT_QUANTILE = 0.95;
    private static final Color BLACK = rgb(0x000000);
    private static final Color WHITE = rgb(0xffffff);
    private static final Map<Palette, ColourScales> BY_PALETTE = new EnumMap<>(Palette.class);

    static {
        BY_PALETTE.put(Palette.CLASSIC, new ColourScales(
                ramp(0xf7fcf5, 0xc7e9c0, 0x74c476, 0x238b45, 0x00441b),
                ramp(0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b)));
        BY_PALETTE.put(Palette.VIRIDIS, new ColourScales(
                ramp(0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725),
                ramp(0x0b559f, 0x5b9bd5, 0xc6dbef, 0xf7f7f7, 0xfdd0a2, 0xf88d2c, 0xb34700)));
        BY_PALETTE.put(Palette.HIGH_CONTRAST, new ColourScales(
                ramp(0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4),
                ramp(0x0030d0, 0x5a7cff, 0xffffff, 0xffa030, 0xc04000)));
    }

    private final List<Color> sequentialStops;
    private final List<Color> divergingStops;

    private ColourScales(List<Color> sequentialStops, List<Color> divergingStops) {
        this.sequentialStops = sequentialStops;
        this.divergingStops = divergingStops;
    }

    /** The scales of one palette. */
    public static ColourScales of(Palette palette) {
        return BY_PALETTE.get(palette);
    }

    /** A sequential ramp from {@code min} to {@code max}. */
    public ColourScale sequential(double min, double max) {
        return new ColourScale(ColourScale.Kind.SEQUENTIAL, min, max, sequentialStops, NOT_FINITE);
    }

    /** A diverging ramp on {@code [−maxAbs, maxAbs]}, zero in the middle. */
    public ColourScale diverging(double maxAbs) {
        return new ColourScale(ColourScale.Kind.DIVERGING, -maxAbs, maxAbs, divergingStops, NOT_FINITE);
    }

    /** Sigmoid gates: sequential on [0,1]. */
    public ColourScale gate() { return sequential(0, 1); }

    /** tanh outputs (candidate, h): diverging on [−1,1]. */
    public ColourScale signedUnit() { return diverging(1); }

    /**
     * The cell state: diverging on a symmetric range from the data. {@code maxAbs} is the largest
     * |c| over the whole run (not one step), so a colour keeps its meaning while scrubbing time.
     */
    public ColourScale cellState(double maxAbs) { return diverging(niceCeiling(maxAbs)); }

    /** Gradients with their sign: diverging on a symmetric range from the data. */
    public ColourScale gradient(double maxAbs) { return diverging(niceCeiling(maxAbs)); }

    /**
     * Gradient magnitudes on a log axis from {@code smallest} to {@code largest} |g|: a vanishing
     * gradient is 1e−6 next to 1e−1, which a linear ramp would paint as one colour.
     */
    public ColourScale gradientMagnitude(double smallest, double largest) {
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(smallest, 1e-300))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(largest, lo * 10))));
        if (hi <= lo) hi = lo * 10;
        return new ColourScale(ColourScale.Kind.LOG_MAGNITUDE, lo, hi, sequentialStops, NOT_FINITE);
    }

    /**
     * The scale for {@code quantity} in a cell of {@code kind}, chosen by its range.
     *
     * @param dataMaxAbs the {@link #extent} of this quantity over the run; used only when the
     *                   range is not fixed by the nonlinearity (cell state, pre-activation, ReLU)
     */
    public ColourScale forQuantity(Quantity quantity, CellKind kind, double dataMaxAbs) {
        return switch (quantity.range(kind)) {
            case UNIT_INTERVAL -> gate();
            case SIGNED_UNIT -> signedUnit();
            case NON_NEGATIVE -> sequential(0, niceCeiling(dataMaxAbs));
            case UNBOUNDED -> diverging(niceCeiling(dataMaxAbs));
        };
    }

    /**
     * The extent of a data-driven scale for the values in {@code rows} (a quantity over a whole run):
     * the 95th percentile of |v|, so that a few outliers (a pre-activation of 12 among values mostly
     * below 1) saturate at the ends instead of washing every other cell out to white. Their exact
     * values stay one hover away. 0 when all are empty.
     */
    public static double extent(double[]... rows) {
        int n = 0;
        for (double[] row : rows) n += row.length;
        double[] magnitudes = new double[n];
        int k = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (Double.isFinite(v)) magnitudes[k++] = Math.abs(v);
            }
        }
        if (k == 0) return 0;
        Arrays.sort(magnitudes, 0, k);
        return magnitudes[(int) Math.ceil(EXTENT_QUANTILE * k) - 1];
    }

    /** The largest |v| in {@code rows}, 0 when all are empty. */
    public static double maxAbs(double[]... rows) {
        double m = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /**
     * The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k not below {@code v}: legends then read 0.5
     * or 6, not 1.8731, and the scale overshoots the data by at most a third. Zero or tiny data gives
     * 1, so an all-zero state is drawn white rather than failing.
     */
    public static double niceCeiling(double v) {
        if (!(v > 1e-12) || !Double.isFinite(v)) return 1;
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * decade >= v * (1 - 1e-12)) return m * decade;
        }
        return 10 * decade;
    }

    /**
     * One colour per cell kind for lines drawn side by side (the gradient charts), from Okabe and Ito's
     * palette for colour-vision deficiencies: RNN vermillion, LSTM blue, GRU bluish green. On a dark
     * background the lighter variants keep the contrast.
     */
    public static Color cell(CellKind kind, Theme theme) {
        boolean dark = theme != Theme.LIGHT;
        return switch (kind) {
            case RNN_TANH, RNN_RELU -> rgb(dark ? 0xff7a3d : 0xd55e00);
            case LSTM -> rgb(dark ? 0x56b4e9 : 0x0072b2);
            case GRU, GRU_SIMPLE -> rgb(dark ? 0x2fd1a4 : 0x009e73);
        };
    }

    /** Black or white, whichever reads better on {@code fill} (by WCAG relative luminance). */
    public static Color textOn(Color fill) {
        // 0.179 is where black and white text have equal contrast ratios against the fill.
        return luminance(fill) > 0.179 ? BLACK : WHITE;
    }

    /** WCAG's contrast ratio of two colours: 1 for the same, 21 for black on white; a control needs 3, text 4.5. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * {@code colour} faded three quarters of the way into the background: how the diagram draws
     * what the sub-step has not reached yet. Done by mixing, not by alpha, so PNG, SVG and PDF agree.
     */
    public static Color dim(Color colour, Theme theme) {
        return mix(colour, theme.background(), 0.72);
    }

    /** Linear mix: {@code f} = 0 gives {@code a}, 1 gives {@code b}. */
    static Color mix(Color a, Color b, double f) {
        double g = 1 - f;
        return new Color((int) Math.round(a.getRed() * g + b.getRed() * f),
                (int) Math.round(a.getGreen() * g + b.getGreen() * f),
                (int) Math.round(a.getBlue() * g + b.getBlue() * f));
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static List<Color> ramp(int... rgbs) {
        return Arrays.stream(rgbs).mapToObj(ColourScales::rgb).toList();
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }
}
