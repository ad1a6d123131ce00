package io.gatescope.ui.lecture.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientProfile;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gradient and comparison questions: their answers come from the data, never from the wording. */
class QuestionTest {
    private static GradientProfile profile(double... gradH) {
        double[][] units = new double[gradH.length][1];
        return new GradientProfile(CellKind.RNN_TANH, gradH, new double[0], units, new double[gradH.length - 1], new double[0],
                new double[0], new double[0], new double[0], 1, 0.5, 0.5);
    }

    @Test
    void theGradientQuestionComparesStepOneWithStepFive() {
        Question vanishing = Question.forGradient(profile(1e-9, 1e-8, 1e-6, 1e-4, 1e-2, 0.1, 1));
        assertThat(vanishing.text()).isEqualTo("In the RNN (tanh), will ‖∂L/∂h‖ at step 1 be larger or smaller than at step 5?");
        assertThat(vanishing.answerA()).as("smaller").isFalse();
        assertThat(vanishing.reveal()).startsWith("‖∂L/∂h₁‖ = ").contains("‖∂L/∂h₅‖ = ");
        assertThat(Question.forGradient(profile(0, 9, 7, 5, 3, 1, 1)).answerA()).as("exploding: larger").isTrue();
        assertThat(Question.forGradient(profile(0, 2, 1, 1)).text()).as("a short input asks about its last step").endsWith("at step 3?");
    }

    @Test
    void theComparisonQuestionIsAnsweredByItsResults() {
        Question asked = Question.forComparison(TrainingConfig.defaults().with(TrainingSetting.UNTIL_ACCURACY, 0.9));
        assertThat(asked.text()).isEqualTo("Which cell will reach 90 % of the validation sums first, in fewer epochs?");
        assertThat(asked.answered()).isFalse();
        Question gru = Question.comparisonAnswer(asked, Map.of("lstm", 12.0, "gru", 7.0, "rnn", Double.NaN));
        assertThat(gru.answerA()).isFalse();
        assertThat(gru.reveal()).isEqualTo("LSTM: after 12 epochs, GRU: after 7 epochs");
        assertThat(Question.comparisonAnswer(asked, Map.of("lstm", 3.0, "gru", Double.NaN)).answerA()).isTrue();
        Question neither = Question.comparisonAnswer(asked, Map.of("lstm", Double.NaN, "gru", Double.NaN));
        assertThat(neither.answerA()).isNull();
        assertThat(neither.answered()).isTrue();
        assertThat(neither.reveal()).isEqualTo("neither reached it — LSTM: not reached, GRU: not reached");
    }
}
