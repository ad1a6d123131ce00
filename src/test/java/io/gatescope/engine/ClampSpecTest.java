package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clamp grammar GATE=VALUE[@T|@T1-T2][#U|#U1-U2] with an optional encoder./decoder. prefix. */
class ClampSpecTest {
    @Test
    void theIssuesExamplesRead() {
        GateClamp f = ClampSpec.parse("f=0@2-4").toClamp(CellKind.LSTM);
        assertThat(f).isEqualTo(new GateClamp(GateClamp.Where.BOTH, 1, 0.0, 2, 4, 0, GateClamp.END));
        GateClamp o = ClampSpec.parse("o=1#1-3").toClamp(CellKind.LSTM);
        assertThat(o).isEqualTo(new GateClamp(GateClamp.Where.BOTH, 3, 1.0, 0, GateClamp.END, 1, 3));
        GateClamp d = ClampSpec.parse("decoder.f=0").toClamp(CellKind.LSTM);
        assertThat(d).isEqualTo(GateClamp.everywhere(GateClamp.Where.DECODER, 1, 0.0));
        GateClamp z = ClampSpec.parse("encoder.z=0.25@3#7").toClamp(CellKind.GRU);
        assertThat(z).isEqualTo(new GateClamp(GateClamp.Where.ENCODER, 1, 0.25, 3, 3, 7, 7));
    }

    @ParameterizedTest
    @CsvSource({"f=0@2-4", "o=1#1-3", "decoder.f=0", "encoder.i=0.25@3#7", "g=-0.5@0-1#2-3"})
    void formatReadsBack(String spec) {
        assertThat(ClampSpec.parse(spec).format()).isEqualTo(spec);
        GateClamp c = ClampSpec.parse(spec).toClamp(CellKind.LSTM);
        assertThat(ClampSpec.of(c, CellKind.LSTM).format()).isEqualTo(spec);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "f|has no '=VALUE'",
        "f0|has no '=VALUE'",
        "layer.f=0|unknown prefix",
        "ff=0|does not name one gate letter",
        "F=0|does not name one gate letter",
        "f=open|is not a number",
        "f=NaN|not a finite decimal number",
        "f=Infinity|not a finite decimal number",
        "f=0@|steps '@' must be @N or @N1-N2",
        "f=0@-1|steps '@-1' must be",
        "f=0@2-|steps '@2-' must be",
        "f=0@a|steps '@a'",
        "f=0@4-2|run backwards",
        "f=0#|units '#' must be #N or #N1-N2",
        "f=0#1-2-3|units '#1-2-3'",
        "f=0#3-1|run backwards",
        "f=0@1@2|steps '@1@2'",
    })
    void aBadSpecSaysWhatWasWrongAndWhatIsAccepted(String spec, String why) {
        assertThatThrownBy(() -> ClampSpec.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why).hasMessageNotContaining("\n");
    }

    @Test
    void aLetterTheCellDoesNotHaveNamesTheCellsGates() {
        assertThatThrownBy(() -> ClampSpec.parse("f=0").toClamp(CellKind.GRU))
                .hasMessageContaining("has no gate 'f'").hasMessageContaining("r, z, n");
        assertThatThrownBy(() -> ClampSpec.parse("h=0").toClamp(CellKind.RNN_TANH)).hasMessageContaining("has no gates");
    }

    @Test
    void rangesOutsideTheModelAreProblems() {
        GateClamps c = GateClamps.of(ClampSpec.parse("decoder.f=0@5").toClamp(CellKind.LSTM));
        assertThat(c.problem(CellKind.LSTM, 4, 5, 5)).contains("step 5 (the window's t = 6) is beyond the last step, 4 (t = 5); steps count from 0: step 0 is the window's t = 1");
        assertThat(c.problem(CellKind.LSTM, 4, 5, 0)).contains("no decoder");
        GateClamps u = GateClamps.of(ClampSpec.parse("f=0#4").toClamp(CellKind.LSTM));
        assertThat(u.problem(CellKind.LSTM, 4, 5, 5)).contains("unit 4 is beyond the last unit, 3");
        assertThat(GateClamps.of(ClampSpec.parse("f=0@4#3").toClamp(CellKind.LSTM)).problem(CellKind.LSTM, 4, 5, 5)).isNull();
    }
}
