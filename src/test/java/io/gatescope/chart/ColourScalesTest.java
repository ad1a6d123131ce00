package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.engine.CellKind;
import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColourScalesTest {
    private final ColourScales classic = ColourScales.of(Palette.CLASSIC);

    @Test
    void theScaleFollowsWhatTheQuantityCanBe() {
        assertThat(classic.forQuantity(Quantity.gate(1), CellKind.LSTM, 9).kind()).isEqualTo(ColourScale.Kind.SEQUENTIAL);
        assertThat(classic.forQuantity(Quantity.gate(1), CellKind.LSTM, 9).max()).isEqualTo(1);
        ColourScale candidate = classic.forQuantity(Quantity.gate(2), CellKind.LSTM, 9);
        assertThat(candidate.kind()).isEqualTo(ColourScale.Kind.DIVERGING);
        assertThat(candidate.min()).isEqualTo(-1);
        assertThat(classic.forQuantity(Quantity.hiddenState(), CellKind.GRU, 9).max()).isEqualTo(1);
        ColourScale cell = classic.forQuantity(Quantity.cellState(), CellKind.LSTM, 1.7);
        assertThat(cell.kind()).isEqualTo(ColourScale.Kind.DIVERGING);
        assertThat(cell.min()).isEqualTo(-2);
        assertThat(cell.max()).isEqualTo(2);
        ColourScale relu = classic.forQuantity(Quantity.hiddenState(), CellKind.RNN_RELU, 3.2);
        assertThat(relu.kind()).isEqualTo(ColourScale.Kind.SEQUENTIAL);
        assertThat(relu.min()).isEqualTo(0);
        assertThat(relu.max()).isEqualTo(4);
    }

    @Test
    void divergingScalesAreWhiteAtZeroAndOppositeHuesAtTheEnds() {
        ColourScale s = classic.signedUnit();
        Color zero = s.colour(0);
        assertThat(zero.getRed()).isGreaterThan(240);
        assertThat(zero.getGreen()).isGreaterThan(240);
        assertThat(zero.getBlue()).isGreaterThan(240);
        assertThat(s.colour(-1).getBlue()).isGreaterThan(s.colour(-1).getRed());
        assertThat(s.colour(1).getRed()).isGreaterThan(s.colour(1).getBlue());
        assertThat(s.colour(5)).isEqualTo(s.colour(1));       // clamps
    }

    @Test
    void sequentialScalesDarkenAsTheGateOpens() {
        ColourScale gate = classic.gate();
        assertThat(luma(gate.colour(0))).isGreaterThan(luma(gate.colour(0.5)));
        assertThat(luma(gate.colour(0.5))).isGreaterThan(luma(gate.colour(1)));
        assertThat(gate.colour(Double.NaN)).isNotEqualTo(gate.colour(0));
    }

    @Test
    void logMagnitudeSpreadsDecadesEvenly() {
        ColourScale g = classic.gradientMagnitude(3e-6, 0.4);
        assertThat(g.min()).isEqualTo(1e-6, within(1e-18));
        assertThat(g.max()).isEqualTo(1.0, within(1e-12));
        assertThat(g.position(1e-3)).isEqualTo(0.5, within(1e-9));
        assertThat(g.position(-1e-3)).isEqualTo(0.5, within(1e-9));   // the sign does not matter
        assertThat(g.ticks()).hasSize(7);
        ColourScale signed = classic.gradient(0.035);
        assertThat(signed.kind()).isEqualTo(ColourScale.Kind.DIVERGING);
        assertThat(signed.max()).isEqualTo(0.04, within(1e-15));
        assertThat(signed.position(0)).isEqualTo(0.5);
    }

    @Test
    void theExtentOfDataLetsAFewOutliersSaturate() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) values[i] = (i % 2 == 0 ? 1 : -1) * (i / 100.0);
        values[7] = -12;
        values[50] = Double.NaN;
        assertThat(ColourScales.extent(values)).isLessThan(1).isGreaterThan(0.9);
        assertThat(ColourScales.maxAbs(values)).isEqualTo(12);
        assertThat(ColourScales.extent(new double[0], new double[0])).isZero();
    }

    @Test
    void niceCeilingRoundsUpToReadableNumbers() {
        assertThat(ColourScales.niceCeiling(1.7)).isEqualTo(2);
        assertThat(ColourScales.niceCeiling(0.31)).isEqualTo(0.4, within(1e-12));
        assertThat(ColourScales.niceCeiling(3)).isEqualTo(3);
        assertThat(ColourScales.niceCeiling(5.97)).isEqualTo(6);
        assertThat(ColourScales.niceCeiling(12.3)).isEqualTo(15);
        assertThat(ColourScales.niceCeiling(1)).isEqualTo(1);
        assertThat(ColourScales.niceCeiling(0)).isEqualTo(1);
        assertThat(ColourScales.niceCeiling(Double.NaN)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Palette.class)
    void everyPaletteHasDistinctEndsForBothRamps(Palette palette) {
        ColourScales scales = ColourScales.of(palette);
        assertThat(scales.gate().colour(0)).isNotEqualTo(scales.gate().colour(1));
        assertThat(scales.signedUnit().colour(-1)).isNotEqualTo(scales.signedUnit().colour(1));
        assertThat(Math.abs(luma(scales.gate().colour(0)) - luma(scales.gate().colour(1)))).isGreaterThan(120);
    }

    @Test
    void contrastIsWcagsRatio() {
        assertThat(ColourScales.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21, within(1e-9));
        assertThat(ColourScales.contrast(Color.WHITE, Color.BLACK)).isCloseTo(21, within(1e-9));
        assertThat(ColourScales.contrast(new Color(0x777777), new Color(0x777777))).isCloseTo(1, within(1e-9));
        // #767676 on white is WCAG's usual example of just passing 4.5:1
        assertThat(ColourScales.contrast(new Color(0x767676), Color.WHITE)).isCloseTo(4.54, within(0.01));
    }

    @Test
    void palettesDiffer() {
        assertThat(ColourScales.of(Palette.VIRIDIS).gate().colour(0.2)).isNotEqualTo(classic.gate().colour(0.2));
        assertThat(ColourScales.of(Palette.HIGH_CONTRAST).signedUnit().colour(1))
                .isNotEqualTo(classic.signedUnit().colour(1));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void themeTextContrastsWithItsBackground(Theme theme) {
        assertThat(Math.abs(luma(theme.text()) - luma(theme.background()))).isGreaterThan(180);
        assertThat(ColourScales.textOn(theme.background())).isEqualTo(
                luma(theme.background()) > 128 ? Color.BLACK : Color.WHITE);
        Color dimmed = ColourScales.dim(theme.text(), theme);
        assertThat(Math.abs(luma(dimmed) - luma(theme.background())))
                .isLessThan(Math.abs(luma(theme.text()) - luma(theme.background())) / 2);
    }

    @Test
    void rejectsAnEmptyDomain() {
        assertThatThrownBy(() -> classic.sequential(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min < max");
    }

    private static double luma(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
