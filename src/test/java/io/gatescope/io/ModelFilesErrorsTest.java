package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.RecurrentStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a model file can be wrong gives one line naming the file, the field and what was
 * expected. The base cases are a valid one-layer LSTM (input 3, hidden 4) in PyTorch's format and a
 * valid Gatescope encoder–decoder; each case breaks one thing.
 */
class ModelFilesErrorsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> pytorchCases() {
        return Stream.of(
                bad("missing field", f -> f.remove("hidden_size"), "the field hidden_size is missing"),
                bad("null cell", f -> f.putNull("cell"), "cell is null; expected a string"),
                bad("null state_dict", f -> f.putNull("state_dict"), "state_dict is null; expected an object"),
                bad("unknown cell", f -> f.put("cell", "lstmx"),
                        "cell is \"lstmx\"; expected one of rnn_tanh, rnn_relu, lstm, gru, gru_simple"),
                bad("rnn without nonlinearity", f -> f.put("cell", "rnn"), "(nn.RNN is rnn_tanh, or rnn_relu"),
                bad("size not a number", f -> f.put("input_size", "3"),
                        "input_size is the string \"3\"; expected a whole number of at least 1"),
                bad("wrong shape", f -> sd(f).set("weight_hh_l0", matrix(16, 3)),
                        "state_dict.weight_hh_l0 is 16x3 but an LSTM with hidden_size 4 needs 16x4"),
                bad("wrong input width", f -> sd(f).set("weight_ih_l0", matrix(16, 5)),
                        "state_dict.weight_ih_l0 is 16x5 but an LSTM with input_size 3 and hidden_size 4 needs 16x3"),
                bad("ragged row", f -> ((ArrayNode) sd(f).get("weight_hh_l0").get(2)).remove(0),
                        "state_dict.weight_hh_l0[2] has 3 numbers but an LSTM with hidden_size 4 needs 16x4 (4 in every row)"),
                bad("bias as a matrix", f -> sd(f).set("bias_ih_l0", matrix(16, 1)),
                        "state_dict.bias_ih_l0 is 16x1 but an LSTM with hidden_size 4 needs a list of 16 numbers"),
                bad("string in a tensor", f -> ((ArrayNode) sd(f).get("weight_hh_l0").get(1)).set(3, "x"),
                        "state_dict.weight_hh_l0[1][3] is the string \"x\"; expected a number"),
                bad("missing key", f -> sd(f).remove("bias_hh_l0"), "state_dict is missing bias_hh_l0"),
                bad("unexpected key", f -> sd(f).put("weight_xx_l0", 1), "state_dict has an unexpected key weight_xx_l0"),
                bad("a layer without weight_ih", f -> sd(f).set("weight_hh_l1", matrix(16, 4)),
                        "state_dict is missing weight_ih_l1; a 2-layer module has weight_ih_l{k}"),
                bad("bidirectional", f -> sd(f).set("weight_ih_l0_reverse", matrix(16, 3)),
                        "bidirectional modules are not supported"),
                bad("projections", f -> sd(f).set("weight_hr_l0", matrix(2, 4)), "proj_size) are not supported"),
                bad("peepholes on a GRU", f -> {
                    f.put("cell", "gru");
                    sd(f).set("weight_ch_l0", matrix(12, 4));
                }, "state_dict has peephole weights (weight_ch_l{k}) but cell is gru; expected them only with cell lstm"),
                bad("absurd hidden_size", f -> f.put("hidden_size", 6_400_000),
                        "parameters but state_dict holds 144 numbers; expected sizes that match the state_dict"),
                bad("unexpected field", f -> f.put("num_layer", 2), "unexpected field num_layer; a PyTorch weight file has the fields"),
                bad("not a model file", f -> {
                    f.remove("cell");
                    f.remove("state_dict");
                }, "is not a model file; expected a Gatescope model"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorchCases")
    void pytorchFile(String name, Consumer<ObjectNode> breakIt, String expected) throws Exception {
        RecurrentStack stack = Fixtures.randomStack(new RecurrentStack("", CellKind.LSTM, 3, 4, 1, false), 1);
        ObjectNode file = Fixtures.pytorchFile(stack);
        breakIt.accept(file);
        assertMessage(write(file.toString()), expected);
    }

    static Stream<Arguments> gatescopeCases() {
        return Stream.of(
                bad("wrong format", f -> f.put("format", "gatescope-trace"), "format is \"gatescope-trace\"; expected \"gatescope-model\""),
                bad("newer version", f -> f.put("version", 2), "version is 2, newer than this Gatescope reads; expected 1"),
                bad("unknown architecture", f -> f.put("architecture", "transformer"),
                        "architecture is \"transformer\"; expected one of encoder_decoder, dense_baseline, stack"),
                bad("misspelt field", f -> f.put("peephole", true), "unexpected field peephole; a Gatescope encoder_decoder model has the fields"),
                bad("peepholes on a GRU", f -> {
                    f.put("cell", "gru");
                    f.put("peepholes", true);
                }, "peepholes is true but cell is gru; expected them only with cell lstm"),
                bad("addition sizes", f -> f.put("output_size", 12), "output_size is 12 but the addition task needs 11"),
                bad("decoder shape", f -> sd(f).set("decoder.weight_ih_l0", matrix(16, 11)),
                        "state_dict.decoder.weight_ih_l0 is 16x11 but an LSTM decoder with input_size 4 and hidden_size 4 needs 16x4"),
                bad("head shape", f -> sd(f).set("head.bias", matrix(11, 1)),
                        "state_dict.head.bias is 11x1 but the dense layer head (4 -> 11) needs a list of 11 numbers"),
                bad("training not an object", f -> f.put("training", 3), "training is the number 3; expected an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatescopeCases")
    void gatescopeFile(String name, Consumer<ObjectNode> breakIt, String expected) throws Exception {
        EncoderDecoder model = new EncoderDecoder(CellKind.LSTM, 11, 4, 11, 5, 5, 1, false);
        Path good = dir.resolve("good.json");
        ModelFiles.save(good, new ModelFile.Sequence(model, ModelFile.Metadata.of(ModelFiles.ADDITION, java.util.Map.of())));
        ObjectNode file = (ObjectNode) Fixtures.read(good);
        breakIt.accept(file);
        assertMessage(write(file.toString()), expected);
    }

    @Test
    void nanAndInfinityAreNamedWhereTheyAre() throws Exception {
        String good = Fixtures.pytorchFile(Fixtures.randomStack(new RecurrentStack("", CellKind.GRU, 1, 1, 1, false), 2)).toString();
        String nan = good.replaceFirst("(\"weight_hh_l0\":\\[\\[)[^\\]]*", "$1NaN");
        assertMessage(write(nan), "state_dict.weight_hh_l0[0][0] is NaN; expected a finite number");
        String inf = good.replaceFirst("(\"bias_ih_l0\":\\[)[^,]*", "$1-Infinity");
        assertMessage(write(inf), "state_dict.bias_ih_l0[0] is -Infinity; expected a finite number");
        String huge = good.replaceFirst("(\"bias_hh_l0\":\\[)[^,]*", "$11e999");
        assertMessage(write(huge), "state_dict.bias_hh_l0[0] is Infinity; expected a finite number");
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        assertMessage(write("{\n  \"cell\": \"lstm\",\n  \"input_size\": 3,,\n}"),
                "line 3, column 19: malformed JSON (found ','; expected a field name in double quotes)");
        assertMessage(write("{\"cell\": \"lstm\", \"cell\": \"gru\"}"),
                "malformed JSON (the field \"cell\" appears twice; expected each field once)");
        assertMessage(write(""), "is empty; expected JSON");
        assertMessage(write("[1, 2]"), "the top level is a list of 2 numbers; expected a model file (a JSON object)");
        assertMessage(write("[0]"), "the top level is a list of 1 number; expected a model file (a JSON object)");
    }

    @Test
    void malformedJsonNamesWhatWasFoundAndExpectedWithoutJacksonsInternals() throws Exception {
        assertMessage(write("{\n  \"cell\": \"lstm\",\n  \"input_size\": 3\n"),
                "malformed JSON (the file ends inside the object opened at line 1, column 1; expected })");
        assertMessage(write("{\"x\": [1, 2}"), "line 1, column 12: malformed JSON (found '}'; expected ']' to close the list opened at line 1, column 7)");
        assertMessage(write("{\"x\": [1 2]}"), "line 1, column 10: malformed JSON (found '2'; expected ',' or ']')");
        assertMessage(write("{\"x\": 1 \"y\": 2}"), "malformed JSON (found '\"'; expected ',' or '}')");
        assertMessage(write("{\"x\" 1}"), "malformed JSON (found '1'; expected ':' after the field name)");
        assertMessage(write("{\"x\": tru}"), "malformed JSON (found 'tru'; expected a value (a number, a \"string\", a [list], an {object}, true, false or null))");
        assertMessage(write("{\"x\": \"abc"), "malformed JSON (the file ends inside a string; expected a closing \")");
        assertMessage(write("{\"x\": \"a\nb\"}"), "malformed JSON (found a line break inside a string; expected it escaped with a backslash (\\n for a line break))");
        assertMessage(write("{\"x\": 1} 2"), "malformed JSON (found text after the end; expected nothing more)");
        for (String text : new String[] {"{\"x\": [1, 2", "{\"x\": ]}", "{\"x\": 01}", "{\"x\": -}", "{'x': 1}"}) {
            FileException e = catchThrowableOfType(FileException.class, () -> ModelFiles.load(write(text)));
            assertThat(e.getMessage()).as(text).contains("malformed JSON (").doesNotContain("Source", "REDACTED", "StreamReadFeature",
                    "code ", "CTRL-CHAR", "\n", "JSON String, Number");
        }
    }

    @Test
    void missingFileAndDirectory() {
        assertMessage(dir.resolve("nope.json"), "nope.json: no such file");
        assertMessage(dir, "is a directory; expected a JSON file");
    }

    @Test
    void unwritableOutputs() throws Exception {
        ModelFile m = new ModelFile.Stack(new RecurrentStack("", CellKind.RNN_TANH, 1, 1, 1, false), ModelFile.Metadata.NONE);
        Path plainFile = write("x");
        assertThat(saveError(dir.resolve("missing/m.json"), m)).hasMessageEndingWith("missing/m.json: cannot write it: the folder "
                + dir.resolve("missing") + " does not exist");
        assertThat(saveError(plainFile.resolve("m.json"), m)).hasMessageEndingWith("cannot write it: " + plainFile + " is a file, not a folder");
        assertThat(saveError(dir, m)).hasMessage(dir + ": is a directory; expected a file name to write");
    }

    @Test
    void divergedWeightsAreNotSaved() {
        RecurrentStack stack = new RecurrentStack("", CellKind.RNN_RELU, 1, 1, 1, false);
        stack.parameters().get(1).data()[0] = Double.NaN;
        assertThat(saveError(dir.resolve("m.json"), new ModelFile.Stack(stack, ModelFile.Metadata.NONE)))
                .hasMessageContaining("not saved: weight_hh_l0[0] is NaN; expected finite weights");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    private FileException saveError(Path target, ModelFile m) {
        return catchThrowableOfType(FileException.class, () -> ModelFiles.save(target, m));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> breakIt, String expected) {
        return Arguments.of(name, breakIt, expected);
    }

    private static ObjectNode sd(ObjectNode file) {
        return (ObjectNode) file.get("state_dict");
    }

    private static ArrayNode matrix(int rows, int cols) {
        ArrayNode a = Fixtures.JSON.createArrayNode();
        for (int r = 0; r < rows; r++) {
            ArrayNode row = a.addArray();
            for (int c = 0; c < cols; c++) row.add(0.5);
        }
        return a;
    }

    private Path write(String text) throws Exception {
        Path m = Files.createTempFile(dir, "m", ".json");
        Files.writeString(m, text);
        return m;
    }

    private static void assertMessage(Path file, String expected) {
        FileException e = catchThrowableOfType(FileException.class, () -> ModelFiles.load(file));
        assertThat(e).as("loading should fail with " + expected).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ": ").contains(expected).doesNotContain("\n");
        assertThat(e.file()).isEqualTo(file);
    }
}
