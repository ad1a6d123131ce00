package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG encoder: every pixel read back exactly, by the JDK's own reader, and the files no larger than its writer's. */
class PngTest {

    @Test
    void everyPixelOfAChartComesBackExactly() throws IOException {
        Chart chart = Figures.of(Figures.View.CELL, Fixtures.model(io.gatescope.engine.CellKind.LSTM, 8), 0, false, ChartStyle.DEFAULT);
        BufferedImage image = ChartExport.image(chart, 1.5);
        assertSame(image, decode(encode(image)));
    }

    @Test
    void noiseOddSizesAndOtherImageTypesComeBackExactly() throws IOException {
        Random random = new Random(7);
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {257, 5}, {1000, 300}}) {
            BufferedImage rgb = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) for (int x = 0; x < size[0]; x++) rgb.setRGB(x, y, random.nextInt());
            assertSame(rgb, decode(encode(rgb)));
            BufferedImage bgr = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(rgb, 0, 0, null);
            assertSame(bgr, decode(encode(bgr)));
        }
    }

    @Test
    void aChartsFileIsNoLargerThanTheJdkWritersByMoreThanAFifth() throws IOException {
        Chart chart = Figures.of(Figures.View.HEATMAP, Fixtures.model(io.gatescope.engine.CellKind.GRU, 8), 0, false, ChartStyle.DEFAULT);
        BufferedImage image = ChartExport.image(chart, 2);
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        ImageIO.write(image, "png", jdk);
        assertThat(encode(image).length).isLessThan(jdk.size() * 6 / 5);
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Png.write(image, out);
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static void assertSame(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if ((expected.getRGB(x, y) & 0xFFFFFF) != (actual.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("pixel (" + x + ", " + y + "): expected " + new Color(expected.getRGB(x, y))
                            + ", got " + new Color(actual.getRGB(x, y)));
                }
            }
        }
    }
}
