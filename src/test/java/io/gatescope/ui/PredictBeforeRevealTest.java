package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.ui.lecture.quiz.QuizBar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Predict before reveal: Q on, → asks, A/B vote, → reveals with the engine's answer and the score. */
class PredictBeforeRevealTest extends WindowTestBase {
    private static final Pattern UNIT = Pattern.compile("Will the forget gate f of unit (\\d+) open \\(> 0\\.5\\) or close\\?");

    @Test
    void askVoteRevealScore(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace engine = engineTrace(CellKind.LSTM, "67+60");
        QuizBar quiz = window.lecture().quiz();
        Label question = robot.lookup("#" + QuizBar.QUESTION_ID).queryAs(Label.class);
        Label votes = robot.lookup("#" + QuizBar.VOTES_ID).queryAs(Label.class);
        Label score = robot.lookup("#" + QuizBar.SCORE_ID).queryAs(Label.class);
        robot.clickOn(window.cell().canvas()).type(KeyCode.Q);
        await(quiz::isVisible);

        robot.type(KeyCode.RIGHT);
        await(() -> quiz.pending() != null);
        assertThat(app.stepProperty().get()).as("nothing is revealed before the vote").isZero();
        Matcher m = UNIT.matcher(question.getText());
        assertThat(m.matches()).as(question.getText()).isTrue();
        int unit = Integer.parseInt(m.group(1));
        boolean opens = engine.encoder().top().step(1).gate(1, unit) > 0.5;

        robot.type(KeyCode.A).type(KeyCode.A).type(KeyCode.B);
        awaitText(votes, "A: open (2)   B: close (1)   → reveals");
        robot.type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 1);
        assertThat(question.getText()).startsWith(opens ? "open — f = " : "close — f = ");
        assertThat(question.getText()).endsWith(opens ? "✓ right" : "✗ not this time");
        assertThat(score.getText()).isEqualTo(opens ? "score 1 / 1" : "score 0 / 1");

