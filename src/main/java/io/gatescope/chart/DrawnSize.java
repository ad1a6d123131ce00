package io.gatescope.chart;

import java.util.function.Supplier;

/**
 * The size a chart was last drawn at. Hit tests answer in those coordinates, because that is where
 * the mouse is; before the first draw they answer in the chart's preferred size.
 */
final class DrawnSize {
    private final Supplier<Chart.Size> preferred;
    private double width = Double.NaN;
    private double height = Double.NaN;

    DrawnSize(Supplier<Chart.Size> preferred) {
        this.preferred = preferred;
    }

    void drawnAt(double w, double h) {
        width = w;
        height = h;
    }

    double width() {
        if (Double.isNaN(width)) drawnAt(preferred.get().width(), preferred.get().height());
        return width;
    }

    double height() {
        if (Double.isNaN(height)) drawnAt(preferred.get().width(), preferred.get().height());
        return height;
    }
}
