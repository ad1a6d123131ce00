package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.input.InputBar;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Typing an input: the trace follows valid input, and invalid input keeps the last valid trace. */
class InputFlowTest extends WindowTestBase {

    @Test
    void typingAValidInputShowsTheEnginesTraceForIt(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        TextField field = robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("12+34");
        awaitTrace("12+34");

        ModelTrace expected = engineTrace(CellKind.LSTM, "12+34");
        Label answer = robot.lookup("#" + InputBar.ANSWER_ID).queryAs(Label.class);
        String predicted = String.join("", expected.outputLabels());
        assertThat(answer.isVisible()).isTrue();
        assertThat(answer.getText()).contains("reads 12+34").contains("answers " + predicted).contains("expected 00046");

        // The equations panel shows unit 0 at the first step: the engine's numbers, rounded as printed.
        StepTrace step = expected.encoder().top().step(0);
        assertThat(window.equations().unitEquationTexts()).anySatisfy(line -> assertThat(line)
                .startsWith("h₀").endsWith("= " + shown(step.h(0))));
        assertThat(window.equations().unitEquationTexts()).anySatisfy(line -> assertThat(line)
                .startsWith("f₀").endsWith("= " + shown(step.gate(1, 0))));
    }

    @Test
    void anInvalidInputShowsTheTasksMessageAndKeepsTheLastValidTrace(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace before = app.traceProperty().get();
        TextField field = robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("12+a");
        Label message = robot.lookup("#" + InputBar.MESSAGE_ID).queryAs(Label.class);
        await(message::isVisible);

        assertThat(message.getText()).isEqualTo(AdditionTask.parse("12+a").error()).contains("'a' is not allowed");
        assertThat(robot.lookup("#" + InputBar.ANSWER_ID).queryAs(Label.class).isVisible()).isFalse();
        assertThat(app.traceProperty().get()).isSameAs(before);
        assertThat(String.join("", app.traceProperty().get().inputLabels())).isEqualTo("67+60");

        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE).write("5");
        awaitTrace("12+5");
        assertThat(message.isVisible()).isFalse();
        assertThat(String.join("", app.traceProperty().get().inputLabels())).isEqualTo("012+5");
    }

    @Test
    void tooLongAndOutOfRangeInputsSayWhatIsAccepted(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        TextField field = robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class);
        Label message = robot.lookup("#" + InputBar.MESSAGE_ID).queryAs(Label.class);
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("100+1");
        await(message::isVisible);
        assertThat(message.getText()).contains("above 99").contains("0 to 99");
        robot.write("2");
        await(() -> message.getText().contains("at most 5"));
        assertThat(field.getText()).isEqualTo("100+12");
    }

    /** A page pasted into the field: the message beside it stays one short line that says how long it was. */
    @Test
    void aPastedPageGetsAShortMessage(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace before = app.traceProperty().get();
        TextField field = robot.lookup("#" + InputBar.FIELD_ID).queryAs(TextField.class);
        Label message = robot.lookup("#" + InputBar.MESSAGE_ID).queryAs(Label.class);
        robot.interact(() -> field.setText("67+60" + "8".repeat(50_000)));
        await(message::isVisible);
        assertThat(message.getText()).contains("50,005 characters, at most 5 fit").doesNotContain("\n").hasSizeLessThan(200);
        assertThat(app.traceProperty().get()).isSameAs(before);
    }
}