        // In the decoder the question is the character it writes; the right one is among the choices.
        robot.interact(() -> app.goTo(5));
        robot.type(KeyCode.RIGHT);
        await(() -> quiz.pending() != null);
        assertThat(question.getText()).isEqualTo("Which character will the decoder write at this step?");
        String written = engine.outputLabels().get(1);
        assertThat(quiz.pending().answerA() ? quiz.pending().a() : quiz.pending().b()).isEqualTo(written);
        robot.type(quiz.pending().answerA() ? KeyCode.A : KeyCode.B).type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 6);
        assertThat(score.getText()).isEqualTo(opens ? "score 2 / 2" : "score 1 / 2");

        // Off again: → moves at once.
        robot.type(KeyCode.Q);
        await(() -> !quiz.isVisible());
        robot.type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 7);
    }

    @Test
    void theSubStepWalkAsksOnlyWhereAGateIsComputed(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        QuizBar quiz = window.lecture().quiz();
        robot.clickOn(window.cell().canvas()).type(KeyCode.Q);
        robot.type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 0);     // the inputs: nothing to predict
        assertThat(quiz.pending()).isNull();
        robot.type(KeyCode.DOWN);
        await(() -> quiz.pending() != null);
        assertThat(app.subStepProperty().get()).isZero();
        assertThat(quiz.pending().text()).contains("gate");
        robot.type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 1);
        Label score = robot.lookup("#" + QuizBar.SCORE_ID).queryAs(Label.class);
        assertThat(score.getText()).as("no vote, no score").isEqualTo("score 0 / 0");
    }

    @Test
    void inTheGradientsViewTheQuestionIsAboutTheGradientProfile(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        QuizBar quiz = window.lecture().quiz();
        var view = window.gradients();
        Label question = robot.lookup("#" + QuizBar.QUESTION_ID).queryAs(Label.class);
        Label votes = robot.lookup("#" + QuizBar.VOTES_ID).queryAs(Label.class);
        Label score = robot.lookup("#" + QuizBar.SCORE_ID).queryAs(Label.class);
        robot.clickOn(window.cell().canvas()).type(KeyCode.Q).type(KeyCode.G);
        await(() -> quiz.pending() != null && view.study() != null);
        assertThat(question.getText()).isEqualTo("In the LSTM, will ‖∂L/∂h‖ at step 1 be larger or smaller than at step 5?");
        assertThat(view.normsCanvas().getParent().isVisible()).as("the chart stays covered until the vote").isFalse();
        var lstm = view.study().profiles().stream().filter(p -> p.kind() == CellKind.LSTM).findFirst().orElseThrow();
        boolean larger = lstm.gradH()[1] > lstm.gradH()[5];

        robot.type(KeyCode.B).type(KeyCode.B).type(KeyCode.A);
        awaitText(votes, "A: larger (1)   B: smaller (2)   → reveals");
        robot.type(KeyCode.RIGHT);
        await(() -> quiz.pending() == null);
        assertThat(question.getText()).startsWith((larger ? "larger" : "smaller") + " — ‖∂L/∂h₁‖ = "
                + io.gatescope.chart.GradientText.number(lstm.gradH()[1]) + ", ‖∂L/∂h₅‖ = ");
        assertThat(question.getText()).endsWith(larger ? "✗ not this time" : "✓ right");
        assertThat(votes.getText()).isEqualTo("A 1 · B 2");
        assertThat(score.getText()).isEqualTo(larger ? "score 0 / 1" : "score 1 / 1");
        assertThat(view.normsCanvas().getParent().isVisible()).as("revealed").isTrue();

        // → asks again about the profile on screen; leaving the view drops the question and uncovers the chart.
        robot.type(KeyCode.RIGHT);
        await(() -> quiz.pending() != null);
        robot.type(KeyCode.G);
        await(() -> window.viewProperty().get() == window.panelsView());
        assertThat(quiz.pending()).isNull();
        assertThat(view.normsCanvas().getParent().isVisible()).isTrue();
    }

    @Test
    void beforeTheComparisonTheQuestionIsWhichCellGetsThereFirst(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        QuizBar quiz = window.lecture().quiz();
        Label question = robot.lookup("#" + QuizBar.QUESTION_ID).queryAs(Label.class);
        Label votes = robot.lookup("#" + QuizBar.VOTES_ID).queryAs(Label.class);
        Label score = robot.lookup("#" + QuizBar.SCORE_ID).queryAs(Label.class);
        robot.clickOn(window.cell().canvas()).type(KeyCode.Q).type(KeyCode.T);
        await(() -> window.viewProperty().get() == window.training());
        // A comparison small enough for a test, long enough (several seconds) for the class to vote while it trains.
        robot.interact(() -> window.training().showSettings(TrainingConfig.defaults("lstm", 16)
                .with(TrainingSetting.EXAMPLES, 3000).with(TrainingSetting.EPOCHS, 2).with(TrainingSetting.BATCH, 30)));
        robot.clickOn("#compare");
        // Paused while the class votes: on an idle machine these four small models train in under a second.
        // A pause pressed before the first model is built is kept for it.
        robot.interact(() -> ((javafx.scene.control.Button) window.training().lookup("#pause")).fire());
        await(() -> quiz.pending() != null);
        // The target is the one the comparison trains the cells to (its stopping accuracy), in percent.
        double target = new io.gatescope.train.Comparison(TrainingConfig.defaults(), java.util.List.of("lstm")).config("lstm").untilAccuracy();
        assertThat(question.getText()).isEqualTo("Which cell will reach " + Math.round(100 * target)
                + " % of the validation sums first, in fewer epochs?");
        assertThat(window.training().comparisonResults()).as("asked before the results").isEmpty();
        robot.type(KeyCode.A).type(KeyCode.B).type(KeyCode.B);
        awaitText(votes, "A: LSTM (1)   B: GRU (2)   → reveals");
        robot.type(KeyCode.RIGHT);
        assertThat(quiz.pending()).as("→ cannot reveal what is still training").isNotNull();
        javafx.scene.control.Button resume = (javafx.scene.control.Button) window.training().lookup("#resume");
        await(() -> !resume.isDisabled());
        robot.interact(resume::fire);

        // Four models one after another on a busy machine: more time than a trace needs.
        org.testfx.util.WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.training().comparisonResults().isEmpty() && quiz.pending() == null);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        var results = window.training().comparisonResults();
        String expected = "LSTM: " + reached(results, "lstm") + ", GRU: " + reached(results, "gru");
        assertThat(question.getText()).endsWith(expected);
        assertThat(votes.getText()).isEqualTo("A 1 · B 2");
        if (question.getText().startsWith("neither reached it")) {
            assertThat(score.getText()).as("no right answer, no score").isEqualTo("score 0 / 0");
        } else {
            assertThat(score.getText()).isIn("score 0 / 1", "score 1 / 1");
        }
    }

    /**
     * Waits until {@code label} reads {@code expected}, then asserts it: a key typed on a loaded machine
     * may still be on its way to the window when the robot returns, so the votes are read once counted.
     */
    private void awaitText(Label label, String expected) throws Exception {
        try {
            await(() -> expected.equals(label.getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            // fall through: the assertion below says what the label reads instead
        }
        assertThat(label.getText()).isEqualTo(expected);
    }

    private static String reached(java.util.List<io.gatescope.train.Comparison.Result> results, String cell) {
        var r = results.stream().filter(x -> x.cell().equals(cell)).findFirst().orElseThrow();
        if (r.last().state() != io.gatescope.train.Trainer.State.TARGET_REACHED) return "not reached";
        long epochs = (long) r.last().epochProgress();
        return "after " + epochs + (epochs == 1 ? " epoch" : " epochs");
    }
}
