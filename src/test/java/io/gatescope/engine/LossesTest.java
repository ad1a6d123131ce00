package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LossesTest {
    @Test
    void meanSquaredErrorAndItsGradientAgainstFiniteDifferences() {
        double[] y = {0.3, -1.2, 2.0}, t = {0.0, -1.0, 1.5}, dy = new double[3];
        double loss = Losses.meanSquaredError(3, y, t, 1.0 / 3, dy);
        assertThat(loss).isCloseTo((0.09 + 0.04 + 0.25) / 3, within(1e-15));
        for (int i = 0; i < 3; i++) {
            double[] up = y.clone(), down = y.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double numeric = (Losses.meanSquaredError(3, up, t, 1.0 / 3, null) - Losses.meanSquaredError(3, down, t, 1.0 / 3, null)) / 2e-6;
            assertThat(dy[i]).isCloseTo(numeric, within(1e-9));
        }
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        double[] logits = {1000, 0, -1000}, probs = new double[3], d = new double[3];
        double loss = Losses.softmaxCrossEntropy(1, 3, logits, new int[] {1}, 1.0, probs, d);
        assertThat(loss).isCloseTo(1000, within(1e-9));
        assertThat(probs[0]).isEqualTo(1.0);
        assertThat(d[1]).isEqualTo(-1.0);
    }
}
