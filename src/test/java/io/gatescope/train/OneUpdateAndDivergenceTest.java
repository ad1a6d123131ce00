package io.gatescope.train;

import static io.gatescope.train.TrainerTest.await;
import static io.gatescope.train.TrainerTest.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Gradients;
import io.gatescope.engine.Losses;
import io.gatescope.engine.Parameter;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneUpdateAndDivergenceTest {
    @Test
    void oneUpdateIsExactlyOneAdamStepOnTheBatchItReports() throws Exception {
        double lr = 0.05;
        TrainingConfig c = small(TrainingSetting.HIDDEN, 8, TrainingSetting.BATCH, 16, TrainingSetting.CLIP, 0.0,
                TrainingSetting.LEARNING_RATE, lr, TrainingSetting.SEED, 3, TrainingSetting.REVERSED, true);
        Trainer t = new Trainer(c);
        t.pause();
        Thread worker = new Thread(() -> t.run(s -> { }));
        worker.start();
        t.step();
        await(() -> t.latest() != null && t.latest().examplesSeen() == 16 && worker.getState() == Thread.State.WAITING);
        Map<String, double[]> after = t.requestWeights().get();
        List<AdditionTask.Example> batch = t.lastBatch();
        t.cancel();
        worker.join();

        // By hand, on a fresh copy of the initial model: the mean cross-entropy's gradient on that batch,
        // then Adam's first step, where m̂ = g and v̂ = g², so every weight moves by lr·g/(|g| + ε).
        EncoderDecoder m = AdditionModels.encoderDecoder(CellKind.LSTM, 8, 3);
        EncoderDecoder.Run w = m.newWorkspace(16);
        double[][] xs = new double[AdditionTask.STEPS][16 * AdditionTask.SYMBOLS];
        Evaluation.fill(xs, batch.stream().map(e -> e.input(true)).toList());
        m.forward(w, 16, xs);
        for (int s = 0; s < AdditionTask.STEPS; s++) {
            int[] targets = new int[16];
            for (int b = 0; b < 16; b++) targets[b] = AdditionTask.ALPHABET.indexOf(batch.get(b).target().charAt(s));
            Losses.softmaxCrossEntropy(16, AdditionTask.SYMBOLS, w.logits[s], targets, 1.0 / (16 * 5), w.probs[s], w.dlogits[s]);
        }
        Gradients g = new Gradients(m.parameters());
        m.backward(w, g);
        int moved = 0;
        for (Parameter p : m.parameters()) {
            double[] w0 = p.data(), dw = g.of(p), w1 = after.get(p.name());
            for (int i = 0; i < w0.length; i++) {
                double expected = w0[i] - lr * dw[i] / (Math.abs(dw[i]) + 1e-8);
                assertThat(w1[i]).as("%s[%d]", p.name(), i).isCloseTo(expected, within(1e-9 * lr));
                if (w1[i] != w0[i]) moved++;
            }
        }
        assertThat(moved).as("weights moved by the step").isGreaterThan(1000);
    }

    @Test
    void aDivergingRunStopsAtTheFirstNonFiniteLossWithTheLastGoodWeights() throws Exception {
        TrainingConfig c = small(TrainingSetting.OPTIMIZER, "sgd", TrainingSetting.MOMENTUM, 0.99,
                TrainingSetting.LEARNING_RATE, 1e308, TrainingSetting.CLIP, 0.0, TrainingSetting.EPOCHS, 3);
        Trainer t = new Trainer(c);
        TrainingSnapshot last = t.run(s -> { });
        assertThat(last.state()).isEqualTo(Trainer.State.DIVERGED);
        assertThat(last.note()).startsWith("diverged at epoch 1, batch ").containsAnyOf("NaN", "∞").contains("clip", "lower learning rate");
        assertThat(last.validationSequences()).as("validated on the kept weights").isNotNaN();
        int failedBatch = Integer.parseInt(last.note().replaceAll(".*batch (\\d+):.*", "$1"));
        for (Parameter p : t.model().parameters()) {
            for (double v : p.data()) assertThat(Double.isFinite(v)).as(p.name()).isTrue();
        }

        // The kept weights are those after failedBatch − 2 updates: the last ones whose loss was finite.
        assertThat(failedBatch).as("the initial weights' loss is finite").isGreaterThan(1);
        if (failedBatch == 2) {
            List<Parameter> initial = AdditionModels.encoderDecoder(CellKind.LSTM, 16, 7).parameters();
            for (int i = 0; i < initial.size(); i++) {
                assertThat(t.model().parameters().get(i).data()).isEqualTo(initial.get(i).data());
            }
            return;
        }
        Trainer replay = new Trainer(c);
        replay.pause();
        Thread worker = new Thread(() -> replay.run(s -> { }));
        worker.start();
        for (int i = 0; i < failedBatch - 2; i++) replay.step();
        long expectedSeen = 64L * (failedBatch - 2);
        await(() -> worker.getState() == Thread.State.WAITING
                && replay.latest() != null && replay.latest().examplesSeen() == expectedSeen);
        Map<String, double[]> good = replay.requestWeights().get();
        replay.cancel();
        worker.join();
        for (Parameter p : t.model().parameters()) assertThat(p.data()).as(p.name()).isEqualTo(good.get(p.name()));
    }

    @Test
    void aLossGrowingByOrdersOfMagnitudeIsWarnedAbout() {
        TrainingSnapshot last = new Trainer(small(TrainingSetting.LEARNING_RATE, 1e9, TrainingSetting.CLIP, 0.0,
                TrainingSetting.EPOCHS, 1)).run(s -> { });
        assertThat(last.state()).isIn(Trainer.State.COMPLETED, Trainer.State.DIVERGED);
        assertThat(last.note()).containsAnyOf("the loss grew from", "diverged");
        TrainingSnapshot sane = new Trainer(small(TrainingSetting.EPOCHS, 1)).run(s -> { });
        assertThat(sane.note()).isEmpty();
    }
}
