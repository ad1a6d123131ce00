package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class UnitStripTest {
    private final StepTrace step = Fixtures.lstmUnit3();
    private final ChartStyle style = ChartStyle.DEFAULT.withSelectedUnit(3);

    @Test
    void eachSquareHasTheColourOfItsValue() {
        UnitStrip strip = UnitStrip.of(CellKind.LSTM, step, Quantity.gate(1), 1, style);
        BufferedImage image = Pixels.render(strip);
        ColourScale gate = style.scales().gate();
        for (int u = 0; u < 4; u++) {
            Rectangle2D box = strip.unitBounds(u);
            Pixels.assertColour(Pixels.at(image, box.getCenterX(), box.getCenterY()), gate.colour(step.gate(1, u)));
        }
    }

    @Test
    void theSelectedUnitIsOutlinedInTheHighlightColourAndNoOtherIs() {
        UnitStrip strip = UnitStrip.of(CellKind.LSTM, step, Quantity.gate(1), 1, style);
        BufferedImage image = Pixels.render(strip);
        Rectangle2D selected = strip.unitBounds(3), other = strip.unitBounds(1);
        assertThat(Pixels.near(image, selected.getX(), selected.getCenterY(), 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, other.getX(), other.getCenterY(), 1, style.theme().highlight())).isFalse();
    }

    @Test
    void unitAtFindsEverySquareAndNothingBetweenThem() {
        UnitStrip strip = UnitStrip.of(CellKind.LSTM, step, Quantity.gate(1), 1, style);
        for (int u = 0; u < 4; u++) {
            Rectangle2D box = strip.unitBounds(u);
            assertThat(strip.unitAt(box.getCenterX(), box.getCenterY())).isEqualTo(u);
        }
        Rectangle2D first = strip.unitBounds(0);
        assertThat(strip.unitAt(first.getMaxX() + 0.5, first.getCenterY())).isEqualTo(-1);
        assertThat(strip.unitAt(1, 1)).isEqualTo(-1);
    }

    @Test
    void largeLayersWrapIntoAGridThatHitTestsStillFind() {
        StepTrace wide = Fixtures.layer(CellKind.GRU, 100, 1, 3).step(0);
        UnitStrip strip = UnitStrip.of(CellKind.GRU, wide, Quantity.gate(1), 1, ChartStyle.DEFAULT);
        BufferedImage image = ChartExport.image(strip, 420, 260, 1);
        Rectangle2D first = strip.unitBounds(0), last = strip.unitBounds(99);
        assertThat(last.getY()).isGreaterThan(first.getMaxY());          // more than one row
        assertThat(last.getMaxX()).isLessThanOrEqualTo(420);
        assertThat(last.getMaxY()).isLessThanOrEqualTo(260);
        assertThat(strip.unitAt(last.getCenterX(), last.getCenterY())).isEqualTo(99);
        Pixels.assertColour(Pixels.at(image, last.getCenterX(), last.getCenterY()),
                ChartStyle.DEFAULT.scales().gate().colour(wide.gate(1, 99)));
    }

    @Test
    void theLabelFollowsTheNotation() {
        assertThat(UnitStrip.of(CellKind.LSTM, step, Quantity.gate(1), 1, style).label()).isEqualTo("f");
        assertThat(UnitStrip.of(CellKind.LSTM, step, Quantity.gate(1), 1, style.withNotation(Notation.NG)).label())
                .isEqualTo("Γ_f");
        String svg = ChartExport.svgDocument(UnitStrip.of(CellKind.LSTM, step, Quantity.gate(0), 1,
                style.withNotation(Notation.INTERVIEW)));
        assertThat(svg).contains(">u<").contains("#3 0.871");
    }
}
