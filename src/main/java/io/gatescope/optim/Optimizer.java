package io.gatescope.optim;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Parameter;

/**
 * Updates parameters in place from their gradients, then touches them so layers refresh caches.
 *
 * <p>A step is {@link #begin} once, then {@link #update} once per parameter. Distinct parameters may be
 * updated from different threads at once (the trainer splits them between its two), and each
 * parameter's update reads only its own state, so the result does not depend on who updated what.
 */
public interface Optimizer {
    /** One step over {@code params} with their gradients, on the calling thread. */
    default void step(Iterable<Parameter> params, Gradients grads) {
        begin();
        for (Parameter p : params) update(p, grads.of(p), 1.0);
    }

    /** Starts a step (Adam counts it for its bias correction). */
    void begin();

    /**
     * Updates {@code p} from its gradient {@code g} times {@code scale} (the clipping factor; 1 leaves it
     * exact), without changing {@code g}, and touches {@code p}.
     */
    void update(Parameter p, double[] g, double scale);

    /** The current learning rate. */
    double learningRate();

    /** Changes the learning rate (schedules). */
    void setLearningRate(double lr);
}
