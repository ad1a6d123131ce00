package io.gatescope.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;

/**
 * Weight initialisers. Every draw comes from the generator passed in, so a seed reproduces the same
 * weights bit for bit.
 */
public final class Initialisers {
    private Initialisers() {
    }

    /** PyTorch's default for RNN/LSTM/GRU: every parameter U(−1/√H, 1/√H). */
    public static void pytorchDefault(RecurrentLayer layer, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(layer.hiddenSize());
        for (Parameter p : layer.parameters()) uniform(p, k, rng);
    }

    /** PyTorch's default for nn.Linear: weight and bias U(−1/√in, 1/√in). */
    public static void pytorchDefault(Dense dense, SplittableRandom rng) {
        double k = 1.0 / Math.sqrt(dense.inputSize());
        uniform(dense.weight(), k, rng);
        uniform(dense.bias(), k, rng);
    }

    /**
     * Keras' defaults: Glorot-uniform input kernel over the whole stacked matrix, orthogonal recurrent
     * kernel, zero biases, and (LSTM) the forget-gate bias set to 1 ("unit forget bias") in bias_ih.
     */
    public static void kerasDefault(RecurrentLayer layer, SplittableRandom rng) {
        int g = layer.kind().blocks() * layer.hiddenSize();
        glorotUniform(layer.weightIh(), g, layer.inputSize(), rng);
        orthogonal(layer.weightHh(), rng);
        java.util.Arrays.fill(layer.biasIh().data(), 0.0);
        java.util.Arrays.fill(layer.biasHh().data(), 0.0);
        layer.biasIh().touch();
        layer.biasHh().touch();
        if (layer.weightCh() != null) glorotUniform(layer.weightCh(), layer.weightCh().rows(), layer.hiddenSize(), rng);
        if (layer.kind().anatomy().find("f").isPresent()) forgetBias(layer, 1.0);
    }

    /** Keras' Dense default: Glorot-uniform weight, zero bias. */
    public static void kerasDefault(Dense dense, SplittableRandom rng) {
        glorotUniform(dense.weight(), dense.outputSize(), dense.inputSize(), rng);
        java.util.Arrays.fill(dense.bias().data(), 0.0);
        dense.bias().touch();
    }

    /** Sets the LSTM forget gate's input bias to {@code value} (the f block of bias_ih). */
    public static void forgetBias(RecurrentLayer layer, double value) {
        int f = layer.kind().anatomy().find("f").orElseThrow(() -> new IllegalArgumentException(
                "only an LSTM has a forget gate, not a " + layer.kind().title())).index();
        int h = layer.hiddenSize();
        java.util.Arrays.fill(layer.biasIh().data(), f * h, (f + 1) * h, value);
        layer.biasIh().touch();
    }

    /** U(−k, k) for every element. */
    public static void uniform(Parameter p, double k, SplittableRandom rng) {
        double[] d = p.data();
        for (int i = 0; i < d.length; i++) d[i] = (2 * rng.nextDouble() - 1) * k;
        p.touch();
    }

    /** Glorot (Xavier) uniform: U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut))). */
    public static void glorotUniform(Parameter p, int fanOut, int fanIn, SplittableRandom rng) {
        uniform(p, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    }

    /**
     * An orthogonal matrix (Saxe et al.), as Keras' Orthogonal: QR of a Gaussian matrix with the signs
     * of R's diagonal folded into Q, so the result is uniformly distributed. A tall matrix gets
     * orthonormal columns, a wide one orthonormal rows.
     */
    public static void orthogonal(Parameter p, SplittableRandom rng) {
        int rows = p.rows(), cols = p.cols();
        boolean tall = rows >= cols;
        int m = tall ? rows : cols, n = tall ? cols : rows;
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        for (int i = 0; i < m * n; i++) a.data[i] = rng.nextGaussian();
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        if (!qr.decompose(a)) throw new IllegalStateException("QR decomposition failed for " + p.name());
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        double[] d = p.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = q.get(i, j) * Math.signum(r.get(j, j) == 0 ? 1 : r.get(j, j));
                if (tall) d[i * cols + j] = v; else d[j * cols + i] = v;
            }
        }
        p.touch();
    }
}
