package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    @Test
    void tanhIsWithinAFewUlpsOfTheLibraryOnEveryScale() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(12) - 8);
            double ulps = Math.abs(Activations.tanh(x) - Math.tanh(x)) / Math.ulp(Math.tanh(x));
            assertThat(ulps).as("tanh(%s)", x).isLessThanOrEqualTo(8);
        }
        assertThat(Activations.tanh(0.0)).isEqualTo(0.0);
        assertThat(Activations.tanh(40)).isEqualTo(1.0);
        assertThat(Activations.tanh(-40)).isEqualTo(-1.0);
        assertThat(Activations.tanh(0.1)).isEqualTo(-Activations.tanh(-0.1));
    }

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        assertThat(Activations.sigmoid(-800)).isBetween(0.0, 1e-300);
        assertThat(Activations.sigmoid(800)).isEqualTo(1.0);
        assertThat(Activations.sigmoid(0)).isEqualTo(0.5);
    }
}
