package io.gatescope.bench;

import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientSetup;
import io.gatescope.engine.GradientStudy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gradient view computes when a control changes, at the size the issue names (T = 200,
 * H = 64): the three cells' profiles from fresh random weights (what is drawn first; the goal is
 * 100 ms from the change to the redraw), and the same with every step Jacobian's largest singular
 * value (one SVD per step and cell, which the view fills in afterwards).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GradientProfileBenchmark {
    @Param({"200"})
    int steps;

    @Param({"64"})
    int hidden;

    GradientSetup setup;

    @Setup
    public void setup() {
        setup = GradientPreset.RNN_EXPLODING.applyTo(GradientSetup.DEFAULT).withSteps(steps).withHidden(hidden);
    }

    @Benchmark
    public GradientStudy norms() {
        return GradientStudy.random(setup, false);
    }

    @Benchmark
    public GradientStudy normsAndJacobians() {
        return GradientStudy.random(setup, true);
    }
}
