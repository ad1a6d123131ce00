package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatescope export} as a lecturer scripting slides would run it, bad arguments included. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void saveAModel() throws Exception {
        EncoderDecoder m = new EncoderDecoder(CellKind.GRU, 11, 6, 11, 5, 5, 1, false);
        SplittableRandom rng = new SplittableRandom(5);
        for (Parameter p : m.parameters()) Initialisers.uniform(p, 1.0, rng);
        model = dir.resolve("gru.json");
        ModelFiles.save(model, new ModelFile.Sequence(m, ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
    }

    private CliRun export(String... args) {
        String[] all = Stream.concat(Stream.of("export", "--model", model.toString(), "--text", "67+60"), Stream.of(args))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    void listNamesEveryChart() {
        String out = CliRun.of("export", "--list").ok().out();
        assertThat(out.lines().map(l -> l.split("\\s+")[0])).containsExactly("cell", "unrolled", "heatmap", "vectors", "equations",
                "gradients");
    }

    @Test
    void aPngAtAWidthAndAnSvgInKerasNotation() throws Exception {
        Path png = dir.resolve("cell.png"), svg = dir.resolve("eq.svg");
        export("--chart", "cell", "--step", "8", "--substep", "2", "--format", "png", "--width", "1600", "--out", png.toString()).ok();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        export("--chart", "equations", "--notation", "keras", "--theme", "print", "--out", svg.toString()).ok();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains(">GRU equations<", "Keras notation", "encoder t = 1 of 5");
    }

    @Test
    void allWritesEveryChartAtEveryStep() throws Exception {
        Path folder = dir.resolve("figures");
        String out = export("--all", "--format", "png", "--out", folder.toString()).ok().out();
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(5 * 10 + 1).contains("cell-step01.png", "equations-step10.png", "heatmap-step06.png", "gradients.png");
        }
        assertThat(out).contains("wrote 51 png files");
    }

    @Test
    void aGifHasOneFramePerStepWithTheDelay() throws Exception {
        Path gif = dir.resolve("steps.gif");
        export("--chart", "vectors", "--animate", "gif", "--delay", "750", "--out", gif.toString()).ok();
        assertThat(gifDelaysMs(gif)).hasSize(10).containsOnly(750);
        Path subSteps = dir.resolve("walk.gif");
        export("--chart", "cell", "--animate", "gif", "--substeps", "--delay", "300", "--out", subSteps.toString()).ok();
        assertThat(gifDelaysMs(subSteps)).hasSize(10 * 5).containsOnly(300);     // a GRU walks in 5 sub-steps, the inputs first
    }

    @Test
    void theGradientsChartRunsTheBackwardPassOfTheSameInput() throws Exception {
        Path svg = dir.resolve("g.svg");
        export("--chart", "gradients", "--out", svg.toString()).ok();
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains(">GRU gradients back through time<", "Input 67+60");
        export("--chart", "gradients", "--animate", "gif", "--out", dir.resolve("g.gif").toString())
                .badInput("covers the whole run");
    }

    @Test
    void theTraceAsCsvHasOneRowPerStepLayerQuantityAndUnitAndAsJsonIsATraceFile() throws Exception {
        Path csv = dir.resolve("t.csv"), json = dir.resolve("t.json");
        export("--trace", "csv", "--out", csv.toString()).ok();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("part,step,t,symbol,layer,quantity,unit,value");
        // GRU: r, z, n and their pre-activations, then h; 6 units; 10 steps.
        assertThat(lines).hasSize(1 + 10 * 7 * 6);
        var trace = io.gatescope.task.AdditionModels.trace((EncoderDecoder) ((ModelFile.Sequence) ModelFiles.load(model)).model(),
                io.gatescope.task.AdditionTask.parse("67+60").example().orElseThrow());
        assertThat(lines).contains("decoder,8,3," + trace.outputLabels().get(2) + ",0,h,4," + trace.decoder().layers().get(0).step(2).h(4),
                "encoder,3,3,+,0,z_pre,0," + trace.encoder().layers().get(0).step(2).pre(1, 0));
        export("--trace", "json", "--out", json.toString()).ok();
        assertThat(Files.readString(json)).contains("\"format\": \"gatescope-trace\"", "\"cell\": \"gru\"", "\"steps\": 5");
        export("--trace", "xml", "--out", json.toString()).badInput("--trace takes csv or json");
    }

    @Test
    void aBareStackReadsItsInputFile() throws Exception {
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 2, 3, 1, false);
        SplittableRandom rng = new SplittableRandom(1);
        for (Parameter p : stack.parameters()) Initialisers.uniform(p, 0.5, rng);
        Path stackFile = dir.resolve("stack.json"), x = dir.resolve("x.json"), out = dir.resolve("h.pdf");
        ModelFiles.save(stackFile, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        Files.writeString(x, "[[1, 0], [0, 1], [1, 1]]");
        CliRun.of("export", "--model", stackFile.toString(), "--input", x.toString(), "--chart", "heatmap",
                "--out", out.toString()).ok();
        assertThat(Files.readString(out, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    }

    @Test
    void badArgumentsAreOneLineAndExitTwoBeforeAnythingIsWritten() throws Exception {
        Path png = dir.resolve("x.png");
        export("--chart", "histogram", "--out", png.toString()).badInput("unknown chart 'histogram'", "cell, unrolled");
        export("--chart", "cell", "--step", "11", "--out", png.toString()).badInput("--step must be in 1..10", "got 11");
        export("--chart", "cell", "--step", "0", "--out", png.toString()).badInput("--step must be in 1..10");
        export("--chart", "cell", "--substep", "6", "--out", png.toString()).badInput("--substep must be in 1..5");
        export("--chart", "cell", "--out", dir.resolve("missing").resolve("x.png").toString()).badInput("does not exist");
        export("--chart", "cell", "--format", "png", "--out", dir.toString()).badInput("is a folder");
        export("--chart", "cell", "--format", "bmp", "--out", png.toString()).badInput("unknown format 'bmp'");
        export("--chart", "cell", "--out", dir.resolve("x").toString()).badInput("give --format png, svg or pdf");
        export("--chart", "cell", "--scale", "5", "--out", png.toString()).badInput("--scale must be in 1..4");
        export("--chart", "cell", "--format", "svg", "--scale", "2", "--out", png.toString()).badInput("drawn as vectors");
        export("--chart", "cell", "--notation", "tf", "--out", png.toString()).badInput("unknown notation 'tf'");
        export("--chart", "cell", "--theme", "neon", "--out", png.toString()).badInput("unknown theme 'neon'");
        export("--chart", "cell", "--animate", "mp4", "--out", png.toString()).badInput("--animate takes gif");
        export("--chart", "cell", "--animate", "gif", "--delay", "5", "--out", png.toString()).badInput("--delay must be in 20..");
        export("--all", "--out", dir.resolve("no").resolve("such").toString()).badInput("cannot make this folder");
        CliRun.of("export", "--model", model.toString(), "--text", "67+600", "--chart", "cell", "--out", png.toString())
                .badInput("--text", "at most 5");
        CliRun.of("export", "--model", model.toString(), "--input", model.toString(), "--chart", "cell", "--out", png.toString())
                .badInput("holds an addition model: give --text");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gru.json");
        }
    }

    /** The delay of every frame of a GIF, in ms, read back with the JDK's GIF reader. */
    static List<Integer> gifDelaysMs(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            List<Integer> delays = new java.util.ArrayList<>();
            for (int k = 0; k < frames; k++) {
                IIOMetadata meta = reader.getImageMetadata(k);
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(meta.getNativeMetadataFormatName());
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(10 * Integer.parseInt(control.getAttribute("delayTime")));
            }
            return delays;
        } finally {
            reader.dispose();
        }
    }
}
