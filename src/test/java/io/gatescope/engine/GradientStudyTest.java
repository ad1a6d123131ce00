package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The random setups and presets of the gradient view do what their names promise. */
class GradientStudyTest {
    private static final GradientSetup SMALL = GradientSetup.DEFAULT.withSteps(120).withHidden(16);

    @Test
    void randomWeightsHaveTheChosenSpectralRadiusAndSingularValue() {
        for (double rho : new double[] {0.5, 1.0, 1.5}) {
            GradientStudy s = GradientStudy.random(SMALL.withSpectralRadius(rho), false);
            for (GradientProfile p : s.profiles()) {
                assertThat(p.spectralRadius()).as("%s at %s", p.kind(), rho).isCloseTo(rho, within(1e-9));
                assertThat(p.weightNorm()).as("%s at %s", p.kind(), rho).isCloseTo(rho, within(1e-9));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameProfileBitForBit() {
        GradientProfile a = GradientStudy.random(SMALL, false).profiles().get(1);
        GradientProfile b = GradientStudy.random(SMALL, false).profiles().get(1);
        assertThat(a.gradH()).isEqualTo(b.gradH());
        assertThat(GradientStudy.random(SMALL.withSeed(2), false).profiles().get(1).gradH()).isNotEqualTo(a.gradH());
    }

    @Test
    void vanishingAndExplodingPresetsHaveOppositeRnnSlopes() {
        GradientProfile vanishing = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(SMALL), false).profiles().get(0);
        GradientProfile exploding = GradientStudy.random(GradientPreset.RNN_EXPLODING.applyTo(SMALL), false).profiles().get(0);
        assertThat(vanishing.kind()).isEqualTo(CellKind.RNN_TANH);
        // Radius 0.5 in tanh's linear range: the gradient halves each step back, slope log10(0.5).
        assertThat(vanishing.slope()).isCloseTo(Math.log10(0.5), within(0.02));
        assertThat(exploding.slope()).isPositive();
        assertThat(vanishing.stepsAbove(1e-3)).isLessThan(12);
        assertThat(exploding.stepsAbove(1e-3)).isEqualTo(120);
    }

    @Test
    void forgetBiasDecidesHowFarTheLstmRemembers() {
        GradientProfile open = GradientStudy.random(GradientPreset.LSTM_FORGET_PLUS_1.applyTo(SMALL), false).profiles().get(1);
        GradientProfile shut = GradientStudy.random(GradientPreset.LSTM_FORGET_MINUS_3.applyTo(SMALL), false).profiles().get(1);
        assertThat(open.kind()).isEqualTo(CellKind.LSTM);
        assertThat(open.stepsAbove(1e-3)).isGreaterThan(10 * shut.stepsAbove(1e-3));
        // σ(−3) ≈ 0.047: the forget-gate product falls by about that factor per step.
        assertThat(shut.forgetProduct()[119]).isCloseTo(0.047, within(0.01));
    }

    @Test
    void theRnnSweepCrossesOneNearRadiusOne() {
        GradientStudy.Sweep sweep = GradientStudy.sweep(SMALL.withSteps(200), 0.5, 1.5, 11);
        double[] rnn = sweep.factors().get(0);
        for (int j = 0; j < 5; j++) {
            assertThat(rnn[j]).as("factor at radius %s", sweep.radius()[j]).isCloseTo(sweep.radius()[j], within(0.02));
        }
        assertThat(sweep.crossing(0)).isBetween(0.95, 1.2);
    }

    @Test
    void presetsByName() {
        assertThat(GradientPreset.fromId("lstm-forget+1")).isEqualTo(GradientPreset.LSTM_FORGET_PLUS_1);
        assertThat(GradientPreset.fromId("lstm-forget-3").applyTo(SMALL).forgetBias()).isEqualTo(-3.0);
        assertThatThrownBy(() -> GradientPreset.fromId("rnn")).hasMessageContaining("rnn-vanishing, rnn-exploding");
        assertThatThrownBy(() -> SMALL.withSpectralRadius(0)).hasMessageContaining("above 0");
    }
}
