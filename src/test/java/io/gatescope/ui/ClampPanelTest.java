package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ChartExport;
import io.gatescope.chart.Notation;
import io.gatescope.chart.UnitStrip;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import io.gatescope.ui.model.ModelLoader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The what-if bar as a lecturer drives it: C holds the forget gate shut, the answer and every mark follow. */
class ClampPanelTest extends WindowTestBase {
    private static final EncoderDecoder MODEL =
            AdditionModels.encoderDecoder(CellKind.LSTM, ModelLoader.UNTRAINED_HIDDEN, ModelLoader.UNTRAINED_SEED);

    @Test
    void cHoldsTheForgetGateShutAndCAgainLetsItRunFree(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ClampPanel panel = window.lecture().clamp();
        assertThat(panel.isVisible()).isFalse();
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);
        await(() -> app.traceProperty().get().encoder().top().anyHeld());

        assertThat(panel.isVisible()).isTrue();
        ModelTrace held = app.traceProperty().get();
        ModelTrace expected = clampedTrace("f=0");
        for (int t = 0; t < held.encoder().length(); t++) {
            assertThat(held.encoder().top().step(t).gateCopy(1)).containsOnly(0.0);
            assertThat(held.encoder().top().step(t).hCopy()).containsExactly(expected.encoder().top().step(t).hCopy());
        }
        assertThat(held.decoder().top().step(0).gateCopy(1)).containsOnly(0.0);
        String clampedAnswer = String.join("", expected.outputLabels());
        String freeAnswer = Evaluation.predict(MODEL, List.of("67+60")).get(0);
        Label answer = robot.lookup("#" + ClampPanel.ANSWER_ID).queryAs(Label.class);
        await(() -> answer.getText().equals("held: " + clampedAnswer + "   as trained: " + freeAnswer));

        // The vectors panel marks every square of f with the corner; i runs free and has none.
        assertThat(cornerIsMarked(stripOf(1), 0)).isTrue();
        assertThat(cornerIsMarked(stripOf(0), 0)).isFalse();

