package io.gatescope.optim;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Parameter;

/** Updates parameters in place from their gradients, then touches them so layers refresh caches. */
public interface Optimizer {
    void step(Iterable<Parameter> params, Gradients grads);

    /** The current learning rate. */
    double learningRate();

    /** Changes the learning rate (schedules). */
    void setLearningRate(double lr);
}
