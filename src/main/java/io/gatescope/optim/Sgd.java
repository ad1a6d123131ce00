package io.gatescope.optim;

import io.gatescope.engine.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stochastic gradient descent with (PyTorch-style) momentum: v = μ·v + g; p −= lr·v. */
public final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    /** Per parameter (Parameter keeps Object's identity equality); two threads may add to it. */
    private final Map<Parameter, double[]> velocity = new ConcurrentHashMap<>();

    public Sgd(double lr, double momentum) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public void begin() {
    }

    @Override
    public void update(Parameter p, double[] g, double scale) {
        double[] w = p.data();
        double[] v = velocity.computeIfAbsent(p, k -> new double[k.size()]);
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] + g[i] * scale;
            w[i] -= lr * v[i];
        }
        p.touch();
    }

    @Override public double learningRate() { return lr; }

    @Override public void setLearningRate(double lr) { this.lr = lr; }
}
