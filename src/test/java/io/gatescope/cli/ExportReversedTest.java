package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatescope export} of a model trained on reversed input (its notes say so): the trace, the
 * trace files and the gradients read 67+60 as 06+76, exactly as the window's main view runs it.
 */
class ExportReversedTest {
    @TempDir
    Path dir;

    private final Path model = resource("/models/lstm32-reversed.json");
    private final AdditionTask.Example sum = AdditionTask.parse("67+60").example().orElseThrow();

    @Test
    void theCsvHoldsTheReversedRunTheWindowShows() throws Exception {
        Path csv = dir.resolve("t.csv");
        CliRun.of("export", "--model", model.toString(), "--text", "67+60", "--trace", "csv", "--out", csv.toString()).ok();
        List<String> lines = Files.readAllLines(csv);
        ModelTrace shown = AdditionModels.trace(encoderDecoder(), sum, true, GateClamps.NONE);   // the main view's run
        assertThat(shown.inputLabels()).containsExactly("0", "6", "+", "7", "6");
        LayerTrace encoder = shown.encoder().layers().get(0), decoder = shown.decoder().layers().get(0);
        assertThat(lines).contains("encoder,1,1,0,0,h,3," + encoder.step(0).h(3),
                "encoder,5,5,6,0,c,7," + encoder.step(4).c(7),
                "decoder,10,5," + shown.outputLabels().get(4) + ",0,h,0," + decoder.step(4).h(0));
        assertThat(String.join("", shown.outputLabels())).isEqualTo("00127");
    }

    @Test
    void theTraceFileIsTheEncodersReversedRun() throws Exception {
        Path json = dir.resolve("t.json");
        CliRun.of("export", "--model", model.toString(), "--text", "67+60", "--trace", "json", "--out", json.toString()).ok();
        JsonNode trace = new ObjectMapper().readTree(json.toFile());
        LayerTrace encoder = AdditionModels.trace(encoderDecoder(), sum, true, GateClamps.NONE).encoder().layers().get(0);
        double[][] x = sum.sequence(true);
        for (int t = 0; t < AdditionTask.STEPS; t++) {
            for (int k = 0; k < AdditionTask.SYMBOLS; k++) assertThat(trace.get("x").get(t).get(k).asDouble()).isEqualTo(x[t][k]);
            for (int u = 0; u < 32; u++) assertThat(trace.get("h").get(t).get(u).asDouble()).isEqualTo(encoder.step(t).h(u));
        }
    }

    @Test
    void theGradientsChartSaysTheInputIsReadReversed() throws Exception {
        Path svg = dir.resolve("g.svg");
        CliRun.of("export", "--model", model.toString(), "--text", "67+60", "--chart", "gradients", "--out", svg.toString()).ok();
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("Input 06+76 (67+60 reversed)");
        // and the norms drawn are those of the reversed run's backward pass
        double[] drawn = ExportedTrace.load(model, "67+60", null, null).gradients().get().profiles().get(0).gradH();
        double[] reversed = io.gatescope.engine.GradientStudy.of(List.of(encoderDecoder().encoder()), sum.sequence(true), null, false)
                .profiles().get(0).gradH();
        double[] written = io.gatescope.engine.GradientStudy.of(List.of(encoderDecoder().encoder()), sum.sequence(false), null, false)
                .profiles().get(0).gradH();
        assertThat(drawn).containsExactly(reversed).isNotEqualTo(written);
    }

    private EncoderDecoder encoderDecoder() throws Exception {
        return (EncoderDecoder) ((ModelFile.Sequence) ModelFiles.load(model)).model();
    }

    private static Path resource(String name) {
        try {
            return Path.of(ExportReversedTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
