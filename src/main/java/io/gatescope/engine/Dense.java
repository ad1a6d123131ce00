package io.gatescope.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A dense (linear) layer in PyTorch's layout, {@code y = act(x·Wᵀ + b)} with W out×in, applied to
 * every row of its input (so to every time step of every example, as Keras' Dense does on a sequence).
 */
public final class Dense {
    /** The nonlinearity after the affine map; the softmax of a classifier head lives in the loss. */
    public enum Activation { LINEAR, RELU }

    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;

    /** Parameters are named {@code prefix + "weight"} and {@code prefix + "bias"}, e.g. {@code head.weight}. */
    public Dense(String prefix, int inputSize, int outputSize, Activation activation) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("dense sizes must be positive, got " + inputSize + " -> " + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.activation = activation;
        this.weight = new Parameter(prefix + "weight", outputSize, inputSize);
        this.bias = Parameter.vector(prefix + "bias", outputSize);
    }

    public int inputSize() { return inputSize; }

    public int outputSize() { return outputSize; }

    public Activation activation() { return activation; }

    public Parameter weight() { return weight; }

    public Parameter bias() { return bias; }

    public List<Parameter> parameters() { return List.of(weight, bias); }

    /** y = act(x·Wᵀ + b) for {@code rows} rows. Modifies {@code y} (rows×out). */
    public void forward(int rows, double[] x, double[] y) {
        RecurrentLayer.fillRows(rows, outputSize, bias.data(), y);
        Kernels.gemm(rows, inputSize, outputSize, x, weight.transposed(), y);
        if (activation == Activation.RELU) {
            for (int i = 0; i < rows * outputSize; i++) y[i] = Activations.relu(y[i]);
        }
    }

    /**
     * Given the forward's x and y and dL/dy, adds dL/dW and dL/db into {@code grads} and writes dL/dx
     * into {@code dx} (may be null when nobody needs it). Modifies {@code dy} in place for ReLU.
     */
    public void backward(int rows, double[] x, double[] y, double[] dy, double[] dx, Gradients grads) {
        if (activation == Activation.RELU) {
            for (int i = 0; i < rows * outputSize; i++) dy[i] *= Activations.reluGrad(y[i]);
        }
        Kernels.gemmTransA(outputSize, rows, inputSize, dy, x, grads.of(weight));
        Kernels.addColumnSums(rows, outputSize, dy, grads.of(bias));
        if (dx != null) {
            Arrays.fill(dx, 0, rows * inputSize, 0.0);
            Kernels.gemm(rows, outputSize, inputSize, dy, weight.data(), dx);
        }
    }
}
