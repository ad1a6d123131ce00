package io.gatescope.bench;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Gradients;
import io.gatescope.engine.Kernels;
import io.gatescope.engine.Losses;
import io.gatescope.optim.Adam;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.util.List;
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
 * Where a training step's time goes, on one thread: one shard of the trainer's batch of 128 (64
 * sequences) through forward, loss and backward, the forward alone, Adam alone, and the three matrix
 * products that dominate it at their real shapes (B = 64, H = 128, G·H = 512 for the LSTM). Divide the
 * FLOP count printed in docs/performance.md by these times for GFLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TrainingStepBenchmark {
    @Param({"lstm", "gru", "rnn_tanh"})
    String cell;

    @Param({"128"})
    int hidden;

    static final int BATCH = 64;

    EncoderDecoder model;
    EncoderDecoder.Run work;
    double[][] xs;
    int[][] targets;
    Gradients grads;
    Adam adam;
    double[] a, b, c;
    int g;

    @Setup
    public void setup() {
        model = AdditionModels.encoderDecoder(CellKind.fromId(cell), hidden, 1);
        work = model.newWorkspace(BATCH);
        List<AdditionTask.Example> examples = AdditionTask.sample(BATCH, new SplittableRandom(2));
        xs = new double[AdditionTask.STEPS][BATCH * AdditionTask.SYMBOLS];
        Evaluation.fill(xs, examples.stream().map(AdditionTask.Example::input).toList());
        targets = new int[AdditionTask.STEPS][BATCH];
        for (int e = 0; e < BATCH; e++) {
            for (int t = 0; t < AdditionTask.STEPS; t++) targets[t][e] = AdditionTask.ALPHABET.indexOf(examples.get(e).target().charAt(t));
        }
        grads = new Gradients(model.parameters());
        adam = new Adam(1e-9);
        g = CellKind.fromId(cell).blocks() * hidden;
        SplittableRandom r = new SplittableRandom(3);
        a = r.doubles((long) g * hidden).toArray();
        b = r.doubles((long) g * hidden).toArray();
        c = new double[g * hidden];
    }

    /** Forward, loss and backward of one shard: what each of the trainer's two threads does per batch. */
    @Benchmark
    public double shardForwardBackward() {
        grads.zero();
        model.forward(work, BATCH, xs);
        double loss = 0;
        for (int t = 0; t < AdditionTask.STEPS; t++) {
            loss += Losses.softmaxCrossEntropy(BATCH, 11, work.logits[t], targets[t], 1.0 / 640, work.probs[t], work.dlogits[t]);
        }
        model.backward(work, grads);
        return loss;
    }

    @Benchmark
    public double shardForward() {
        model.forward(work, BATCH, xs);
        return work.logits[0][0];
    }

    /** Adam over every parameter (done once per batch, on one thread). */
    @Benchmark
    public double adamStep() {
        adam.step(model.parameters(), grads);
        return model.parameters().get(0).data()[0];
    }

    /** The recurrent product of the forward: ph (B×G·H) += h (B×H) · W_hhᵀ (H×G·H). */
    @Benchmark
    public double gemmForward() {
        Kernels.gemm(BATCH, hidden, g, a, b, c);
        return c[0];
    }

    /** The weight gradient: dW_hh (G·H×H) += dphᵀ (G·H×B) · h (B×H). */
    @Benchmark
    public double gemmWeightGradient() {
        Kernels.gemmTransA(g, BATCH, hidden, a, b, c);
        return c[0];
    }

    /** The gradient to the previous state: dh (B×H) += dph (B×G·H) · W_hh (G·H×H). */
    @Benchmark
    public double gemmStateGradient() {
        Kernels.gemm(BATCH, g, hidden, a, b, c);
        return c[0];
    }
}
