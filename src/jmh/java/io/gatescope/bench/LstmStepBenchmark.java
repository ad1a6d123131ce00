package io.gatescope.bench;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.LayerRun;
import io.gatescope.engine.RecurrentLayer;
import java.util.SplittableRandom;
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
 * One LSTM time step (forward, with everything the trace records) at the sizes the issue names.
 * {@code onehot11} is the encoder's case (an 11-symbol one-hot character, so W_ih·x is one column);
 * {@code dense} feeds an H-wide dense vector, the decoder's and a stacked layer's case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LstmStepBenchmark {
    @Param({"32", "128", "512"})
    int hidden;

    @Param({"1", "128"})
    int batch;

    @Param({"onehot11", "dense"})
    String input;

    RecurrentLayer layer;
    LayerRun run;
    double[][] x;
    double[] h0;
    double[] c0;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        int in = input.equals("dense") ? hidden : 11;
        layer = new RecurrentLayer(CellKind.LSTM, in, hidden, false);
        Initialisers.pytorchDefault(layer, rng);
        run = layer.newRun(batch, 1);
        x = new double[][] {input.equals("dense") ? random(rng, batch * in) : oneHot(rng, batch, in)};
        h0 = random(rng, batch * hidden);
        c0 = random(rng, batch * hidden);
    }

    @Benchmark
    public double step() {
        layer.forward(run, batch, 1, x, h0, c0);
        return run.hidden(0)[0];
    }

    static double[] oneHot(SplittableRandom rng, int batch, int symbols) {
        double[] v = new double[batch * symbols];
        for (int b = 0; b < batch; b++) v[b * symbols + rng.nextInt(symbols)] = 1.0;
        return v;
    }

    static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * rng.nextDouble() - 1;
        return v;
    }
}