        robot.type(KeyCode.C);
        await(() -> !app.traceProperty().get().encoder().top().anyHeld());
        assertThat(app.clampsProperty().get().isEmpty()).isTrue();
        assertThat(app.traceProperty().get().encoder().top().step(2).gateCopy(1)).doesNotContain(0.0);
        assertThat(answer.getText()).isEmpty();
        assertThat(cornerIsMarked(stripOf(1), 0)).isFalse();
    }

    @Test
    void aBadValueSaysWhatIsAcceptedAndKeepsTheLastClamp(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);
        await(() -> app.traceProperty().get().encoder().top().anyHeld());
        TextField value = robot.lookup("#" + ClampPanel.VALUE_ID).queryAs(TextField.class);
        robot.interact(() -> value.setText("0.5"));
        await(() -> app.traceProperty().get().encoder().top().step(0).gateCopy(1)[0] == 0.5);

        robot.interact(() -> value.setText("half"));
        Label message = robot.lookup("#" + ClampPanel.MESSAGE_ID).queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("'half' is not a number; type one such as 0, 0.5 or 1");
        assertThat(app.clampsProperty().get().clamps().get(0).value()).isEqualTo(0.5);
        assertThat(app.traceProperty().get().encoder().top().step(0).gateCopy(1)[0]).isEqualTo(0.5);

        robot.interact(() -> value.setText("1"));
        await(() -> app.traceProperty().get().encoder().top().step(0).gateCopy(1)[0] == 1.0);
        assertThat(message.getText()).isEmpty();
    }

    @Test
    void theBarShowsTheWindowsStepsWhileTheClampCountsFromZero(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);
        @SuppressWarnings("unchecked")
        ChoiceBox<ClampPanel.Scope> steps = robot.lookup("#" + ClampPanel.STEPS_ID).queryAs(ChoiceBox.class);
        org.controlsfx.control.RangeSlider range = robot.lookup("#" + ClampPanel.STEP_RANGE_ID).queryAs(org.controlsfx.control.RangeSlider.class);
        Label text = robot.lookup("#" + ClampPanel.STEP_TEXT_ID).queryAs(Label.class);
        robot.interact(() -> {
            steps.setValue(ClampPanel.Scope.RANGE);
            range.setHighValue(3);
            range.setLowValue(1);
        });
        // Index 1..3 is what the window's time bar and unrolled view call t = 2..4.
        await(() -> text.getText().equals("t = 2–4"));
        await(() -> app.traceProperty().get().encoder().top().isHeld(1, 1, 0) && !app.traceProperty().get().encoder().top().isHeld(0, 1, 0));
        ModelTrace t = app.traceProperty().get();
        io.gatescope.chart.TimeAxis axis = new io.gatescope.chart.TimeAxis(t);
        assertThat(axis.stepName(1, Notation.PYTORCH)).isEqualTo("t = 2");
        assertThat(t.encoder().top().isHeld(3, 1, 0)).isTrue();
        assertThat(t.encoder().top().isHeld(4, 1, 0)).isFalse();
        assertThat(ClampSpec.of(window.lecture().clamp().clamp(), CellKind.LSTM).format()).as("the command line's spec").isEqualTo("f=0@1-3");
        assertThat(range.getLabelFormatter().toString(0)).as("the slider's first tick").isEqualTo("1");
        robot.interact(() -> range.setLowValue(3));
        await(() -> text.getText().equals("t = 4"));
    }

    @Test
    void theSelectedUnitOfTheDecoderAlone(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);
        @SuppressWarnings("unchecked")
        ChoiceBox<ClampPanel.Scope> units = robot.lookup("#" + ClampPanel.UNITS_ID).queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<io.gatescope.engine.GateClamp.Where> where = robot.lookup("#" + ClampPanel.WHERE_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> {
            app.selectUnit(-1);                      // the window opens on unit 0; clear it first
            units.setValue(ClampPanel.Scope.SELECTED);
        });
        Label message = robot.lookup("#" + ClampPanel.MESSAGE_ID).queryAs(Label.class);
        assertThat(message.getText()).startsWith("select a unit first");

        robot.interact(() -> {
            app.selectUnit(3);
            where.setValue(io.gatescope.engine.GateClamp.Where.DECODER);
        });
        await(() -> app.traceProperty().get().decoder().top().isHeld(0, 1, 3) && !app.traceProperty().get().encoder().top().anyHeld());
        ModelTrace t = app.traceProperty().get();
        assertThat(t.decoder().top().isHeld(0, 1, 2)).isFalse();
        assertThat(t.decoder().top().step(4).gateCopy(1)[3]).isZero();
        assertThat(message.getText()).isEmpty();
        assertThat(t.decoder().top().step(0).hCopy()).containsExactly(clampedTrace("decoder.f=0#3").decoder().top().step(0).hCopy());
    }

    @Test
    void gatesAreNamedInTheCurrentNotation(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> gate = robot.lookup("#" + ClampPanel.GATE_ID).queryAs(ComboBox.class);
        assertThat(gate.getConverter().toString(gate.getValue())).isEqualTo("f — forget gate");
        robot.interact(() -> app.view().notationProperty().set(Notation.NG));
        assertThat(gate.getConverter().toString(gate.getValue())).isEqualTo("Γf — forget gate");
        assertThat(gate.getItems()).hasSize(4);
    }

    private ModelTrace clampedTrace(String spec) {
        return AdditionModels.trace(MODEL, AdditionTask.parse("67+60").example().orElseThrow(),
                GateClamps.of(ClampSpec.parse(spec).toClamp(CellKind.LSTM)));
    }

    private UnitStrip stripOf(int block) {
        int i = window.strips().quantities().indexOf(io.gatescope.chart.Quantity.gate(block));
        return (UnitStrip) window.strips().canvases().get(i).chart();
    }

    /** Whether the top-right corner of the unit's square is painted in the text colour (the held mark). */
    private static boolean cornerIsMarked(UnitStrip strip, int unit) throws Exception {
        BufferedImage image = ChartExport.image(strip, 1);
        var box = strip.unitBounds(unit);
        Color corner = new Color(image.getRGB((int) (box.getMaxX() - 2), (int) (box.getMinY() + 2)));
        Color text = io.gatescope.chart.ColourScales.Theme.LIGHT.text();
        return Math.abs(corner.getRed() - text.getRed()) < 40 && Math.abs(corner.getGreen() - text.getGreen()) < 40
                && Math.abs(corner.getBlue() - text.getBlue()) < 40;
    }
}
