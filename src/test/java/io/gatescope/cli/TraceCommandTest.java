package io.gatescope.cli;

import static io.gatescope.io.Fixtures.assertClose;
import static io.gatescope.io.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.io.Fixtures;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gatescope trace, end to end, against what PyTorch computed for the same files. */
class TraceCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn_tanh", "rnn_relu", "lstm_nobias"})
    void traceWithGradientsMatchesPyTorch(String name) {
        Path f = Fixtures.torch(name), out = dir.resolve("t.json");
        boolean lstm = name.startsWith("lstm");
        String[] args = lstm
                ? new String[] {"trace", "--model", s(f, "model.json"), "--input", s(f, "x.json"), "--h0", s(f, "h0.json"),
                    "--c0", s(f, "c0.json"), "--grad-h", s(f, "grad_h.json"), "--out", out.toString()}
                : new String[] {"trace", "--model", s(f, "model.json"), "--input", s(f, "x.json"), "--h0", s(f, "h0.json"),
                    "--grad-h", s(f, "grad_h.json"), "--out", out.toString()};
        assertThat(CliRun.of(args).ok().out()).contains("wrote " + out + ": 5 steps of the", "with gradients");

        JsonNode trace = Fixtures.read(out), expected = Fixtures.read(f.resolve("expected.json"));
        assertClose(flat(trace.get("h")), flat(expected.get("h")), 1e-12, "h");
        for (int k = 0; k < 2; k++) {
            assertClose(flat(trace.get("per_layer").get(k).get("h").get(4)), flat(expected.get("h_n").get(k)), 1e-12, "h_n");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("grads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertClose(flat(trace.get("grads").get(e.getKey())), flat(e.getValue()), 1e-12, "grads." + e.getKey());
        }
    }

    @Test
    void forwardOnlyWithZeroStates() {
        Path f = Fixtures.torch("gru"), out = dir.resolve("t.json");
        CliRun.of("trace", "--model", s(f, "model.json"), "--input", s(f, "x.json"), "--out", out.toString()).ok();
        JsonNode trace = Fixtures.read(out);
        assertThat(trace.has("grads")).isFalse();
        assertThat(trace.get("h")).hasSize(5);
        assertThat(trace.get("gates").get("z")).hasSize(5);
    }

    private static String s(Path dir, String name) {
        return dir.resolve(name).toString();
    }
}
