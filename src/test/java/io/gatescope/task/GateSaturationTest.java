package io.gatescope.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saturation fractions counted in batches equal those counted one trace at a time. */
class GateSaturationTest {
    @Test
    void fractionsMatchCountingEveryTrace() {
        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.LSTM, 6, 5);
        List<String> inputs = GateSaturation.randomSums(300, 9, false);
        GateSaturation.Result r = GateSaturation.of(model, inputs, GateClamps.NONE, () -> false, p -> { });
        assertThat(r.examples()).isEqualTo(300);
        assertThat(r.gates()).extracting(g -> g.stack() + g.block().letter())
                .containsExactly("encoderi", "encoderf", "encodero", "decoderi", "decoderf", "decodero");
        for (GateSaturation.Gate g : r.gates()) {
            long[] left = new long[6], right = new long[6];
            long steps = 0;
            for (String in : inputs) {
                ModelTrace t = AdditionModels.trace(model, AdditionTask.parse(in).example().orElseThrow());
                LayerTrace layer = (g.stack().equals("encoder") ? t.encoder() : t.decoder()).layers().get(g.layer());
                for (int s = 0; s < layer.length(); s++) {
                    for (int u = 0; u < 6; u++) {
                        double v = layer.step(s).gate(g.block().index(), u);
                        if (v < 0.1) left[u]++;
                        if (v > 0.9) right[u]++;
                    }
                    steps++;
                }
            }
            assertThat(g.steps()).isEqualTo(steps);
            for (int u = 0; u < 6; u++) {
                assertThat(g.left()[u]).as(g.stack() + g.block().letter() + " unit " + u).isEqualTo((double) left[u] / steps);
                assertThat(g.right()[u]).isEqualTo((double) right[u] / steps);
            }
        }
    }

    @Test
    void aForgetGateBiasedWideOpenIsAlwaysOpen() {
        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.LSTM, 4, 5);
        double[] bias = model.encoder().layer(0).biasHh().data();
        for (int u = 0; u < 4; u++) bias[4 + u] = 30;       // f block of the encoder
        model.encoder().layer(0).biasHh().touch();
        GateSaturation.Result r = GateSaturation.of(model, GateSaturation.randomSums(50, 1, false), GateClamps.NONE, () -> false, p -> { });
        GateSaturation.Gate f = r.gates().stream().filter(g -> g.stack().equals("encoder") && g.block().letter().equals("f"))
                .findFirst().orElseThrow();
        assertThat(f.alwaysOpen()).containsExactly(0, 1, 2, 3);
        assertThat(f.right()).containsOnly(1.0);
        assertThat(f.alwaysShut()).isEmpty();
    }

    @Test
    void cancellingStopsBetweenBatches() {
        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.GRU, 4, 5);
        int[] batches = {0};
        assertThat(GateSaturation.of(model, GateSaturation.randomSums(1000, 1, false), GateClamps.NONE, () -> batches[0]++ >= 2, p -> { })).isNull();
        assertThat(batches[0]).isEqualTo(3);
    }

    @Test
    void aWhatIfClampIsCountedAsTheClampedRunSawIt() {
        EncoderDecoder model = AdditionModels.encoderDecoder(CellKind.LSTM, 8, 3);
        List<String> inputs = GateSaturation.randomSums(40, 2, false);
        GateClamps shut = GateClamps.of(ClampSpec.parse("decoder.f=0").toClamp(CellKind.LSTM));
        GateSaturation.Result free = GateSaturation.of(model, inputs, GateClamps.NONE, () -> false, p -> { });
        GateSaturation.Result held = GateSaturation.of(model, inputs, shut, () -> false, p -> { });
        GateSaturation.Gate decoderForget = held.gates().stream()
                .filter(g -> g.stack().equals("decoder") && g.block().letter().equals("f")).findFirst().orElseThrow();
        assertThat(decoderForget.left()).containsOnly(1.0);
        assertThat(decoderForget.alwaysShut()).hasSize(8);
        // The encoder runs free either way, so its counts are the model's own.
        for (int g = 0; g < 4; g++) assertThat(held.gates().get(g).right()).containsExactly(free.gates().get(g).right());
    }
}
