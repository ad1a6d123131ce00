package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.engine.Parameter;
import io.gatescope.task.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** A small LSTM run: 16 units, batch 64, 4,000 examples, seed 7, with the given changes. */
    static TrainingConfig small(Object... changes) {
        Map<TrainingSetting, Object> m = new HashMap<>(Map.of(TrainingSetting.CELL, "lstm", TrainingSetting.HIDDEN, 16,
                TrainingSetting.BATCH, 64, TrainingSetting.LEARNING_RATE, 0.02, TrainingSetting.SEED, 7,
                TrainingSetting.EXAMPLES, 4_000, TrainingSetting.EPOCHS, 2, TrainingSetting.THREADS, 1));
        for (int i = 0; i < changes.length; i += 2) m.put((TrainingSetting) changes[i], changes[i + 1]);
        return TrainingConfig.of(m);
    }

    /** Polled, not spun: a test thread spinning on one of two cores took it from the trainer it waited for. */
    static void await(BooleanSupplier condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    @Test
    void theSameSeedGivesIdenticalWeightsOnOneThreadOrTwo() {
        Trainer one = new Trainer(small());
        Trainer two = new Trainer(small(TrainingSetting.THREADS, 2));
        TrainingSnapshot a1 = one.run(s -> { });
        TrainingSnapshot b1 = two.run(s -> { });
        assertThat(b1.trainLoss()).isEqualTo(a1.trainLoss());
        List<Parameter> a = one.model().parameters(), b = two.model().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).data()).as(a.get(i).name()).isEqualTo(a.get(i).data());
        }
        Trainer other = new Trainer(small(TrainingSetting.SEED, 8));
        other.run(s -> { });
        assertThat(other.model().parameters().get(0).data()).isNotEqualTo(a.get(0).data());
    }

    @Test
    void aShortRunLearnsFarMoreThanTheDenseBaseline() {
        TrainingConfig gru = TrainingConfig.defaults("gru", 32).with(TrainingSetting.EPOCHS, 12).with(TrainingSetting.CLIP, 0.0)
                .with(TrainingSetting.LEARNING_RATE, 0.01).with(TrainingSetting.LR_DECAY, 1.0);
        TrainingSnapshot learned = new Trainer(gru).run(s -> { });
        TrainingSnapshot baseline = new Trainer(TrainingConfig.defaults("dense", 32).withEpochs(3)).run(s -> { });
        assertThat(baseline.validationSequences()).isLessThan(0.05);
        assertThat(learned.validationSequences()).isGreaterThan(0.5);
        assertThat(learned.state()).isEqualTo(Trainer.State.COMPLETED);
    }

    @Test
    void validationMetricsAgreeWithEvaluationAlsoOnReversedInput() {
        for (boolean reversed : new boolean[] {false, true}) {
            Trainer t = new Trainer(small(TrainingSetting.CELL, "rnn", TrainingSetting.EPOCHS, 1,
                    TrainingSetting.REVERSED, reversed, TrainingSetting.THREADS, 2));
            TrainingSnapshot s = t.run(x -> { });
            Evaluation.Accuracy acc = Evaluation.evaluate(t.model(), t.data().validation(), reversed);
            assertThat(s.validationSequences()).isEqualTo(acc.sequences());
            assertThat(s.validationChars()).isEqualTo(acc.characters());
            assertThat(s.validationLoss()).isCloseTo(acc.loss(), org.assertj.core.api.Assertions.within(1e-12))
                    .isNotEqualTo(Evaluation.evaluate(t.model(), t.data().validation(), !reversed).loss());
        }
    }

    @Test
    void stopsAtTheTargetAccuracyAndReportsEveryEpoch() {
        TrainingConfig c = TrainingConfig.defaults("gru", 32).with(TrainingSetting.UNTIL_ACCURACY, 0.3).withEpochs(40);
        List<TrainingSnapshot> seen = new ArrayList<>();
        TrainingSnapshot last = new Trainer(c).run(seen::add);
        assertThat(last.state()).isEqualTo(Trainer.State.TARGET_REACHED);
        assertThat(seen).last().isEqualTo(last);
        assertThat(seen).hasSize(last.epoch());
        assertThat(last.validationSequences()).isGreaterThanOrEqualTo(0.3);
        assertThat(seen.get(seen.size() - 2).validationSequences()).as("the epoch before the target").isLessThan(0.3);
    }

    @Test
    void stopsWhenTheValidationLossStopsImprovingForThePatience() {
        List<TrainingSnapshot> seen = new ArrayList<>();
        TrainingSnapshot last = new Trainer(TrainingConfig.defaults("dense", 1).withEpochs(200)
                .with(TrainingSetting.PATIENCE, 2)).run(seen::add);
        assertThat(last.state()).isEqualTo(Trainer.State.PLATEAU);
        assertThat(last.epoch()).isLessThan(200);
        double best = seen.subList(0, seen.size() - 2).stream().mapToDouble(TrainingSnapshot::validationLoss).min().orElseThrow();
        assertThat(seen.get(seen.size() - 1).validationLoss()).isGreaterThanOrEqualTo(best * 0.995);
        assertThat(seen.get(seen.size() - 2).validationLoss()).isGreaterThanOrEqualTo(best * 0.995);
    }

    /** The rate decays after every epoch until it reaches the floor's fraction of the starting rate, and stays there. */
    @Test
    void theLearningRateDecaysEachEpochDownToItsFloor() {
        List<Double> rates = new ArrayList<>();
        new Trainer(small(TrainingSetting.EXAMPLES, 500, TrainingSetting.EPOCHS, 4, TrainingSetting.LR_DECAY, 0.5,
                TrainingSetting.LR_FLOOR, 0.3)).run(s -> rates.add(s.learningRate()));
        // one snapshot after each epoch but the last, then the final one: each carries the rate its epoch used
        assertThat(rates).containsExactly(0.02, 0.01, 0.02 * 0.3, 0.02 * 0.3);
        rates.clear();
        new Trainer(small(TrainingSetting.EXAMPLES, 500, TrainingSetting.EPOCHS, 3, TrainingSetting.LR_DECAY, 0.5,
                TrainingSetting.LR_FLOOR, 0.0)).run(s -> rates.add(s.learningRate()));
        assertThat(rates).containsExactly(0.02, 0.01, 0.005);
    }

    @Test
    void pauseHoldsTheBatchCounterStepGrantsExactlyOneBatchAndResumeContinues() throws Exception {
        Trainer t = new Trainer(small(TrainingSetting.EPOCHS, 1_000));
        CountDownLatch firstEpoch = new CountDownLatch(1);
        Thread worker = new Thread(() -> t.run(s -> firstEpoch.countDown()));
        worker.start();
        assertThat(firstEpoch.await(120, TimeUnit.SECONDS)).isTrue();
        t.pause();
        await(() -> t.latest().state() == Trainer.State.PAUSED && worker.getState() == Thread.State.WAITING);
        TrainingSnapshot held = t.latest();
        await(() -> worker.getState() == Thread.State.WAITING);
        assertThat(t.latest().examplesSeen()).as("no batch while paused").isEqualTo(held.examplesSeen());

        t.step();
        await(() -> t.latest().examplesSeen() > held.examplesSeen() && worker.getState() == Thread.State.WAITING);
        assertThat(t.latest().examplesSeen()).as("one update is one batch").isEqualTo(held.examplesSeen() + 64);
        assertThat(t.latest().state()).isEqualTo(Trainer.State.PAUSED);

        var weights = t.requestWeights();
        t.resume();
        assertThat(weights.get(120, TimeUnit.SECONDS)).containsKey("encoder.weight_ih_l0");
        await(() -> t.latest().examplesSeen() > held.examplesSeen() + 64);
        t.cancel();
        worker.join(30_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(t.latest().state()).isEqualTo(Trainer.State.CANCELLED);
    }

    @Test
    void badSettingsAreRejectedWithTheTablesMessage() {
        assertThatThrownBy(() -> TrainingConfig.defaults("transformer", 32))
                .hasMessageContaining("unknown cell 'transformer'").hasMessageContaining("lstm, gru, rnn, dense");
        assertThatThrownBy(() -> small(TrainingSetting.EPOCHS, 0)).hasMessage("epochs must be within 1..1000000, got 0");
        assertThatThrownBy(() -> small(TrainingSetting.LEARNING_RATE, -1.0))
                .hasMessage("learning rate must be a positive number, got -1.0");
        assertThatThrownBy(() -> new Trainer(small(TrainingSetting.EXAMPLES, 10, TrainingSetting.VALIDATION, 0.95)))
                .hasMessageContaining("no examples are left for training");
    }
}
