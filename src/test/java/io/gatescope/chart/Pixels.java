package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Looks at rendered charts the way a viewer does: by the colour at a place. */
final class Pixels {
    private Pixels() {
    }

    /** Renders {@code chart} at its preferred size, scale 1. */
    static BufferedImage render(Chart chart) {
        return ChartExport.image(chart, 1);
    }

    static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    /** The colour just inside the left edge of {@code box}, at its vertical middle: fill, clear of text. */
    static Color fillOf(BufferedImage image, Rectangle2D box) {
        return at(image, box.getX() + 5, box.getCenterY());
    }

    /** Whether two colours differ by at most {@code tolerance} in every channel (antialiasing, rounding). */
    static boolean close(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance
                && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    static void assertColour(Color actual, Color expected) {
        assertColour(actual, expected, 3);
    }

    static void assertColour(Color actual, Color expected, int tolerance) {
        assertThat(close(actual, expected, tolerance))
                .as("expected colour %s but saw %s", hex(expected), hex(actual)).isTrue();
    }

    /** Whether some pixel within {@code radius} px of (x, y) has {@code colour}: for thin outlines. */
    static boolean near(BufferedImage image, double x, double y, int radius, Color colour) {
        for (int dx = -radius; dx <= radius; dx++) {
            for (int dy = -radius; dy <= radius; dy++) {
                int px = (int) Math.floor(x) + dx, py = (int) Math.floor(y) + dy;
                if (px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight()) continue;
                if (close(new Color(image.getRGB(px, py)), colour, 8)) return true;
            }
        }
        return false;
    }

    static String hex(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }
}
