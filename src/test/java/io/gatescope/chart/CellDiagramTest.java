package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.chart.DiagramPart.Type;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CellDiagramTest {
    private static final int UNIT = 3;
    private final ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(2).withSelectedUnit(UNIT);

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU", "GRU_SIMPLE", "RNN_TANH"})
    void everyGateBoxShowsTheSelectedUnitsValueInItsScalesColour(CellKind kind) {
        ModelTrace trace = Fixtures.model(kind, 8);
        StepTrace step = new TimeAxis(trace).step(2, 0);
        CellDiagram diagram = CellDiagram.of(trace, 0, false, style);
        BufferedImage image = Pixels.render(diagram);
        for (int b = 0; b < kind.blocks(); b++) {
            DiagramPart gate = DiagramPart.gate(b);
            assertThat(diagram.value(gate)).isEqualTo(step.gate(b, UNIT));
            Rectangle2D box = diagram.bounds(gate).orElseThrow();
            Pixels.assertColour(Pixels.fillOf(image, box), diagram.scale(gate).orElseThrow().colour(step.gate(b, UNIT)));
            assertThat(diagram.elementAt(box.getCenterX(), box.getCenterY())).contains(gate);
        }
        DiagramPart h = DiagramPart.of(Type.HIDDEN_STATE);
        assertThat(diagram.value(h)).isEqualTo(step.h(UNIT));
        Pixels.assertColour(Pixels.fillOf(image, diagram.bounds(h).orElseThrow()),
                diagram.scale(h).orElseThrow().colour(step.h(UNIT)));
        assertThat(diagram.elementAt(1, image.getHeight() - 2)).isEmpty();
    }

    @Test
    void withoutASelectedUnitBoxesShowTheMeanOverUnits() {
        StepTrace step = Fixtures.lstmUnit3();
        CellDiagram diagram = new CellDiagram(CellKind.LSTM, step, "t = 1", "6", false, 1, ChartStyle.DEFAULT);
        double mean = (step.gate(1, 0) + step.gate(1, 1) + step.gate(1, 2) + step.gate(1, 3)) / 4;
        assertThat(diagram.value(DiagramPart.gate(1))).isEqualTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(diagram.describe(DiagramPart.gate(1))).startsWith("forget gate f: mean over 4 units = ");
        assertThat(diagram.describe(DiagramPart.of(Type.INPUT))).isEqualTo("input xt: reads \"6\"");
    }

    /**
     * Issue 7: the plain RNN was a large empty box with a small tanh. It is drawn as lectures draw it:
     * h_{t−1} from the left and x_t from below meet and enter one large tanh layer in the middle of a
     * cell as large as the LSTM's; h_t leaves it to the right.
     */
    @Test
    void aPlainRnnIsOneLargeLayerThatHPrevAndXFeedAndHLeaves() {
        CellDiagram rnn = CellDiagram.of(Fixtures.model(CellKind.RNN_TANH, 8), 0, false, style);
        CellDiagram lstm = CellDiagram.of(Fixtures.model(CellKind.LSTM, 8), 0, false, style);
        assertThat(rnn.preferredSize()).isEqualTo(lstm.preferredSize());
        BufferedImage image = Pixels.render(rnn);
        Pixels.render(lstm);
        Rectangle2D layer = rnn.bounds(DiagramPart.gate(0)).orElseThrow();
        Rectangle2D hPrev = rnn.bounds(DiagramPart.of(Type.PREVIOUS_HIDDEN)).orElseThrow();
        Rectangle2D x = rnn.bounds(DiagramPart.of(Type.INPUT)).orElseThrow();
        Rectangle2D h = rnn.bounds(DiagramPart.of(Type.HIDDEN_STATE)).orElseThrow();
        Rectangle2D lstmGate = lstm.bounds(DiagramPart.gate(1)).orElseThrow();
        // Large: several LSTM gates' area, a fifth of the width, and centred in the height.
        assertThat(layer.getWidth() * layer.getHeight()).isGreaterThan(3 * lstmGate.getWidth() * lstmGate.getHeight());
        assertThat(layer.getWidth()).isGreaterThan(0.2 * image.getWidth());
        assertThat(layer.getCenterY()).isBetween(image.getHeight() / 3.0, 2 * image.getHeight() / 3.0);
        // One row: h_{t−1} → layer → h_t, joined by wires.
        assertThat(hPrev.getCenterY()).isEqualTo(layer.getCenterY(), within(0.5));
        assertThat(h.getCenterY()).isEqualTo(layer.getCenterY(), within(0.5));
        assertThat(hPrev.getMaxX()).isLessThan(layer.getMinX());
        assertThat(h.getMinX()).isGreaterThan(layer.getMaxX());
        Color wire = style.theme().wire();
        assertThat(Pixels.near(image, (hPrev.getMaxX() + layer.getMinX()) / 2, layer.getCenterY(), 1, wire)).isTrue();
        assertThat(Pixels.near(image, (layer.getMaxX() + h.getMinX()) / 2, layer.getCenterY(), 1, wire)).isTrue();
        // x_t below, rising into the row before the layer.
        assertThat(x.getMinY()).isGreaterThan(layer.getMaxY());
        assertThat(x.getCenterX()).isLessThan(layer.getMinX());
        assertThat(Pixels.near(image, x.getCenterX(), (x.getMinY() + layer.getCenterY()) / 2, 1, wire)).isTrue();
        // Coloured by the selected unit's value.
        Pixels.assertColour(Pixels.fillOf(image, layer), rnn.scale(DiagramPart.gate(0)).orElseThrow()
                .colour(rnn.value(DiagramPart.gate(0))));
    }

    /** Issue 7: a mean is labelled as one, in the title's size; a selected unit is named. */
    @Test
    void aMeanIsLabelledAsAMeanInLargeType() {
        ModelTrace trace = Fixtures.model(CellKind.LSTM, 8);
        CellDiagram mean = CellDiagram.of(trace, 0, false, style.withSelectedUnit(ChartStyle.NO_UNIT));
        assertThat(mean.shownUnits()).isEqualTo("mean over 8 units");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("font-size: ([0-9.]+)px;[^>]*>mean over 8 units<")
                .matcher(ChartExport.svgDocument(mean));
        assertThat(m.find()).as("the mean's label is drawn").isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(style.titleFont().getSize2D())
                .isGreaterThan(style.bodyFont().getSize2D());
        CellDiagram one = CellDiagram.of(trace, 0, false, style);
        assertThat(one.shownUnits()).isEqualTo("unit 3");
        assertThat(ChartExport.svgDocument(one)).contains(">unit 3<").doesNotContain("mean over");
    }

    @Test
    void statesAndGatesAreAllPointable() {
        CellDiagram lstm = CellDiagram.of(Fixtures.model(CellKind.LSTM, 8), 0, false, style);
        for (Type type : Type.values()) {
            DiagramPart part = type == Type.GATE ? DiagramPart.gate(3) : DiagramPart.of(type);
            Rectangle2D box = lstm.bounds(part).orElseThrow();
            assertThat(lstm.elementAt(box.getCenterX(), box.getCenterY())).contains(part);
        }
        CellDiagram gru = CellDiagram.of(Fixtures.model(CellKind.GRU, 8), 0, false, style);
        assertThat(gru.bounds(DiagramPart.of(Type.CELL_STATE))).isEmpty();
        assertThat(gru.describe(DiagramPart.gate(0))).isEqualTo("reset gate r: unit 3 = "
                + Equations.number(gru.value(DiagramPart.gate(0))) + " (" + Notation.fullPrecision(gru.value(DiagramPart.gate(0))) + ")");
    }

    @Test
    void subStepsRevealTheFlowInOrder() {
        assertThat(CellKind.LSTM.anatomy().subStepCount()).isEqualTo(5);
        assertThat(CellKind.GRU.anatomy().subStepCount()).isEqualTo(5);
        assertThat(CellKind.GRU_SIMPLE.anatomy().subStepCount()).isEqualTo(4);
        assertThat(CellKind.RNN_RELU.anatomy().subStepCount()).isEqualTo(2);
        assertThat(Notation.PYTORCH.subStepName(CellKind.LSTM, 1)).isEqualTo("forget gate");
        assertThat(Notation.PYTORCH.subStepName(CellKind.GRU, 1)).isEqualTo("reset gate");

        ChartStyle forgetStep = style.withSubStep(1);
        CellDiagram diagram = CellDiagram.of(Fixtures.model(CellKind.LSTM, 8), 0, false, forgetStep);
        BufferedImage image = Pixels.render(diagram);
        Rectangle2D forget = diagram.bounds(DiagramPart.gate(1)).orElseThrow();
        Rectangle2D output = diagram.bounds(DiagramPart.gate(3)).orElseThrow();
        Rectangle2D input = diagram.bounds(DiagramPart.gate(0)).orElseThrow();
        Color highlight = forgetStep.theme().highlight();
        // The forget gate is the active element: its real colour and an outline.
        Pixels.assertColour(Pixels.fillOf(image, forget), diagram.scale(DiagramPart.gate(1)).orElseThrow()
                .colour(diagram.value(DiagramPart.gate(1))));
        assertThat(Pixels.near(image, forget.getX(), forget.getCenterY(), 2, highlight)).isTrue();
        // The output and input gates are not computed yet: faded, no value colour, no outline.
        Color faded = ColourScales.dim(forgetStep.theme().panel(), forgetStep.theme());
        Pixels.assertColour(Pixels.fillOf(image, output), faded);
        Pixels.assertColour(Pixels.fillOf(image, input), faded);
        assertThat(Pixels.near(image, output.getX(), output.getCenterY(), 2, highlight)).isFalse();
        assertThat(ChartExport.svgDocument(diagram)).contains("2/5\u2002forget gate");
    }

    @Test
    void theWholeStepHasNoEmphasis() {
        CellDiagram diagram = CellDiagram.of(Fixtures.model(CellKind.GRU, 8), 0, false, style);
        BufferedImage image = Pixels.render(diagram);
        for (int b = 0; b < 3; b++) {
            Rectangle2D box = diagram.bounds(DiagramPart.gate(b)).orElseThrow();
            assertThat(Pixels.near(image, box.getX(), box.getCenterY(), 2, style.theme().highlight())).isFalse();
        }
    }

    @Test
    void labelsFollowTheNotation() {
        ModelTrace trace = Fixtures.model(CellKind.LSTM, 8);
        String pytorch = ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style));
        String ng = ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style.withNotation(Notation.NG)));
        String interview = ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style.withNotation(Notation.INTERVIEW)));
        assertThat(pytorch).contains(">g<", ">f<", ">σ<", ">tanh<").doesNotContain("Γ", "c′");
        assertThat(ng).contains(">Γ<", ">c̃<", "⟨t−1⟩");
        assertThat(interview).contains(">c′<", ">u<", ">i−1<");
        double forget = new TimeAxis(trace).step(2, 0).gate(1, UNIT);
        assertThat(pytorch).contains(">" + String.format(java.util.Locale.ROOT, "%.2f", forget).replace('-', '−') + "<");
    }

    @Test
    void peepholesAreDashedLinesOnlyWhenAsked() {
        ModelTrace trace = Fixtures.model(CellKind.LSTM, 8);
        assertThat(ChartExport.svgDocument(CellDiagram.of(trace, 0, true, style))).contains("stroke-dasharray");
        assertThat(ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style))).doesNotContain("stroke-dasharray");
        assertThatThrownBy(() -> CellDiagram.of(Fixtures.model(CellKind.GRU, 8), 0, true, style))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only for the LSTM");
    }

    @Test
    void theInputCharacterIsShownOnlyWhereXIsACharacter() {
        ModelTrace trace = Fixtures.model(CellKind.LSTM, 8);
        assertThat(ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style))).contains("“+”");
        assertThat(ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style.withCurrentStep(6)))).doesNotContain("“");
    }
}
