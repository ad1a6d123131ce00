package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.CellDiagram;
import io.gatescope.chart.DiagramPart;
import io.gatescope.chart.Notation;
import io.gatescope.chart.Quantity;
import io.gatescope.chart.UnitStrip;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.controls.TimeBar;
import java.awt.geom.Rectangle2D;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Stepping, scrubbing, clicking a step and a unit: the highlighted step and the numbers shown follow the engine's trace. */
class TimeNavigationTest extends WindowTestBase {

    @Test
    void keysStepThroughEncoderAndDecoderAndTheNumbersFollow(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace expected = engineTrace(CellKind.LSTM, "67+60");
        Label where = robot.lookup("#" + TimeBar.STEP_LABEL_ID).queryAs(Label.class);
        robot.clickOn(window.cell().canvas());                     // focus outside the text field
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 2);
        assertThat(where.getText()).startsWith("Encoder t = 3 of 5 · reads '+'");
        assertUnitEquationsShow(expected.encoder().top().step(2), 0);

        robot.type(KeyCode.END);
        await(() -> app.stepProperty().get() == 9);
        String lastPrediction = expected.outputLabels().get(4);
        assertThat(where.getText()).startsWith("Decoder t = 5 of 5 · predicts '" + lastPrediction + "'");
        assertUnitEquationsShow(expected.decoder().top().step(4), 0);

