package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeatmapTest {
    private static final int UNITS = 12;
    private final ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(2).withSelectedUnit(3);

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU", "RNN_TANH"})
    void eachCellHasTheColourOfItsValue(CellKind kind) {
        ModelTrace trace = Fixtures.model(kind, UNITS);
        Heatmap map = Heatmap.of(trace, 0, Quantity.hiddenState(), style);
        BufferedImage image = Pixels.render(map);
        TimeAxis axis = new TimeAxis(trace);
        // h = o ⊙ tanh(c) lies in (−1, 1): its colours come from the palette's fixed signed scale,
        // built here on its own, not read back from the map.
        ColourScale signed = ColourScales.of(style.palette()).signedUnit();
        for (int t : new int[] {0, 4, 6}) {
            for (int u : new int[] {0, 7, 11}) {
                Rectangle2D cell = map.cellBounds(t, u);
                Pixels.assertColour(Pixels.at(image, cell.getCenterX(), cell.getCenterY()),
                        signed.colour(axis.step(t, 0).h(u)));
            }
        }
    }

    /**
     * The shipped SimpleRNN's pre-activations are mostly below 1 in size with a few near 12; a scale to
     * the largest (±20 before) painted nearly every cell white. The scale spans most of the data and the
     * few outliers saturate at its end.
     */
    @Test
    void aFewLargePreActivationsDoNotWashTheRestOut() {
        int hidden = 20, steps = 10;
        java.util.Random random = new java.util.Random(3);
        List<StepTrace> out = new ArrayList<>();
        double[] h = new double[hidden];
        int typicalStep = -1, typicalUnit = -1;
        for (int t = 0; t < steps; t++) {
            double[] pre = new double[hidden];
            for (int u = 0; u < hidden; u++) pre[u] = random.nextGaussian() * 0.6;
            if (t == 4) pre[0] = 12;
            for (int u = 1; u < hidden && typicalStep < 0; u++) {
                if (Math.abs(pre[u]) > 0.9 && Math.abs(pre[u]) < 1.1) { typicalStep = t; typicalUnit = u; }
            }
            StepTrace s = Fixtures.step(CellKind.RNN_TANH, new double[] {1, 0, 0}, h, new double[0], pre);
            out.add(s);
            h = s.hCopy();
        }
        List<String> labels = java.util.stream.IntStream.range(0, steps).mapToObj(t -> "x" + TimeAxis.numberOf(t)).toList();
        ModelTrace trace = new ModelTrace(labels, new SequenceTrace(List.of(new LayerTrace(CellKind.RNN_TANH, 3, hidden, out))),
                null, new double[0][], List.of(), List.of());
        Heatmap map = Heatmap.of(trace, 0, Quantity.preactivation(0), style);
        BufferedImage image = Pixels.render(map);
        assertThat(map.scale().max()).isLessThanOrEqualTo(2);
        Color white = map.scale().colour(0), end = map.scale().colour(map.scale().max());
        Rectangle2D typical = map.cellBounds(typicalStep, typicalUnit);
        Color seen = Pixels.at(image, typical.getCenterX(), typical.getCenterY());
        assertThat(distance(seen, white)).as("a value of about 1 is painted well away from white")
                .isGreaterThan(0.35 * distance(end, white));
        Rectangle2D outlier = map.cellBounds(4, 0);
        Pixels.assertColour(Pixels.at(image, outlier.getCenterX(), outlier.getCenterY()), end);
    }

    private static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed(), dg = a.getGreen() - b.getGreen(), db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void theCurrentColumnIsOutlinedAndNoOtherIs() {
        Heatmap map = Heatmap.of(Fixtures.model(CellKind.LSTM, UNITS), 0, Quantity.gate(1), style);
        BufferedImage image = Pixels.render(map);
        double y = map.cellBounds(0, 8).getCenterY();
        Rectangle2D current = map.cellBounds(2, 8), other = map.cellBounds(1, 8), later = map.cellBounds(6, 8);
        assertThat(Pixels.near(image, current.getX(), y, 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, current.getMaxX(), y, 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, other.getX(), y, 1, style.theme().highlight())).isFalse();
        assertThat(Pixels.near(image, later.getX(), y, 1, style.theme().highlight())).isFalse();
    }

    @Test
    void theSelectedUnitsRowIsMarked() {
        Heatmap map = Heatmap.of(Fixtures.model(CellKind.LSTM, UNITS), 0, Quantity.gate(1), style);
        BufferedImage image = Pixels.render(map);
        Rectangle2D selected = map.cellBounds(6, 3), other = map.cellBounds(6, 8);
        assertThat(Pixels.near(image, selected.getCenterX(), selected.getY(), 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, other.getCenterX(), other.getY(), 1, style.theme().highlight())).isFalse();
    }

    @Test
    void encoderAndDecoderAreSeparatedByADivider() {
        Heatmap map = Heatmap.of(Fixtures.model(CellKind.GRU, UNITS), 0, Quantity.gate(0), style);
        BufferedImage image = Pixels.render(map);
        double gapMiddle = (map.cellBounds(4, 8).getMaxX() + map.cellBounds(5, 8).getX()) / 2;
        assertThat(map.cellBounds(5, 8).getX() - map.cellBounds(4, 8).getMaxX()).isGreaterThan(5);
        Pixels.assertColour(Pixels.at(image, gapMiddle, map.cellBounds(5, 8).getCenterY()), style.theme().text());
        assertThat(map.hitTest(gapMiddle, map.cellBounds(5, 8).getCenterY())).isEmpty();
    }

    @Test
    void hitTestReturnsTheStepAndUnitUnderThePointer() {
        Heatmap map = Heatmap.of(Fixtures.model(CellKind.LSTM, UNITS), 0, Quantity.cellState(), style);
        ChartExport.image(map, 700, 420, 1);          // a different size than preferred: hit tests follow the last draw
        for (int t = 0; t < 8; t++) {
            for (int u = 0; u < UNITS; u++) {
                Rectangle2D cell = map.cellBounds(t, u);
                assertThat(cell.getMaxX()).isLessThanOrEqualTo(700);
                assertThat(map.hitTest(cell.getCenterX(), cell.getCenterY())).contains(new Heatmap.Cell(t, u));
            }
        }
        assertThat(map.hitTest(2, 2)).isEqualTo(Optional.empty());
        Rectangle2D last = map.cellBounds(7, UNITS - 1);
        assertThat(map.hitTest(last.getCenterX(), last.getMaxY() + 3)).isEmpty();
    }

    @Test
    void preActivationsGetASymmetricScaleFromTheData() {
        ModelTrace trace = Fixtures.model(CellKind.GRU, UNITS);
        Heatmap map = Heatmap.of(trace, 0, Quantity.preactivation(2), style);
        TimeAxis axis = new TimeAxis(trace);
        double largest = 0;
        double[][] rows = new double[axis.length()][];
        for (int t = 0; t < axis.length(); t++) rows[t] = axis.step(t, 0).preCopy(2);
        assertThat(map.scale().kind()).isEqualTo(ColourScale.Kind.DIVERGING);
        assertThat(map.scale().max()).isEqualTo(ColourScales.niceCeiling(ColourScales.extent(rows)));
        assertThat(map.scale().min()).isEqualTo(-map.scale().max());
        assertThat(ChartExport.svgDocument(map)).contains("candidate (new gate), before its nonlinearity");
    }

    @Test
    void columnsAreLabelledWithTheCharactersReadAndPredicted() {
        String svg = ChartExport.svgDocument(Heatmap.of(Fixtures.model(CellKind.LSTM, UNITS), 0, Quantity.gate(1), style));
        assertThat(svg).contains(">+<", ">6<", ">7<", ">1<", ">encoder<", ">decoder<", ">f — forget gate<");
        String ng = ChartExport.svgDocument(Heatmap.of(Fixtures.model(CellKind.LSTM, UNITS), 0, Quantity.gate(1),
                style.withNotation(Notation.NG)));
        assertThat(ng).contains(">Γ<");
        String single = ChartExport.svgDocument(Heatmap.of(Fixtures.encoderOnly(CellKind.RNN_TANH, UNITS), 0,
                Quantity.hiddenState(), style));
        assertThat(single).doesNotContain(">decoder<");
    }
}
