package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales.Palette;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LegendTest {
    /** The bar is 120 bands: a pixel may show its neighbour band's colour, a few levels off. */
    private static final int BAND_TOLERANCE = 7;
    private final ColourScale cell = ColourScales.of(Palette.CLASSIC).cellState(1.7);

    @Test
    void theBarShowsTheScaleFromLowToHigh() {
        Legend legend = new Legend("c — cell state", cell, Legend.Orientation.HORIZONTAL, ChartStyle.DEFAULT);
        BufferedImage image = Pixels.render(legend);
        Rectangle2D bar = legend.barBounds();
        for (double p : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            int x = (int) Math.floor(bar.getX() + p * bar.getWidth());
            double centre = (x + 0.5 - bar.getX()) / bar.getWidth();   // where the pixel's centre sits on the ramp
            Pixels.assertColour(Pixels.at(image, x, bar.getCenterY()), cell.at(centre), BAND_TOLERANCE);
        }
    }

    @Test
    void aVerticalBarHasItsHighEndOnTop() {
        Legend legend = new Legend("h", ChartStyle.DEFAULT.scales().signedUnit(), Legend.Orientation.VERTICAL,
                ChartStyle.DEFAULT);
        BufferedImage image = Pixels.render(legend);
        Rectangle2D bar = legend.barBounds();
        int top = (int) Math.floor(bar.getY() + 3), bottom = (int) Math.floor(bar.getMaxY() - 3);
        double pTop = (bar.getMaxY() - top - 0.5) / bar.getHeight(), pBottom = (bar.getMaxY() - bottom - 0.5) / bar.getHeight();
        assertThat(pTop).isGreaterThan(0.95);
        Pixels.assertColour(Pixels.at(image, bar.getCenterX(), top), legend.scale().at(pTop), BAND_TOLERANCE);
        Pixels.assertColour(Pixels.at(image, bar.getCenterX(), bottom), legend.scale().at(pBottom), BAND_TOLERANCE);
    }

    @Test
    void ticksAreLabelledWithReadableNumbers() {
        String svg = ChartExport.svgDocument(new Legend("c — cell state", cell, Legend.Orientation.HORIZONTAL,
                ChartStyle.DEFAULT));
        assertThat(svg).contains(">−2<", ">−1<", ">0<", ">1<", ">2<", ">c — cell state<");
        assertThat(Legend.tickLabel(1e-4, ColourScale.Kind.LOG_MAGNITUDE)).isEqualTo("1e−4");
        assertThat(Legend.tickLabel(0.5, ColourScale.Kind.SEQUENTIAL)).isEqualTo("0.5");
        assertThat(Legend.tickLabel(-2.5, ColourScale.Kind.DIVERGING)).isEqualTo("−2.5");
    }
}
