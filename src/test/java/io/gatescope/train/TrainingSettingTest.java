package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSettingTest {
    /** The per-cell recipes: the cell's default unless the setting was given, whatever the order of the calls. */
    @Test
    void aCellsOwnDefaultAppliesUntilTheSettingIsGiven() {
        assertThat(TrainingConfig.defaults("lstm", 128).learningRate()).isEqualTo(0.02);
        assertThat(TrainingConfig.defaults("lstm", 128).lrDecay()).isEqualTo(0.8);
        assertThat(TrainingConfig.defaults("gru", 128).learningRate()).isEqualTo(0.02);
        assertThat(TrainingConfig.defaults("rnn", 128).learningRate()).isEqualTo(0.006);
        assertThat(TrainingConfig.defaults("rnn", 128).lrDecay()).isEqualTo(0.8);
        assertThat(TrainingConfig.defaults("rnn_relu", 128).learningRate()).isEqualTo(0.003);
        assertThat(TrainingConfig.defaults("dense", 128).lrDecay()).isEqualTo(0.97);
        assertThat(TrainingConfig.defaults("rnn_relu", 128).lrDecay()).isEqualTo(0.97);

        TrainingConfig given = TrainingConfig.of(Map.of(TrainingSetting.LEARNING_RATE, 0.002));
        assertThat(given.with(TrainingSetting.CELL, "lstm").learningRate()).isEqualTo(0.002);   // given wins
        assertThat(given.with(TrainingSetting.CELL, "lstm").lrDecay()).isEqualTo(0.8);          // the rest follows the cell
        assertThat(given.with(TrainingSetting.CELL, "lstm").isGiven(TrainingSetting.LR_DECAY)).isFalse();
        TrainingConfig lstm = TrainingConfig.defaults("lstm", 128);
        assertThat(lstm.with(TrainingSetting.CELL, "rnn").learningRate()).isEqualTo(0.006);   // not carried over
        // a model file's notes record the values used, and reading them back gives the same run
        assertThat(TrainingConfig.fromNotes(lstm.notes())).isEqualTo(lstm);
        assertThat(lstm.notes()).containsEntry("learning_rate", 0.02).containsEntry("lr_decay", 0.8);
    }

    @Test
    void everyDefaultIsWithinItsOwnRangeAndEveryRowIsDescribed() {
        for (TrainingSetting s : TrainingSetting.values()) {
            assertThat(s.check(s.defaultValue())).as(s.key()).isNull();
            assertThat(s.description()).as(s.key()).isNotBlank();
            assertThat(s.option()).startsWith("--").doesNotContain("_");
            assertThat(TrainingSetting.byKey(s.key())).isSameAs(s);
            assertThat(TrainingSetting.byKey(s.option())).isSameAs(s);
        }
        assertThat(TrainingConfig.defaults().values()).hasSize(TrainingSetting.values().length);
    }

    @Test
    void rangesAreCheckedAtTheirEdgesWithMessagesThatSayWhatIsAccepted() {
        assertThat(TrainingSetting.HIDDEN.check(1L)).isNull();
        assertThat(TrainingSetting.HIDDEN.check(4096L)).isNull();
        assertThat(TrainingSetting.HIDDEN.check(4097L)).isEqualTo("hidden size must be within 1..4096, got 4097");
        assertThat(TrainingSetting.VALIDATION.check(1.0)).isEqualTo("validation fraction must be within (0, 1), got 1.0");
        assertThat(TrainingSetting.VALIDATION.check(0.5)).isNull();
        assertThat(TrainingSetting.LR_DECAY.check(1.0)).isNull();
        assertThat(TrainingSetting.LR_DECAY.check(0.0)).contains("within (0, 1]");
        assertThat(TrainingSetting.MOMENTUM.check(1.0)).contains("within [0, 1)");
        assertThat(TrainingSetting.LEARNING_RATE.check(Double.NaN)).contains("a positive number");
        assertThat(TrainingSetting.CLIP.check(0.0)).isNull();
        assertThat(TrainingSetting.CELL.check("gru")).isNull();
        assertThatThrownBy(() -> TrainingSetting.BATCH.parse("1.5")).hasMessage("batch size must be 1..65536, got '1.5'");
        assertThat(TrainingSetting.SEED.parse(" -3 ")).isEqualTo(-3L);
        assertThat(TrainingSetting.REVERSED.parse("TRUE")).isEqualTo(true);
        assertThat(TrainingSetting.CELL.parse("LSTM")).isEqualTo("lstm");
    }

    @Test
    void notesRoundTripThroughTheTableWithoutTheThreadCount() {
        TrainingConfig c = TrainingConfig.defaults("rnn", 64).with(TrainingSetting.REVERSED, true)
                .with(TrainingSetting.LEARNING_RATE, 0.003).with(TrainingSetting.THREADS, 1);
        Map<String, Object> notes = c.notes();
        assertThat(notes).containsEntry("cell", "rnn").containsEntry("hidden", 64L).containsEntry("reversed", true)
                .containsEntry("learning_rate", 0.003).doesNotContainKey("threads");
        assertThat(TrainingConfig.fromNotes(notes)).isEqualTo(c.with(TrainingSetting.THREADS, TrainingSetting.THREADS.defaultValue()));
        // the seeds' files from before the table (keys it knows, values as JSON numbers) still read
        assertThat(TrainingConfig.fromNotes(Map.of("cell", "lstm", "hidden", 128, "learning_rate", 0.003, "clip", 1.0,
                "elapsed_seconds", 46.0)).hidden()).isEqualTo(128);
    }
}
