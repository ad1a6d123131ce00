package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientSetup;
import io.gatescope.engine.GradientStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatescope gradients} as a user runs it: presets, a model file, the CSV, the readout, bad arguments. */
class GradientsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listNamesEveryPreset() {
        String out = CliRun.of("gradients", "--list").ok().out();
        assertThat(out).contains("rnn-vanishing", "rnn-exploding", "lstm-forget+1", "lstm-forget-3", "trained");
    }

    @Test
    void presetWritesRnnLstmAndGruRowsAndPrintsTheReadout() throws Exception {
        Path csv = dir.resolve("v.csv");
        String out = CliRun.of("gradients", "--preset", "rnn-vanishing", "--steps", "60", "--hidden", "16", "--out", csv.toString())
                .ok().out();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("step,cell,grad_h_norm,grad_c_norm");
        assertThat(lines).hasSize(1 + 3 * 61);
        assertThat(lines.get(1)).startsWith("0,rnn,").endsWith(",");
        assertThat(lines.get(62)).startsWith("0,lstm,").doesNotEndWith(",");
        assertThat(lines.get(123)).startsWith("0,gru,");
        // The readout is the engine's count for the same setup, and it follows from the written norms.
        GradientStudy study = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(GradientSetup.DEFAULT.withSteps(60).withHidden(16)), false);
        int rnn = study.profiles().get(0).stepsAbove(1e-3);
        assertThat(out).contains("steps back above 10⁻³ of the last step: RNN (tanh): " + rnn + " steps · LSTM: ");
        double last = Double.parseDouble(lines.get(61).split(",")[2]);
        int counted = 0;
        for (int k = 59; k >= 0 && Double.parseDouble(lines.get(1 + k).split(",")[2]) >= 1e-3 * last; k--) counted++;
        assertThat(counted).isEqualTo(rnn).isBetween(5, 15);
        assertThat(out).contains("log10 slope −0.30", "spectral radius 0.500, largest singular value 0.500", "wrote " + csv);
    }

    @Test
    void modelFileAndItsRowsAgreeWithPyTorch() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/torch-gradients/lstm/model.json").toURI()).getParent();
        Path csv = dir.resolve("lstm.csv");
        String out = CliRun.of("gradients", "--model", fixture.resolve("model.json").toString(), "--input", fixture.resolve("x.json").toString(),
                "--grad-last", fixture.resolve("g.json").toString(), "--out", csv.toString()).ok().out();
        assertThat(out).contains("model.json: LSTM, H = 8");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(52);
        var expected = io.gatescope.io.Fixtures.read(fixture.resolve("expected.json"));
        for (int k = 0; k <= 50; k++) {
            String[] cells = lines.get(1 + k).split(",");
            assertThat(cells[1]).isEqualTo("lstm");
            double want = expected.get("grad_h_norm").get(k).doubleValue(), wantC = expected.get("grad_c_norm").get(k).doubleValue();
            assertThat(Double.parseDouble(cells[2])).isCloseTo(want, within(1e-9 * want));
            assertThat(Double.parseDouble(cells[3])).isCloseTo(wantC, within(1e-9 * wantC));
        }
    }

    @Test
    void overflowIsWrittenAsInfinityOrNaN() throws Exception {
        Path fixture = Path.of(getClass().getResource("/fixtures/torch-gradients/rnn_tanh_overflow/model.json").toURI()).getParent();
        Path csv = dir.resolve("o.csv");
        CliRun.of("gradients", "--model", fixture.resolve("model.json").toString(), "--input", fixture.resolve("x.json").toString(),
                "--out", csv.toString()).ok();
        assertThat(Files.readString(csv)).containsPattern("\n0,rnn,(Infinity|NaN),\n");
    }

    @Test
    void clippingAddsTheScaledColumns() throws Exception {
        Path csv = dir.resolve("c.csv");
        String out = CliRun.of("gradients", "--preset", "rnn-exploding", "--steps", "40", "--hidden", "8", "--clip", "0.5",
                "--out", csv.toString()).ok().out();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("step,cell,grad_h_norm,grad_c_norm,grad_h_norm_clipped,grad_c_norm_clipped");
        String[] row = lines.get(1).split(",", -1);
        double ratio = Double.parseDouble(row[4]) / Double.parseDouble(row[2]);
        assertThat(ratio).isLessThan(1);
        assertThat(out).contains("clipped to 0.500");
    }

    @Test
    void trainedPresetUsesTheShippedModelsOnTheAdditionInput() throws Exception {
        Path csv = dir.resolve("t.csv");
        String out = CliRun.of("gradients", "--preset", "trained", "--addition", "12+34", "--out", csv.toString()).ok().out();
        assertThat(out).contains("(12+34, T = 5)");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 3 * 6);
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        String o = dir.resolve("x.csv").toString();
        CliRun.of("gradients", "--preset", "rnn", "--out", o).badInput("unknown preset 'rnn'", "rnn-vanishing");
        CliRun.of("gradients", "--out", o).badInput("either --preset NAME or --model");
        CliRun.of("gradients", "--preset", "rnn-vanishing").badInput("--out FILE.csv is required");
        CliRun.of("gradients", "--preset", "rnn-vanishing", "--steps", "0", "--out", o).badInput("--steps is 0");
        CliRun.of("gradients", "--preset", "rnn-vanishing", "--clip", "-1", "--out", o).badInput("--clip is -1.0");
        CliRun.of("gradients", "--preset", "trained", "--steps", "9", "--out", o).badInput("--steps is for the random presets");
        CliRun.of("gradients", "--preset", "trained", "--addition", "1+2+3", "--out", o).badInput("needs exactly one '+'");
        CliRun.of("gradients", "--model", "m.json", "--out", o).badInput("--model needs --input");
        CliRun.of("gradients", "--model", dir.resolve("missing.json").toString(), "--input", "x.json", "--out", o).badInput("missing.json");
        CliRun.of("gradients", "--preset", "rnn-vanishing", "--steps", "ten", "--out", o).badInput("--steps");
    }

    @Test
    void aWrongSizedGradLastSaysWhatItNeeds() throws Exception {
        Path g = dir.resolve("g.json");
        Files.writeString(g, "[1, 2, 3]");
        CliRun.of("gradients", "--preset", "rnn-vanishing", "--hidden", "4", "--grad-last", g.toString(), "--out", dir.resolve("x.csv").toString())
                .badInput("g.json", "hidden size 4");
    }
}
