package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vectorised products against the textbook triple loop, over sizes that hit every tail case. */
class KernelsTest {
    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @CsvSource({"1,1,1", "1,11,512", "1,128,512", "3,7,5", "4,16,16", "5,13,37", "9,33,70", "64,32,128", "2,128,11"})
    void gemmAndTransposedGemmMatchTheNaiveProduct(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 1000L + k * 10L + n);
        double[] a = random(rng, m * k), b = random(rng, k * n), c = random(rng, m * n);
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) expected[i * n + j] += a[i * k + p] * b[p * n + j];
            }
        }
        double[] got = c.clone();
        Kernels.gemm(m, k, n, a, b, got);
        assertThat(got).containsExactly(expected, within(1e-12));

        double[] aT = new double[k * m];
        Kernels.transpose(m, k, a, aT);
        double[] gotT = c.clone();
        Kernels.gemmTransA(m, k, n, aT, b, gotT);
        assertThat(gotT).containsExactly(expected, within(1e-12));
    }

    /**
     * The sparse products give the dense ones' bits, not just their values: one-hot rows (the encoder's
     * question), rows with other values and empty rows, over shapes with every tail (vector blocks,
     * single vectors, scalar columns; the LSTM encoder's 64 by 11 by 512 among them).
     */
    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @CsvSource({"64,11,512", "5,11,37", "3,7,5", "1,11,512", "7,9,19"})
    void sparseProductsGiveTheDenseProductsBits(int m, int k, int n) {
        SplittableRandom rng = new SplittableRandom(m * 31L + k * 7L + n);
        double[] a = new double[m * k];
        for (int i = 0; i < m; i++) {
            if (i % 5 == 4) continue;                                    // an empty row
            a[i * k + rng.nextInt(k)] = i % 3 == 0 ? 1.0 : 2 * rng.nextDouble() - 1; // one-hot, or another value
            if (i % 4 == 1) a[i * k + rng.nextInt(k)] = 2 * rng.nextDouble() - 1;    // sometimes a second one
        }
        double[] b = random(rng, k * n), c = random(rng, m * n);
        double[] dense = c.clone(), sparse = c.clone();
        Kernels.gemm(m, k, n, a, b, dense);
        Kernels.gemmSparseA(m, k, n, a, b, sparse);
        assertThat(sparse).containsExactly(dense);
        assertThat(sparse).isNotEqualTo(c);

        // dW (n×k) += dPreᵀ·X with X = a (m×k, sparse) and dPre (m×n) dense: the weight gradient's shape.
        double[] dPre = random(rng, m * n), w = random(rng, n * k);
        double[] denseT = w.clone(), sparseT = w.clone();
        Kernels.gemmTransA(n, m, k, dPre, a, denseT);
        Kernels.gemmTransASparseB(n, m, k, dPre, a, sparseT);
        assertThat(sparseT).containsExactly(denseT);
        assertThat(sparseT).isNotEqualTo(w);
    }

    @ParameterizedTest
    @CsvSource({"3,2", "1,9", "17,4"})
    void columnSumsAndRowBroadcastAreExact(int m, int n) {
        double[] g = random(new SplittableRandom(7), m * n), sums = new double[n];
        Kernels.addColumnSums(m, n, g, sums);
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) s += g[i * n + j];
            assertThat(sums[j]).isCloseTo(s, within(1e-12));
        }
        double[] c = new double[m * n];
        Kernels.addRowVector(m, n, sums, c);
        assertThat(c[(m - 1) * n + n - 1]).isEqualTo(sums[n - 1]);
    }

    @org.junit.jupiter.api.Test
    void aShapeMismatchSaysWhatWasExpected() {
        assertThatThrownBy(() -> Kernels.gemm(2, 3, 4, new double[6], new double[11], new double[8]))
                .hasMessageContaining("B 3x4");
    }

    static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return v;
    }
}
