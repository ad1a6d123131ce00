package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
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
        for (int t : new int[] {0, 4, 6}) {
            for (int u : new int[] {0, 7, 11}) {
                Rectangle2D cell = map.cellBounds(t, u);
                Pixels.assertColour(Pixels.at(image, cell.getCenterX(), cell.getCenterY()),
                        map.scale().colour(axis.step(t, 0).h(u)));
            }
        }
        assertThat(map.scale()).isEqualTo(map.scale());
        assertThat(map.scale().min()).isEqualTo(-1);
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
        for (int t = 0; t < axis.length(); t++) largest = Math.max(largest, ColourScales.maxAbs(axis.step(t, 0).preCopy(2)));
        assertThat(map.scale().kind()).isEqualTo(ColourScale.Kind.DIVERGING);
        assertThat(map.scale().max()).isEqualTo(ColourScales.niceCeiling(largest));
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
