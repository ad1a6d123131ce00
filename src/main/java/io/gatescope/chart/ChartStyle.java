package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.ColourScales.Theme;
import java.awt.Font;

/**
 * The render settings every chart reads: notation, theme, palette, presenter font scale, and the
 * cursor (selected unit, current step, sub-step). One immutable value, so a view redraws when it
 * changes and an export reproduces exactly what the screen showed.
 *
 * @param notation     whose symbols to print (PyTorch, Ng, the interview book, Keras)
 * @param theme        chrome colours
 * @param palette      value ramps
 * @param fontScale    presenter mode, 1.0 (desk) to 2.5 (back of a lecture hall)
 * @param selectedUnit the hidden unit the user picked, or {@link #NO_UNIT}
 * @param currentStep  the time step the cursor is on, counted over encoder then decoder steps
 * @param subStep      how far the cell diagram has revealed the current step, or {@link #WHOLE_STEP}
 */
public record ChartStyle(Notation notation, Theme theme, Palette palette, double fontScale,
                         int selectedUnit, int currentStep, int subStep) {

    /** No unit selected: summaries show the mean over units. */
    public static final int NO_UNIT = -1;

    /** The step drawn complete, with no element emphasised (not walking through sub-steps). */
    public static final int WHOLE_STEP = Integer.MAX_VALUE;

    public static final double MIN_FONT_SCALE = 1.0;
    public static final double MAX_FONT_SCALE = 2.5;

    /** Desk defaults: PyTorch notation, light theme, classic palette, scale 1, step 0 drawn whole. */
    public static final ChartStyle DEFAULT =
            new ChartStyle(Notation.PYTORCH, Theme.LIGHT, Palette.CLASSIC, 1.0, NO_UNIT, 0, WHOLE_STEP);

    // Base sizes in px at scale 1; the smallest is 13 so that even captions survive a projector.
    private static final float TITLE_PX = 17f;
    private static final float BODY_PX = 15f;
    private static final float SMALL_PX = 13f;

    public ChartStyle {
        if (notation == null || theme == null || palette == null) {
            throw new IllegalArgumentException("notation, theme and palette are required");
        }
        if (!(fontScale >= MIN_FONT_SCALE && fontScale <= MAX_FONT_SCALE)) {
            throw new IllegalArgumentException("font scale must be in [" + MIN_FONT_SCALE + ", "
                    + MAX_FONT_SCALE + "], got " + fontScale);
        }
        if (selectedUnit < NO_UNIT) {
            throw new IllegalArgumentException("selected unit must be >= 0 or NO_UNIT, got " + selectedUnit);
        }
        if (currentStep < 0 || subStep < 0) {
            throw new IllegalArgumentException("step and sub-step must be >= 0, got " + currentStep + ", " + subStep);
        }
    }

    public ChartStyle withNotation(Notation n) { return new ChartStyle(n, theme, palette, fontScale, selectedUnit, currentStep, subStep); }

    public ChartStyle withTheme(Theme t) { return new ChartStyle(notation, t, palette, fontScale, selectedUnit, currentStep, subStep); }

    public ChartStyle withPalette(Palette p) { return new ChartStyle(notation, theme, p, fontScale, selectedUnit, currentStep, subStep); }

    public ChartStyle withFontScale(double s) { return new ChartStyle(notation, theme, palette, s, selectedUnit, currentStep, subStep); }

    public ChartStyle withSelectedUnit(int u) { return new ChartStyle(notation, theme, palette, fontScale, u, currentStep, subStep); }

    public ChartStyle withCurrentStep(int t) { return new ChartStyle(notation, theme, palette, fontScale, selectedUnit, t, subStep); }

    public ChartStyle withSubStep(int s) { return new ChartStyle(notation, theme, palette, fontScale, selectedUnit, currentStep, s); }

    /**
     * This style with the cursor taken out (no unit, step 0, whole step): equal for two styles that
     * differ only in where the cursor is, which is what a cached picture of a chart's base is keyed by.
     */
    public ChartStyle withoutCursor() { return new ChartStyle(notation, theme, palette, fontScale, NO_UNIT, 0, WHOLE_STEP); }

    /** Whether a unit is selected. */
    public boolean hasSelectedUnit() { return selectedUnit != NO_UNIT; }

    /** The palette's scales. */
    public ColourScales scales() { return ColourScales.of(palette); }

    /** Chart titles. */
    public Font titleFont() { return font(Font.BOLD, TITLE_PX); }

    /** Values and symbols. */
    public Font bodyFont() { return font(Font.PLAIN, BODY_PX); }

    /** Symbols that must stand out (gate names beside their wires). */
    public Font boldFont() { return font(Font.BOLD, BODY_PX); }

    /** Axis labels and captions. */
    public Font smallFont() { return font(Font.PLAIN, SMALL_PX); }

    /** A length in px at this font scale: gaps and boxes grow with the text they hold. */
    public double px(double base) { return base * fontScale; }

    private Font font(int weight, float basePx) {
        // SansSerif is a logical font: on every JDK it covers Greek, subscripts and combining marks.
        return new Font(Font.SANS_SERIF, weight, 1).deriveFont(weight, (float) (basePx * fontScale));
    }
}
