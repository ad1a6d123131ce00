package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorMathTest {
    @Test
    void expIsWithinTwoUlpsOfTheLibrary() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double x = (rng.nextDouble() * 2 - 1) * 700;
            double ulps = Math.abs(VectorMath.exp(x) - Math.exp(x)) / Math.ulp(Math.exp(x));
            assertThat(ulps).as("exp(%s)", x).isLessThanOrEqualTo(2);
        }
        assertThat(VectorMath.exp(0)).isEqualTo(1.0);
        assertThat(VectorMath.exp(-1e6)).isLessThan(1e-300);
    }

    @Test
    void arrayFormsGiveTheSameBitsAsTheScalarFormsInEveryLaneAndTail() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 61; // not a multiple of any vector length: exercises the scalar tail
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(6) - 3);
        z[0] = 0.0;
        z[1] = -0.05;
        z[2] = 30;
        double[] s = new double[n], t = new double[n];
        VectorMath.sigmoid(z, 0, s, 0, n);
        VectorMath.tanh(z, 0, t, 0, n);
        for (int i = 0; i < n; i++) {
            assertThat(s[i]).as("σ(%s)", z[i]).isEqualTo(Activations.sigmoid(z[i]));
            assertThat(t[i]).as("tanh(%s)", z[i]).isEqualTo(Activations.tanh(z[i]));
            assertThat(Math.abs(s[i] - 1 / (1 + Math.exp(-z[i])))).isLessThanOrEqualTo(4 * Math.ulp(s[i]));
        }
    }
}