        robot.type(KeyCode.LEFT).type(KeyCode.HOME);
        await(() -> app.stepProperty().get() == 0);
        assertThat(where.getText()).startsWith("Encoder t = 1 of 5 · reads '6'");
    }

    @Test
    void scrubbingMovesTheHighlightInEveryChart(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace expected = engineTrace(CellKind.LSTM, "67+60");
        Slider scrubber = robot.lookup("#" + TimeBar.SCRUBBER_ID).queryAs(Slider.class);
        robot.interact(() -> scrubber.setValue(7));
        await(() -> app.stepProperty().get() == 7);

        StepTrace step = expected.decoder().top().step(2);
        assertUnitEquationsShow(step, 0);
        // The cell diagram on screen is redrawn from the cursor: it shows the decoder's step 2, for the
        // same unit as the equations (the window opens on unit 0), and says so in its caption.
        DiagramPart h = DiagramPart.of(DiagramPart.Type.HIDDEN_STATE);
        await(() -> window.cell().canvas().chart() instanceof CellDiagram d && d.value(h) == step.h(0));
        assertThat(((CellDiagram) window.cell().canvas().chart()).shownUnits()).isEqualTo("unit 0");
        assertThat(window.equations().unitEquationTexts()).anySatisfy(l -> assertThat(l).startsWith("h₀")
                .endsWith("= " + shown(((CellDiagram) window.cell().canvas().chart()).value(h))));
        // Clearing the selection shows means, and the diagram labels them as means.
        robot.clickOn(window.cell().canvas()).type(KeyCode.ESCAPE);
        double meanH = java.util.Arrays.stream(step.hCopy()).average().orElseThrow();
        await(() -> window.cell().canvas().chart() instanceof CellDiagram d && Math.abs(d.value(h) - meanH) < 1e-12);
        assertThat(((CellDiagram) window.cell().canvas().chart()).shownUnits()).isEqualTo("mean over 32 units");
        assertThat(robot.lookup("#" + TimeBar.STEP_LABEL_ID).queryAs(Label.class).getText())
                .startsWith("Decoder t = 3 of 5 · predicts '" + expected.outputLabels().get(2) + "'");
    }

    @Test
    void clickingAUnitSelectsItEverywhereAndHoverShowsItsExactValue(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ModelTrace expected = engineTrace(CellKind.LSTM, "67+60");
        // The input gate's strip comes first, so it is in view without scrolling.
        ChartCanvas input = window.strips().canvases().get(window.strips().quantities().indexOf(Quantity.gate(0)));
        await(() -> input.chart() != null);
        Rectangle2D unit5 = ((UnitStrip) input.chart()).unitBounds(5);
        Point2D local = input.chartToLocal(unit5.getCenterX(), unit5.getCenterY());
        Point2D onScreen = input.localToScreen(local.getX(), local.getY());

        robot.moveTo(onScreen);
        await(() -> !input.hoverTextProperty().get().isEmpty());
        double i5 = expected.encoder().top().step(0).gate(0, 5);
        assertThat(input.hoverTextProperty().get())
                .contains("input gate, unit 5")
                .contains("Encoder t = 1 of 5")
                .contains("value = " + i5)
                .contains("i₅ = σ(W").endsWith("= " + shown(i5));

        robot.clickOn(onScreen);
        await(() -> app.selectedUnitProperty().get() == 5);
        assertThat(app.chartStyleBinding().get().selectedUnit()).isEqualTo(5);
        assertThat(window.equations().unitEquationTexts()).anySatisfy(l -> assertThat(l).startsWith("i₅").endsWith(shown(i5)));
        // The cell diagram now prints unit 5's values instead of the mean over units.
        await(() -> window.cell().canvas().chart() != null
                && ((CellDiagram) window.cell().canvas().chart()).value(io.gatescope.chart.DiagramPart.gate(0)) == i5);
    }

    @Test
    void subStepsAdvanceOneKeyAtATimeAndRollIntoTheNextStep(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas());
        int count = CellKind.LSTM.anatomy().subStepCount();
        Label subStep = robot.lookup("#" + io.gatescope.ui.cell.CellPanel.SUBSTEP_LABEL_ID).queryAs(Label.class);
        robot.type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 0);
        assertThat(subStep.getText()).isEqualTo("Sub-step 1/" + count + ": " + Notation.PYTORCH.subStepName(CellKind.LSTM, 0));
        assertThat(window.equations().currentEquationTexts()).isEmpty();      // "inputs" computes nothing
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> app.subStepProperty().get() == 1);
        assertThat(subStep.getText()).contains(Notation.PYTORCH.subStepName(CellKind.LSTM, 1));
        // The forget gate is what this sub-step computes, and its equation is the one marked.
        assertThat(window.equations().currentEquationTexts()).singleElement().asString().startsWith("f₀ = σ(");
        robot.type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 2);
        assertThat(window.equations().currentEquationTexts()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("i₀")).anySatisfy(l -> assertThat(l).startsWith("g₀"));
        for (int i = 3; i < count; i++) robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        await(() -> app.stepProperty().get() == 1 && app.subStepProperty().get() == 0);
        robot.type(KeyCode.UP);
        await(() -> app.stepProperty().get() == 0 && app.subStepProperty().get() == count - 1);
        robot.type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 1 && app.subStepProperty().get() == AppModel.WHOLE_STEP);
        assertThat(subStep.getText()).isEqualTo("Whole step");
    }

    @Test
    void downAdvancesTheSubStepEvenWhenTheClosedModelPickerHasTheFocus(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#" + io.gatescope.ui.controls.ModelPicker.COMBO_ID)
                .queryAs(javafx.scene.control.ComboBox.class);
        Object model = picker.getValue();
        robot.interact(picker::requestFocus);
        robot.type(KeyCode.DOWN);
        await(() -> app.subStepProperty().get() == 0);
        assertThat(picker.getValue()).isSameAs(model);
        assertThat(app.modelProperty().get().kind()).isEqualTo(CellKind.LSTM);
    }

    private void assertUnitEquationsShow(StepTrace step, int unit) {
        assertThat(window.equations().unitEquationTexts())
                .anySatisfy(l -> assertThat(l).startsWith("i" + sub(unit)).endsWith("= " + shown(step.gate(0, unit))))
                .anySatisfy(l -> assertThat(l).startsWith("c" + sub(unit)).endsWith("= " + shown(step.c(unit))))
                .anySatisfy(l -> assertThat(l).startsWith("h" + sub(unit)).endsWith("= " + shown(step.h(unit))));
    }

    private static String sub(int unit) {
        return io.gatescope.engine.Traces.subscript(unit);
    }
}
