package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import io.gatescope.train.TrainingHistory;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every view shows a run that overflowed as such: NaN, +∞ and −∞ are painted in
 * {@link ColourScales#NOT_FINITE} at their place and written NaN, ∞, −∞ — never a crash, never the
 * colour of a large value, never "Infinity". The trace is an LSTM whose encoder step 2 holds NaN in
 * unit 0, +∞ in unit 1 and −∞ in unit 2 (h, c and the forget gate); unit 3 stays finite.
 */
class NotFiniteValuesTest {
    private static final int STEP = 2;
    private static final double[] VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.25};
    private static final String[] WORDS = {"NaN", "∞", "−∞"};
    private static final Color GREY = ColourScales.NOT_FINITE;
    private final ModelTrace trace = overflowed();

    /** Fixtures' LSTM run with step 2 of the encoder replaced by one holding the three values. */
    private static ModelTrace overflowed() {
        ModelTrace fine = Fixtures.model(CellKind.LSTM, 4);
        LayerTrace layer = fine.encoder().layers().get(0);
        StepTrace s = layer.step(STEP);
        double[] gates = s.gatesCopy();
        System.arraycopy(VALUES, 0, gates, 4, 4);               // the forget gate, block 1
        List<StepTrace> steps = new ArrayList<>(layer.steps());
        steps.set(STEP, new StepTrace(s.xCopy(), s.hPrevCopy(), s.cPrevCopy(), s.preactivationCopy(), gates, VALUES.clone(), VALUES.clone()));
        SequenceTrace encoder = new SequenceTrace(List.of(new LayerTrace(CellKind.LSTM, layer.inputSize(), 4, steps)));
        double[][] p = new double[3][];
        for (int d = 0; d < 3; d++) p[d] = fine.probabilities(d).clone();
        p[0][1] = Double.NaN;                                   // the predicted '1' of the first decoder step
        return new ModelTrace(fine.inputLabels(), encoder, fine.decoder(), p, fine.outputLabels(), fine.vocabulary());
    }

    private static ChartStyle style(int unit) {
        return ChartStyle.DEFAULT.withCurrentStep(STEP).withSelectedUnit(unit);
    }

    @Test
    void theRuleItself() {
        ColourScale scale = ColourScales.of(ColourScales.Palette.VIRIDIS).diverging(1);
        for (double v : VALUES) {
            if (!Double.isFinite(v)) assertThat(scale.colour(v)).isEqualTo(GREY);
        }
        assertThat(scale.colour(1e300)).isEqualTo(scale.colour(1)).isNotEqualTo(GREY);
        assertThat(List.of(Numbers.fixed(Double.NaN, 3), Numbers.fixed(Double.POSITIVE_INFINITY, 2), Numbers.significant(Double.NEGATIVE_INFINITY),
                Numbers.exact(Double.POSITIVE_INFINITY), Numbers.fixed(-0.0001, 3), Numbers.fixed(-0.113, 3)))
                .containsExactly("NaN", "∞", "−∞", "∞", "0.000", "−0.113");
    }

    @Test
    void heatmapCellsAndTheirLegend() {
        Heatmap map = Heatmap.of(trace, 0, Quantity.hiddenState(), style(3));
        BufferedImage image = Pixels.render(map);
        for (int u = 0; u < 3; u++) Pixels.assertColour(Pixels.fillOf(image, map.cellBounds(STEP, u)), GREY);
        assertThat(Pixels.close(Pixels.fillOf(image, map.cellBounds(STEP, 3)), GREY, 20)).isFalse();
        // Finite neighbours keep a scale from the finite data, not one stretched to infinity.
        assertThat(map.scale().max()).isFinite().isLessThan(10);
        assertThat(map.notFiniteKey()).contains("NaN, ∞, −∞");
        Rectangle2D swatch = map.notFiniteSwatch().orElseThrow();
        Pixels.assertColour(Pixels.at(image, swatch.getCenterX(), swatch.getCenterY()), GREY);
        assertThat(ChartExport.svgDocument(map)).contains(">NaN, ∞, −∞<");
        assertThat(Heatmap.of(Fixtures.model(CellKind.LSTM, 4), 0, Quantity.hiddenState(), style(3)).notFiniteKey()).isEmpty();
    }

    @Test
    void vectorStripsSquaresAndTheSelectedValue() {
        for (int u = 0; u < 3; u++) {
            UnitStrip strip = UnitStrip.of(CellKind.LSTM, trace.encoder().layers().get(0).step(STEP), Quantity.gate(1), 1, style(u));
            BufferedImage image = Pixels.render(strip);
            Rectangle2D box = strip.unitBounds(u);
            Pixels.assertColour(Pixels.at(image, box.getCenterX(), box.getCenterY()), GREY);
            assertThat(ChartExport.svgDocument(strip)).contains(">#" + u + " " + WORDS[u] + "<");
        }
    }

    @Test
    void cellDiagramBoxesTheirNumbersAndHover() {
        for (int u = 0; u < 3; u++) {
            CellDiagram diagram = CellDiagram.of(trace, 0, false, style(u));
            BufferedImage image = Pixels.render(diagram);
            for (DiagramPart part : List.of(DiagramPart.of(DiagramPart.Type.HIDDEN_STATE), DiagramPart.of(DiagramPart.Type.CELL_STATE), DiagramPart.gate(1))) {
                Rectangle2D box = diagram.bounds(part).orElseThrow();
                Pixels.assertColour(Pixels.fillOf(image, box), GREY);
                assertThat(diagram.describe(part)).endsWith("= " + WORDS[u] + " (" + WORDS[u] + ")");
            }
            assertThat(ChartExport.svgDocument(diagram)).contains(">" + WORDS[u] + "<");
        }
    }

    @Test
    void unrolledViewMarksTheStepAndTheProbability() {
        UnrolledView view = UnrolledView.of(trace, 0, style(0).withCurrentStep(0));
        BufferedImage image = Pixels.render(view);
        Pixels.assertColour(Pixels.fillOf(image, view.cellBounds(STEP)), GREY);
        assertThat(Pixels.close(Pixels.fillOf(image, view.cellBounds(STEP + 1)), GREY, 20)).isFalse();
        String svg = ChartExport.svgDocument(view);
        assertThat(svg).contains(">h: NaN<").contains(">p = NaN<");
    }

    @Test
    void equationsWriteTheValuesOnTheirOwnColour() {
        for (int u = 0; u < 3; u++) {
            EquationSheet sheet = EquationSheet.of(trace, 0, false, style(u), null);
            String word = WORDS[u];
            assertThat(sheet.unitEquations()).anyMatch(line -> line.endsWith("= " + word));
            assertThat(Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.hiddenState(), trace.encoder().layers().get(0).step(STEP), u))
                    .endsWith("= " + WORDS[u]);
            BufferedImage image = Pixels.render(sheet);
            List<Rectangle2D> bands = sheet.notFiniteBounds(sheet.preferredSize().width());
            assertThat(bands).isNotEmpty();
            Rectangle2D band = bands.get(0);
            Pixels.assertColour(Pixels.at(image, band.getMaxX() - 3, band.getY() + 2), GREY);
        }
        EquationSheet fine = EquationSheet.of(trace, 0, false, style(3), null);
        assertThat(fine.notFiniteBounds(fine.preferredSize().width())).isEmpty();
    }

    @Test
    void gradientChartsMarkTheValuesOnTheEdge() {
        GradientPlot plot = new GradientPlot("norms", "k", "k", "‖∂L/∂h_k‖", List.of(new GradientPlot.Series("RNN", "",
                new Color(0xd55e00), false, new double[] {0, 1, 2, 3}, new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.1})),
                List.of(), ChartStyle.DEFAULT);
        BufferedImage image = ChartExport.image(plot, 2);
        for (int i = 1; i <= 2; i++) {
            GradientPlot.Placed p = plot.placed(0, i);
            assertThat(p.marked()).isTrue();
            Pixels.assertColour(Pixels.at(image, 2 * p.x(), 2 * (p.y() + 2)), GREY, 12);
        }
        assertThat(ChartExport.svgDocument(plot)).contains(">NaN<").contains(">∞<");
        GradientPlot.Placed nan = plot.placed(0, 1);
        assertThat(plot.describe(nan.x(), nan.y() + 20)).hasValueSatisfying(t -> assertThat(t).contains("RNN: NaN"));
    }

    @Test
    void trainingCurvesMarkTheValuesOnTheEdge() {
        List<TrainingHistory.Point> points = List.of(
                new TrainingHistory.Point(0.5, 2.0, Double.NaN, Double.NaN, Double.NaN),
                new TrainingHistory.Point(1.0, 1.5, 1.4, 0.5, 0.2),
                new TrainingHistory.Point(1.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                new TrainingHistory.Point(2.0, 1.2, Double.POSITIVE_INFINITY, 0.6, 0.3));
        TrainingCurves curves = new TrainingCurves(List.of(new TrainingCurves.Series("LSTM 8", points)), false, 0, ChartStyle.DEFAULT);
        BufferedImage image = ChartExport.image(curves, 2);
        String svg = ChartExport.svgDocument(curves);
        assertThat(svg).contains(">NaN<").contains(">∞<");
        double[] nan = curves.overflowAt(0, 0), inf = curves.overflowAt(0, 1);
        for (double[] at : List.of(nan, inf)) Pixels.assertColour(Pixels.at(image, 2 * at[0], 2 * (at[1] + 2)), GREY, 12);
        assertThat(curves.describe(nan[0], nan[1] + 3)).isEqualTo("LSTM 8 · epoch 1.50 · training loss NaN");
        assertThat(curves.describe(inf[0] - 1, inf[1] + 3)).isEqualTo("LSTM 8 · epoch 2.00 · validation loss ∞");
    }
}
