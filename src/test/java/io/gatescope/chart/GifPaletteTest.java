package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GIF frame's 256 colours: exact when the chart has few, its flat areas exact and every pixel close when it has many. */
class GifPaletteTest {

    @Test
    void aFrameOfAtMost256ColoursKeepsEveryPixelExactly() {
        BufferedImage rgb = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 64; x++) rgb.setRGB(x, y, (x * 4) << 16 | (y % 4) * 60);  // 256 colours
        BufferedImage indexed = GifPalette.indexed(rgb);
        assertThat(indexed.getType()).isEqualTo(BufferedImage.TYPE_BYTE_INDEXED);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 64; x++) assertThat(indexed.getRGB(x, y)).isEqualTo(rgb.getRGB(x, y));
        }
    }

    @Test
    void aHeatmapOfManyShadesKeepsItsCommonColoursExactlyAndEveryPixelClose() {
        Chart chart = Figures.of(Figures.View.HEATMAP, Fixtures.model(io.gatescope.engine.CellKind.LSTM, 24), 0, false, ChartStyle.DEFAULT);
        BufferedImage rgb = ChartExport.image(chart, 1);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < rgb.getHeight(); y++) for (int x = 0; x < rgb.getWidth(); x++) counts.merge(rgb.getRGB(x, y), 1, Integer::sum);
        assertThat(counts.size()).as("the test needs more colours than a GIF holds").isGreaterThan(256);

        BufferedImage indexed = GifPalette.indexed(rgb);
        assertThat(((IndexColorModel) indexed.getColorModel()).getMapSize()).isLessThanOrEqualTo(256);
        int background = ChartStyle.DEFAULT.theme().background().getRGB(), text = ChartStyle.DEFAULT.theme().text().getRGB();
        double worst = 0;
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int was = rgb.getRGB(x, y), now = indexed.getRGB(x, y);
                if (was == background || was == text) assertThat(now).as("a flat colour at (%d, %d)", x, y).isEqualTo(was);
                worst = Math.max(worst, distance(new Color(was), new Color(now)));
            }
        }
        assertThat(worst).as("the largest colour error, 0..441").isLessThan(40);
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2) + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
