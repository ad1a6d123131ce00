package io.gatescope.cli;

import static io.gatescope.io.Fixtures.assertClose;
import static io.gatescope.io.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --clamp SPEC} on trace and predict, as a user types it. */
class ClampOptionTest {
    private static final String LSTM = Path.of("assets/models/addition-lstm.json").toString();

    @TempDir
    Path dir;

    @Test
    void holdingTheDecodersForgetGateShutBreaksTheCarryOf67Plus60() throws Exception {
        String free = CliRun.of("predict", "--model", LSTM, "--text", "67+60").ok().out().strip();
        String held = CliRun.of("predict", "--model", LSTM, "--text", "67+60", "--clamp", "decoder.f=0").ok().out().strip();
        assertThat(free).isEqualTo("00127");
        assertThat(held).hasSize(5).isNotEqualTo(free);
        // The CLI says what the engine says for the same clamp.
        EncoderDecoder m = (EncoderDecoder) ((ModelFile.Sequence) ModelFiles.load(Path.of(LSTM))).model();
        GateClamps c = GateClamps.of(ClampSpec.parse("decoder.f=0").toClamp(m.kind()));
        assertThat(held).isEqualTo(Evaluation.predict(m, List.of("67+60"), c).get(0));
    }

    @Test
    void repeatedClampsAllHold() throws Exception {
        String one = CliRun.of("predict", "--model", LSTM, "--text", "67+60", "--clamp", "decoder.f=1").ok().out();
        String two = CliRun.of("predict", "--model", LSTM, "--text", "67+60", "--clamp", "decoder.f=1",
                "--clamp", "decoder.o=0@3-4").ok().out();
        assertThat(two).isNotEqualTo(one);
        EncoderDecoder m = (EncoderDecoder) ((ModelFile.Sequence) ModelFiles.load(Path.of(LSTM))).model();
        GateClamps both = new GateClamps(List.of(ClampSpec.parse("decoder.f=1").toClamp(m.kind()),
                ClampSpec.parse("decoder.o=0@3-4").toClamp(m.kind())));
        assertThat(two.strip()).isEqualTo(Evaluation.predict(m, List.of("67+60"), both).get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm_stack", "gru_stack"})
    void aClampedTraceMatchesPyTorch(String name) throws Exception {
        JsonNode f = Fixtures.read(Path.of(getClass().getResource("/fixtures/clamp/" + name + ".json").toURI()));
        ObjectNode model = Fixtures.JSON.createObjectNode();
        model.put("cell", f.get("cell").asText()).put("input_size", 3).put("hidden_size", 4).set("state_dict", f.get("params"));
        List<String> args = new ArrayList<>(List.of("trace", "--model", write("m.json", model), "--input", write("x.json", f.get("x")),
                "--h0", write("h0.json", f.get("h0")), "--grad-h", write("g.json", f.get("grad_h")), "--out", dir.resolve("t.json").toString()));
        if (name.startsWith("lstm")) args.addAll(List.of("--c0", write("c0.json", f.get("c0"))));
        for (JsonNode s : f.get("clamps")) args.addAll(List.of("--clamp", s.asText()));
        CliRun.of(args.toArray(String[]::new)).ok();

        JsonNode trace = Fixtures.read(dir.resolve("t.json"));
        JsonNode top = f.get("encoder").get(1);
        double[][] h = new double[5][];
        for (int t = 0; t < 5; t++) h[t] = flat(top.get("h").get(t));
        assertClose(flat(trace.get("h")), flat(h), 1e-9, "h");
        for (Iterator<Map.Entry<String, JsonNode>> it = f.get("grads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertClose(flat(trace.get("grads").get(e.getKey())), flat(e.getValue()), 1e-9, "grads." + e.getKey());
        }
        // The trace file marks what was held: the first clamp's first entry, and a free one.
        String gate = f.get("cell").asText().equals("lstm") ? "f" : "r";
        assertThat(trace.get("per_layer").get(0).get("held").get(gate).get(1).get(0).asDouble()).isEqualTo(1.0);
        String free = f.get("cell").asText().equals("lstm") ? "o" : "z";
        assertThat(trace.get("per_layer").get(0).get("held").get(free).get(0).get(0).asDouble()).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
        "f|has no '=VALUE'",
        "''|is empty",
        "=0|does not name one gate letter",
        "forget=0|does not name one gate letter",
        "x.f=0|unknown prefix",
        "f=zero|value 'zero' is not a number",
        "f=1e999|not a finite decimal number",
        "f=0@x|steps '@x' must be @N or @N1-N2",
        "f=0@3-1|run backwards",
        "f=0#-2|units '#-2' must be",
        "f=0@9|step 9 (the window's t = 10) is beyond the last step, 4 (t = 5); steps count from 0: step 0 is the window's t = 1",
        "f=0#128|unit 128 is beyond the last unit, 127",
        "decoder.f=0@5|step 5 (the window's t = 6) is beyond the last step, 4 (t = 5)",
        "z=0|has no gate 'z'; its gates are i, f, g, o",
    })
    void aBadSpecIsOneLineAndExitTwo(String spec, String why) {
        CliRun.of("predict", "--model", LSTM, "--text", "67+60", "--clamp", spec)
                .badInput("gatescope predict: --clamp: ", why);
    }

    @Test
    void aBadSpecNamesWhatIsAccepted() {
        CliRun.of("predict", "--model", LSTM, "--text", "67+60", "--clamp", "f:0")
                .badInput("--clamp: clamp 'f:0' has no '=VALUE'; expected GATE=VALUE[@T|@T1-T2][#U|#U1-U2]", "decoder.f=0",
                        "steps and units from 0 (step 0 is the window's t = 1)");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"trace", "predict"})
    void theHelpSaysStepZeroIsTheWindowsFirstStep(String command) {
        String help = CliRun.of(command, "--help").ok().out().replaceAll("\\s+", " ");
        assertThat(help).contains("steps and units from 0, inclusive (step 0 is the window's t = 1)");
    }

    @Test
    void theDenseBaselineAndABareStackSayWhyNot() throws Exception {
        CliRun.of("predict", "--model", Path.of("assets/models/addition-dense.json").toString(), "--text", "67+60",
                "--clamp", "f=0").badInput("the dense baseline has no gates to hold");
        Path f = Fixtures.torch("lstm");
        CliRun.of("trace", "--model", f.resolve("model.json").toString(), "--input", f.resolve("x.json").toString(),
                "--out", dir.resolve("t.json").toString(), "--clamp", "decoder.f=0").badInput("this model has no decoder");
        Path g = Fixtures.torch("rnn_tanh");
        CliRun.of("trace", "--model", g.resolve("model.json").toString(), "--input", g.resolve("x.json").toString(),
                "--out", dir.resolve("t.json").toString(), "--clamp", "h=0").badInput("has no gates to hold");
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    private String write(String file, JsonNode json) {
        Path p = dir.resolve(file);
        Fixtures.write(p, json);
        return p.toString();
    }
}
