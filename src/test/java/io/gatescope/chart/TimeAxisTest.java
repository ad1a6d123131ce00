package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import org.junit.jupiter.api.Test;

/**
 * Time has one numbering a user reads: t = 1..T within each sequence, in the notation's letter,
 * and every view that prints a time gets it from {@link TimeAxis}.
 */
class TimeAxisTest {
    private final TimeAxis seeds = new TimeAxis(Fixtures.model(CellKind.LSTM, 4));   // "67+60" → "127"

    @Test
    void encoderAndDecoderEachCountFromOne() {
        assertThat(seeds.number(0)).isEqualTo(1);
        assertThat(seeds.number(4)).isEqualTo(5);
        assertThat(seeds.number(5)).isEqualTo(1);                 // the decoder's first step
        assertThat(seeds.localIndex(6)).isEqualTo(1);
        assertThat(seeds.sequenceLength(6)).isEqualTo(3);
        assertThat(seeds.when(2, Notation.PYTORCH)).isEqualTo("encoder t = 3");
        assertThat(seeds.when(6, Notation.INTERVIEW)).isEqualTo("decoder i = 2");
        assertThat(TimeAxis.numberOf(7)).isEqualTo(8);           // a table row or a file's step index 7
    }

    @Test
    void theStatusLineSaysWhenAndWhat() {
        assertThat(seeds.describe(2, Notation.PYTORCH)).isEqualTo("Encoder t = 3 of 5 · reads '+'");
        assertThat(seeds.describe(5, Notation.NG)).isEqualTo("Decoder t = 1 of 3 · predicts '1'");
        TimeAxis plain = new TimeAxis(Fixtures.encoderOnly(CellKind.GRU, 4));
        assertThat(plain.describe(3, Notation.INTERVIEW)).isEqualTo("i = 4 of 5 · reads '6'");
        assertThat(plain.section(3)).isEmpty();
    }

    @Test
    void theDiagramAndTheUnrolledViewPrintTheSameTime() {
        ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(6);
        var trace = Fixtures.model(CellKind.GRU, 4);
        String diagram = ChartExport.svgDocument(CellDiagram.of(trace, 0, false, style));
        String unrolled = ChartExport.svgDocument(UnrolledView.of(trace, 0, style));
        assertThat(diagram).contains("decoder t = 2");
        assertThat(unrolled).contains(">t = 2<").doesNotContain(">t = 0<", ">t = 6<");
    }
}
