package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.engine.Parameter;
import io.gatescope.task.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static TrainingConfig small(String cell, int epochs, int threads) {
        return new TrainingConfig(cell, 16, 64, 0.02, epochs, 7L, 1.0, 0.0, 0.0, "adam", 0.9, 4_000, 0.2, threads, 1.0);
    }

    @Test
    void theSameSeedGivesIdenticalWeightsOnOneThreadOrTwo() {
        Trainer one = new Trainer(small("lstm", 2, 1));
        Trainer two = new Trainer(small("lstm", 2, 2));
        one.run(s -> { });
        two.run(s -> { });
        List<Parameter> a = one.model().parameters(), b = two.model().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).data()).as(a.get(i).name()).isEqualTo(a.get(i).data());
        }
        Trainer other = new Trainer(new TrainingConfig("lstm", 16, 64, 0.02, 2, 8L, 1.0, 0, 0, "adam", 0.9, 4_000, 0.2, 1, 1.0));
        other.run(s -> { });
        assertThat(other.model().parameters().get(0).data()).isNotEqualTo(a.get(0).data());
    }

    @Test
    void aShortRunLearnsFarMoreThanTheDenseBaseline() {
        TrainingConfig gru = new TrainingConfig("gru", 32, 128, 0.01, 12, 1L, 0.0, 0.0, 0.0, "adam", 0.9, 20_000, 0.2, 2, 1.0);
        TrainingSnapshot learned = new Trainer(gru).run(s -> { });
        Trainer dense = new Trainer(new TrainingConfig("dense", 32, 128, 0.01, 3, 1L, 0, 0, 0, "adam", 0.9, 20_000, 0.2, 2, 1.0));
        TrainingSnapshot baseline = dense.run(s -> { });
        assertThat(baseline.validationSequences()).isLessThan(0.05);
        assertThat(learned.validationSequences()).isGreaterThan(0.5);
        assertThat(learned.state()).isEqualTo(Trainer.State.COMPLETED);
    }

    @Test
    void validationMetricsAgreeWithEvaluation() {
        Trainer t = new Trainer(small("rnn", 1, 2));
        TrainingSnapshot s = t.run(x -> { });
        Evaluation.Accuracy acc = Evaluation.evaluate(t.model(), t.data().validation());
        assertThat(s.validationSequences()).isEqualTo(acc.sequences());
        assertThat(s.validationChars()).isEqualTo(acc.characters());
    }

    @Test
    void stopsAtTheTargetAccuracyAndReportsEveryEpoch() {
        TrainingConfig c = new TrainingConfig("lstm", 16, 64, 0.02, 50, 7L, 0, 0.0001, 0, "adam", 0.9, 4_000, 0.2, 1, 1.0);
        List<TrainingSnapshot> seen = new ArrayList<>();
        TrainingSnapshot last = new Trainer(c).run(seen::add);
        assertThat(last.state()).isEqualTo(Trainer.State.TARGET_REACHED);
        assertThat(seen).last().isEqualTo(last);
        assertThat(last.epoch()).isLessThan(50);
    }

    @Test
    void pauseResumeAndCancelFromAnotherThread() throws Exception {
        Trainer t = new Trainer(small("lstm", 1_000, 1));
        CountDownLatch firstEpoch = new CountDownLatch(1);
        Thread worker = new Thread(() -> t.run(s -> firstEpoch.countDown()));
        worker.start();
        assertThat(firstEpoch.await(60, TimeUnit.SECONDS)).isTrue();
        t.pause();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.latest().state() != Trainer.State.PAUSED && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(t.latest().state()).isEqualTo(Trainer.State.PAUSED);
        long seen = t.latest().examplesSeen();
        var weights = t.requestWeights();
        t.resume();
        assertThat(weights.get(30, TimeUnit.SECONDS)).containsKey("encoder.weight_ih_l0");
        t.cancel();
        worker.join(30_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(t.latest().state()).isEqualTo(Trainer.State.CANCELLED);
        assertThat(t.latest().examplesSeen()).isGreaterThanOrEqualTo(seen);
    }

    @Test
    void badSettingsAreRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> TrainingConfig.defaults("transformer", 32))
                .hasMessageContaining("unknown cell 'transformer'").hasMessageContaining("lstm, gru, rnn, dense");
        assertThatThrownBy(() -> small("lstm", 0, 1)).hasMessageContaining("epochs must be at least 1");
        assertThatThrownBy(() -> new TrainingConfig("lstm", 16, 64, -1, 1, 1, 0, 0, 0, "adam", 0.9, 4000, 0.2, 1, 1))
                .hasMessageContaining("learning rate");
    }
}
