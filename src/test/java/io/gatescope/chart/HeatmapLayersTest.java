package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/** The heatmap's two layers: cells that ignore the cursor, and an overlay that paints only the cursor's marks. */
class HeatmapLayersTest {
    private static final int UNITS = 12, W = 700, H = 400;
    private final ModelTrace trace = Fixtures.model(CellKind.LSTM, UNITS);
    private final ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(2).withSelectedUnit(3);

    @Test
    void theCellsLayerIsTheSameWhereverTheCursorIs() {
        Heatmap here = Heatmap.of(trace, 0, Quantity.gate(1), style);
        Heatmap there = Heatmap.of(trace, 0, Quantity.gate(1), style.withCurrentStep(6).withSelectedUnit(ChartStyle.NO_UNIT));
        assertThat(pixels(ChartExport.image(here.base(), W, H, 1))).isEqualTo(pixels(ChartExport.image(there.base(), W, H, 1)));
        assertThat(pixels(ChartExport.image(here, W, H, 1))).isNotEqualTo(pixels(ChartExport.image(there, W, H, 1)));
    }

    @Test
    void theOverlayPaintsOnlyTheCursorsMarksAndNoBackground() {
        Heatmap map = Heatmap.of(trace, 0, Quantity.gate(1), style);
        BufferedImage overlay = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = overlay.createGraphics();
        map.drawOverlay(g, W, H);
        g.dispose();
        Rectangle2D current = map.cellBounds(2, 8), selected = map.cellBounds(6, 3), elsewhere = map.cellBounds(5, 9);
        assertThat(alpha(overlay, current.getX(), current.getCenterY())).isPositive();
        assertThat(alpha(overlay, selected.getCenterX(), selected.getY())).isPositive();
        assertThat(alpha(overlay, elsewhere.getCenterX(), elsewhere.getCenterY())).isZero();
        assertThat(alpha(overlay, 3, 3)).isZero();                  // the title's corner: no background
        int painted = 0;
        for (int argb : overlay.getRGB(0, 0, W, H, null, 0, W)) if (argb >>> 24 != 0) painted++;
        assertThat(painted).isLessThan(W * H / 8);
    }

    @Test
    void aCachedCellsPictureWithTheOverlayOnItIsWhatAnExportWrites() {
        Heatmap map = Heatmap.of(trace, 0, Quantity.cellState(), style);
        BufferedImage cached = ChartExport.image(map.base(), W, H, 1);
        Graphics2D g = cached.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);   // as ChartExport does
        map.drawOverlay(g, W, H);
        g.dispose();
        assertThat(pixels(cached)).isEqualTo(pixels(ChartExport.image(map, W, H, 1)));
    }

    @Test
    void withCursorOfMovesOnlyTheCursor() {
        Heatmap map = Heatmap.of(trace, 0, Quantity.gate(1), style);
        Heatmap moved = map.withCursorOf(style.withCurrentStep(6));
        BufferedImage image = ChartExport.image(moved, W, H, 1);
        double y = moved.cellBounds(0, 8).getCenterY();
        assertThat(Pixels.near(image, moved.cellBounds(6, 8).getX(), y, 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, moved.cellBounds(2, 8).getX(), y, 1, style.theme().highlight())).isFalse();
        assertThat(moved.scale()).isEqualTo(map.scale());
        assertThatThrownBy(() -> map.withCursorOf(style.withPalette(Palette.VIRIDIS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the cursor may change");
    }

    @Test
    void theCurrentStepSaysWhatItReadWhereTheAxisLabelsOnlySomeSteps() {
        ModelTrace run = Fixtures.longRun(CellKind.LSTM, 8, 200);
        String at37 = svg(Heatmap.of(run, 0, Quantity.hiddenState(), ChartStyle.DEFAULT.withCurrentStep(37)));
        String at38 = svg(Heatmap.of(run, 0, Quantity.hiddenState(), ChartStyle.DEFAULT.withCurrentStep(38)));
        // Index 37 is t = 38 and reads x38 (time counts from 1).
        assertThat(at37.contains(">x38<") && !at37.contains(">x39<")).as("index 37's badge says x38 only").isTrue();
        assertThat(at38.contains(">x39<") && !at38.contains(">x38<")).as("index 38's badge says x39 only").isTrue();
        assertThat(at37.contains(">x41<")).as("the axis' own labels, every few steps").isTrue();
    }

    private static String svg(Chart chart) {
        SVGGraphics2D g = new SVGGraphics2D(900, 300);
        chart.draw(g, 900, 300);
        return g.getSVGElement();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int alpha(BufferedImage image, double x, double y) {
        return image.getRGB((int) Math.floor(x), (int) Math.floor(y)) >>> 24;
    }
}
