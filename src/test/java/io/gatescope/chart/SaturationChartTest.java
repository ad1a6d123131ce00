package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dots sit at (shut fraction, open fraction); always-open and always-shut units wear their own colours. */
class SaturationChartTest {
    @Test
    void dotsSitWhereTheirFractionsSayInTheirColours() {
        double[] left = {0.0, 0.97, 0.3}, right = {0.99, 0.0, 0.3};
        SaturationChart chart = new SaturationChart("t", List.of(new SaturationChart.Panel("f — forget gate", left, right)),
                ChartStyle.DEFAULT.withoutCursor());
        BufferedImage image = ChartExport.image(chart, 1);
        Point2D open = chart.dot(0, 0), shut = chart.dot(0, 1), other = chart.dot(0, 2);
        assertThat(open.getX()).isLessThan(other.getX());
        assertThat(open.getY()).isLessThan(other.getY());          // more often open: higher up
        assertThat(shut.getX()).isGreaterThan(other.getX());
        Pixels.assertColour(Pixels.at(image, open.getX(), open.getY()), SaturationChart.OPEN, 10);
        Pixels.assertColour(Pixels.at(image, shut.getX(), shut.getY()), SaturationChart.SHUT, 10);
        Pixels.assertColour(Pixels.at(image, other.getX(), other.getY()), ColourScales.Theme.LIGHT.wire(), 10);
        assertThat(chart.unitAt(shut.getX() + 1, shut.getY())).isEqualTo(1);
        assertThat(chart.unitAt(open.getX() + 200, open.getY() + 200)).isEqualTo(-1);
    }
}
