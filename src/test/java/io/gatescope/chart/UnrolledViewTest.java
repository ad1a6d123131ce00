package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class UnrolledViewTest {
    private final ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(6);

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU", "RNN_TANH"})
    void stepAtFindsEachCellAndItsCharacter(CellKind kind) {
        UnrolledView view = UnrolledView.of(Fixtures.model(kind, 6), 0, style);
        Pixels.render(view);
        for (int t = 0; t < 8; t++) {
            Rectangle2D cell = view.cellBounds(t);
            assertThat(view.stepAt(cell.getCenterX(), cell.getCenterY())).isEqualTo(t);
            double characterY = t < 5 ? cell.getMaxY() + 30 : cell.getY() - 30;   // inputs below, outputs above
            assertThat(view.stepAt(cell.getCenterX(), characterY)).isEqualTo(t);
        }
        Rectangle2D first = view.cellBounds(0), second = view.cellBounds(1);
        assertThat(view.stepAt((first.getMaxX() + second.getX()) / 2, first.getCenterY())).isEqualTo(-1);
    }

    @Test
    void theCurrentStepIsFilledAndOutlined() {
        UnrolledView view = UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style);
        BufferedImage image = Pixels.render(view);
        Rectangle2D current = view.cellBounds(6), other = view.cellBounds(2);
        Pixels.assertColour(Pixels.at(image, current.getX() + 8, current.getY() + current.getHeight() - 8),
                style.theme().currentFill());
        Pixels.assertColour(Pixels.at(image, other.getX() + 8, other.getY() + other.getHeight() - 8), style.theme().panel());
        assertThat(Pixels.near(image, current.getX(), current.getCenterY(), 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, other.getX(), other.getCenterY(), 1, style.theme().highlight())).isFalse();
    }

    @Test
    void decoderStepsShowTheirPredictionAndProbability() {
        String svg = ChartExport.svgDocument(UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style));
        assertThat(svg).contains(">p = 0.93<", ">p = 0.71<", ">repeat<", ">encoder<", ">decoder<", ">c, h<", ">+<");
        String ng = ChartExport.svgDocument(UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style.withNotation(Notation.NG)));
        assertThat(ng).contains(">c, a<");
    }

    @Test
    void anEncoderOnlyModelHasNoBridge() {
        UnrolledView view = UnrolledView.of(Fixtures.encoderOnly(CellKind.GRU, 6), 0, ChartStyle.DEFAULT);
        assertThat(ChartExport.svgDocument(view)).doesNotContain(">repeat<", ">decoder<", "p = ");
        Rectangle2D last = view.cellBounds(4);
        assertThat(view.stepAt(last.getCenterX(), last.getCenterY())).isEqualTo(4);
    }
}
