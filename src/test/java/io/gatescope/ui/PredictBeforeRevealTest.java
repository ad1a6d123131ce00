package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
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
        assertThat(votes.getText()).isEqualTo("A: open (2)   B: close (1)   → reveals");
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
}
