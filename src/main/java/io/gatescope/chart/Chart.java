package io.gatescope.chart;

import java.awt.Graphics2D;

/**
 * A picture Gatescope can show and export. Each chart draws itself once, against
 * {@link Graphics2D}: a JavaFX {@code Canvas} receives it through FXGraphics2D, and
 * {@link ChartExport} sends the very same calls to a PNG, an SVG or a PDF, so the slide a lecturer
 * exports is exactly what the screen showed.
 *
 * <p>Charts are immutable snapshots of (data, {@link ChartStyle}); a view builds a new one when
 * either changes. Hit tests answer in the coordinates of the most recent {@link #draw} (before the
 * first draw, of the preferred size), which is what a mouse handler on the same canvas needs.
 */
public interface Chart {

    /** A size in px (at a font scale of 1 a px is one screen pixel). */
    record Size(double width, double height) {
        public Size {
            if (!(width > 0 && height > 0)) {
                throw new IllegalArgumentException("a chart size must be positive, got " + width + "×" + height);
            }
        }
    }

    /**
     * Paints the chart, background included, into the rectangle (0, 0, width, height) of {@code g}.
     * The caller's transform, clip and hints are restored afterwards.
     */
    void draw(Graphics2D g, double width, double height);

    /** The size at which every label is legible at the style's font scale. */
    Size preferredSize();

    /**
     * The smallest size at which the chart is still legible: a chart that rearranges itself when
     * narrow (the unrolled view shows a window of steps) answers less than its preferred size. A
     * view that shrinks charts to fit shrinks only below this.
     */
    default Size minimumSize() {
        return preferredSize();
    }
}
