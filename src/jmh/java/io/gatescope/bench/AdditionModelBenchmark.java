package io.gatescope.bench;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Gradients;
import io.gatescope.engine.Losses;
import io.gatescope.engine.trace.ModelTrace;
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
 * The addition model: the full forward with its trace for one input (what the UI recomputes as the
 * user types), and one single-threaded training step on a batch of 128 (forward, loss, backward, Adam).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AdditionModelBenchmark {
    @Param({"32", "128"})
    int hidden;

    EncoderDecoder model;
    AdditionTask.Example example;
    EncoderDecoder.Run work;
    double[][] xs;
    int[][] targets;
    Gradients grads;
    Adam adam;

    @Setup
    public void setup() {
        model = AdditionModels.encoderDecoder(CellKind.LSTM, hidden, 1);
        example = new AdditionTask.Example(67, 60);
        int batch = 128;
        work = model.newWorkspace(batch);
        List<AdditionTask.Example> examples = AdditionTask.sample(batch, new SplittableRandom(2));
        xs = new double[AdditionTask.STEPS][batch * AdditionTask.SYMBOLS];
        Evaluation.fill(xs, examples.stream().map(AdditionTask.Example::input).toList());
        targets = new int[AdditionTask.STEPS][batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < AdditionTask.STEPS; t++) {
                targets[t][b] = AdditionTask.ALPHABET.indexOf(examples.get(b).target().charAt(t));
            }
        }
        grads = new Gradients(model.parameters());
        adam = new Adam(1e-6);
    }

    @Benchmark
    public ModelTrace forwardWithTrace() {
        return AdditionModels.trace(model, example);
    }

    @Benchmark
    public double trainingStepBatch128() {
        grads.zero();
        model.forward(work, 128, xs);
        double loss = 0;
        for (int t = 0; t < AdditionTask.STEPS; t++) {
            loss += Losses.softmaxCrossEntropy(128, 11, work.logits[t], targets[t], 1.0 / 640, work.probs[t], work.dlogits[t]);
        }
        model.backward(work, grads);
        adam.step(model.parameters(), grads);
        return loss;
    }
}
