package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Held gate entries carry the corner mark in the heatmap and the cell diagram; free ones never do. */
class HeldMarkTest {
    private static final EncoderDecoder MODEL = AdditionModels.encoderDecoder(CellKind.LSTM, 8, 3);

    private static ModelTrace trace(String spec) {
        return AdditionModels.trace(MODEL, AdditionTask.parse("67+60").example().orElseThrow(),
                GateClamps.of(ClampSpec.parse(spec).toClamp(CellKind.LSTM)));
    }

    @Test
    void theHeatmapMarksExactlyTheHeldCells() {
        // Decoder steps 1-2 (global steps 6-7), units 2-4 of the forget gate.
        Heatmap map = Heatmap.of(trace("decoder.f=0@1-2#2-4"), 0, Quantity.gate(1), ChartStyle.DEFAULT.withoutCursor());
        BufferedImage image = ChartExport.image(map, 1400, 600, 1);
        for (int t = 0; t < 10; t++) {
            for (int u = 0; u < 8; u++) {
                boolean held = (t == 6 || t == 7) && u >= 2 && u <= 4;
                assertThat(marked(image, map.cellBounds(t, u))).as("step %d unit %d", t, u).isEqualTo(held);
            }
        }
        Heatmap input = Heatmap.of(trace("decoder.f=0@1-2#2-4"), 0, Quantity.gate(0), ChartStyle.DEFAULT.withoutCursor());
        BufferedImage other = ChartExport.image(input, 1400, 600, 1);
        assertThat(marked(other, input.cellBounds(6, 2))).as("the input gate ran free").isFalse();
    }

    @Test
    void theUnrolledViewMarksTheStepsWhereAGateWasHeld() {
        for (boolean strip : new boolean[] {false, true}) {
            ModelTrace t = trace("decoder.f=0@1-2#2-4");
            UnrolledView view = strip ? UnrolledView.strip(t, 0, ChartStyle.DEFAULT.withoutCursor())
                    : UnrolledView.of(t, 0, ChartStyle.DEFAULT.withoutCursor());
            BufferedImage image = ChartExport.image(view, 1400, strip ? 120 : 400, 1);
            for (int step = 0; step < 10; step++) {
                boolean held = step == 6 || step == 7;            // decoder steps 1-2 follow the 5 encoder steps
                assertThat(marked(image, view.cellBounds(step))).as("strip %s step %d", strip, step).isEqualTo(held);
            }
        }
        UnrolledView free = UnrolledView.of(AdditionModels.trace(MODEL, AdditionTask.parse("67+60").example().orElseThrow()),
                0, ChartStyle.DEFAULT.withoutCursor());
        BufferedImage image = ChartExport.image(free, 1400, 400, 1);
        assertThat(marked(image, free.cellBounds(6))).as("no clamp, no mark").isFalse();
    }

    @Test
    void theStripMarksTheHeldUnits() {
        var layer = trace("encoder.f=0@1#2-4").encoder().top();
        UnitStrip strip = UnitStrip.of(CellKind.LSTM, layer.step(1), Quantity.gate(1), 1, ChartStyle.DEFAULT)
                .withHeld(HeldMark.units(layer, 1, Quantity.gate(1)));
        BufferedImage image = ChartExport.image(strip, 900, 80, 1);
        for (int u = 0; u < 8; u++) {
            Rectangle2D box = strip.unitBounds(u);
            assertThat(marked(image, new Rectangle2D.Double(box.getX(), box.getY() + 0.5, box.getWidth() - 0.5, box.getHeight())))
                    .as("unit %d", u).isEqualTo(u >= 2 && u <= 4);
        }
        assertThat(HeldMark.units(layer, 2, Quantity.gate(1))).as("step 2 ran free").isNull();
    }

    @Test
    void theCellDiagramSaysWhichGateIsHeld() {
        ChartStyle atStep1 = ChartStyle.DEFAULT.withCurrentStep(1);
        CellDiagram d = CellDiagram.of(trace("encoder.o=1@1#5"), 0, false, atStep1);
        assertThat(d.isHeld(DiagramPart.gate(3))).isTrue();
        assertThat(d.isHeld(DiagramPart.gate(1))).isFalse();
        assertThat(d.describe(DiagramPart.gate(3))).contains("(held by the what-if clamp)");
        assertThat(CellDiagram.of(trace("encoder.o=1@1#5"), 0, false, atStep1.withSelectedUnit(4)).isHeld(DiagramPart.gate(3)))
                .as("unit 4 ran free").isFalse();
        assertThat(CellDiagram.of(trace("encoder.o=1@1#5"), 0, false, ChartStyle.DEFAULT.withCurrentStep(2))
                .isHeld(DiagramPart.gate(3))).as("step 2 ran free").isFalse();
    }

    @Test
    void theUnitEquationSaysWhatTheGateWasHeldAt() {
        var step = trace("encoder.f=0@1#5").encoder().top().step(1);
        String held = Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.gate(1), step, 5);
        assertThat(held).contains("held at 0.000").startsWith("f₅ = σ(");
        String free = Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.gate(1), step, 4);
        assertThat(free).doesNotContain("held").endsWith(" = " + Equations.number(step.gate(1, 4)));
    }

    private static boolean marked(BufferedImage image, Rectangle2D box) {
        Color c = new Color(image.getRGB((int) (box.getMaxX() - 1), (int) (box.getMinY() + 1)));
        return Pixels.close(c, ColourScales.Theme.LIGHT.text(), 40);
    }
}
