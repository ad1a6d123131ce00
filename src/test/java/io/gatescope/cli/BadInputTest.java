package io.gatescope.cli;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the command line can meet: exit code 2 and one line on stderr naming the
 * file (or option), the field and what was expected; never a stack trace.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private final Path lstm = Fixtures.torch("lstm");
    private String model, x, out;

    @BeforeEach
    void paths() {
        model = lstm.resolve("model.json").toString();
        x = lstm.resolve("x.json").toString();
        out = dir.resolve("t.json").toString();
    }

    @Test
    void malformedModelFile() throws Exception {
        trace(write("m.json", "{\"cell\": \"lstm\",\n \"input_size\": 3 \"hidden_size\": 4}"), x)
                .badInput("m.json: line 2, column 18: malformed JSON (found '\"'; expected ',' or '}')");
    }

    @Test
    void wrongShape() throws Exception {
        String text = Files.readString(Path.of(model)).replaceFirst("\"weight_hh_l0\": \\[\\[[^\\]]*\\], ", "\"weight_hh_l0\": [");
        trace(write("m.json", text), x).badInput("m.json: state_dict.weight_hh_l0 is 15x4 but an LSTM with hidden_size 4 needs 16x4");
    }

    @Test
    void unknownCell() throws Exception {
        String text = Files.readString(Path.of(model)).replace("\"cell\": \"lstm\"", "\"cell\": \"lsmt\"");
        trace(write("m.json", text), x).badInput("m.json: cell is \"lsmt\"; expected one of rnn_tanh, rnn_relu, lstm, gru, gru_simple");
    }

    @Test
    void nanInTheModelAndInfinityInTheInput() throws Exception {
        String text = Files.readString(Path.of(model)).replaceFirst("(\"bias_hh_l1\": \\[)[^,]*", "$1NaN");
        trace(write("m.json", text), x).badInput("m.json: state_dict.bias_hh_l1[0] is NaN; expected a finite number");
        trace(model, write("x.json", "[[1, 2, 3], [4, Infinity, 6]]")).badInput("x.json: x[1][1] is Infinity; expected a finite number");
    }

    @Test
    void missingFiles() {
        trace(dir.resolve("none.json").toString(), x).badInput("none.json: no such file");
        trace(model, dir.resolve("nox.json").toString()).badInput("nox.json: no such file");
        CliRun.of("predict", "--model", model, "--file", dir.resolve("q.txt").toString()).badInput("q.txt: no such file");
    }

    @Test
    void unwritableOutput() throws Exception {
        CliRun.of("trace", "--model", model, "--input", x, "--out", dir.resolve("no/such/dir/t.json").toString())
                .badInput("t.json: cannot write it: ", "no/such/dir does not exist");
        CliRun.of("trace", "--model", model, "--input", x, "--out", dir.toString())
                .badInput(dir + ": is a directory; expected a file name to write");
    }

    @Test
    void inputsOfTheWrongShape() throws Exception {
        trace(model, write("x.json", "[[1, 2, 3, 4]]"))
                .badInput("x.json: x is 1x4 but the 2-layer LSTM with input_size 3 needs 1x3");
        trace(model, write("x.json", "[1, 2, 3]")).badInput("x.json: x is 3x1 (one number per step) but the 2-layer LSTM");
        CliRun.of("trace", "--model", model, "--input", x, "--h0", write("h0.json", "[0, 0, 0, 0]"), "--out", out)
                .badInput("h0.json: h0 is a list of 4 numbers but the 2-layer LSTM with hidden_size 4 needs 2x4 (one row per layer)");
        CliRun.of("trace", "--model", model, "--input", x, "--grad-h", write("g.json", "[[0, 0, 0, 0]]"), "--out", out)
                .badInput("g.json: grad_h is 1x4 but an input of 5 steps into the 2-layer LSTM with hidden_size 4 needs 5x4");
    }

    @Test
    void optionsThatDoNotFitTheModel() throws Exception {
        Path gru = Fixtures.torch("gru");
        CliRun.of("trace", "--model", gru.resolve("model.json").toString(), "--input", x, "--c0", x, "--out", out)
                .badInput("gatescope trace: --c0 is only for an LSTM;", "holds gru, which has no cell state");
        Path whole = dir.resolve("ed.json");
        ModelFiles.save(whole, new ModelFile.Sequence(new EncoderDecoder(CellKind.GRU, 11, 2, 11, 5, 5, 1, false),
                ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
        trace(whole.toString(), x).badInput("ed.json: holds a whole sequence model (encoder_decoder); expected a bare recurrent stack");
    }

    @Test
    void badOptionValuesAndUsage() {
        CliRun.of("evaluate", "--model", model, "--examples", "many").badInput("gatescope evaluate:", "'many' is not an int");
        CliRun.of("evaluate", "--model", model, "--seed", "1.5").badInput("'1.5' is not a long");
        CliRun.of("trace", "--model", model, "--input", x).badInput("Missing required option: '--out=T.json'");
        CliRun.of("summary", "--cell", "lstm", "--modle", model).badInput("Unknown options: '--modle'");
        CliRun.of("predict", "--model", model).badInput("Missing required argument (specify one of these): (--text=A+B | --file=FILE)");
    }

    /** A sum typed as an option: a line break or an escape code is written out, a huge one is not repeated, the reason stays. */
    @Test
    void aSumOptionIsQuotedEscapedAndShort() {
        CliRun.of("predict", "--model", model, "--text", "67+6\n0\u001B[31m")
                .badInput("gatescope predict: --text: '67+6\\n0\\u001B[31m' has 11 characters, at most 5 fit");
        CliRun run = CliRun.of("predict", "--model", model, "--text", "9".repeat(100_000)).badInput(
                "--text: '99999999999999999999… (100,000 characters)' has 100,000 characters, at most 5 fit", "e.g. 67+60");
        org.assertj.core.api.Assertions.assertThat(run.err().length()).isLessThan(300);
    }

    private CliRun trace(String modelFile, String input) {
        return CliRun.of("trace", "--model", modelFile, "--input", input, "--out", out);
    }

    private String write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }
}
