package io.gatescope.chart;

import java.awt.Graphics2D;

/**
 * A chart painted in two layers: a base that depends only on the data and the look (notation,
 * theme, palette, font scale) and an overlay that follows the cursor (current step, selected unit).
 * A view may keep the base as an image and, when only the cursor moves, paint the overlay on it:
 * a 256-unit × 200-step heatmap costs one outline per step instead of 51,200 cells. Both layers
 * are still this chart's one drawing code, and {@link #draw} (every export) paints them together.
 */
public interface LayeredChart extends Chart {

    /** Paints the base, background included, into (0, 0, width, height); restores {@code g} afterwards. */
    void drawBase(Graphics2D g, double width, double height);

    /**
     * Paints the cursor's marks over a base drawn at the same size, with no background, so it
     * can go on a cached picture of the base; restores {@code g} afterwards.
     */
    void drawOverlay(Graphics2D g, double width, double height);

    @Override
    default void draw(Graphics2D g, double width, double height) {
        drawBase(g, width, height);
        drawOverlay(g, width, height);
    }

    /** The base alone as a chart of the same preferred size: what a view renders into its cached image. */
    default Chart base() {
        LayeredChart layered = this;
        return new Chart() {
            @Override public void draw(Graphics2D g, double width, double height) { layered.drawBase(g, width, height); }

            @Override public Size preferredSize() { return layered.preferredSize(); }
        };
    }
}
