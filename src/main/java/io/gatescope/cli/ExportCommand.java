package io.gatescope.cli;

import io.gatescope.chart.Animation;
import io.gatescope.chart.ChartExport.Format;
import io.gatescope.chart.ChartExport;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Figure;
import io.gatescope.chart.FigureSeries;
import io.gatescope.chart.Figures.View;
import io.gatescope.chart.Figures;
import io.gatescope.chart.Notation;
import io.gatescope.chart.Parallel;
import io.gatescope.chart.TimeAxis;
import io.gatescope.engine.GradientProfile;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileBatch;
import io.gatescope.io.FileException;
import io.gatescope.io.TraceCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gatescope export}: the window's pictures, headless, for slides and papers. Every argument
 * is checked (and the model run) before the first picture is drawn, so a typo costs nothing and
 * never leaves half a folder of figures.
 */
@Command(name = "export", header = "Write the window's pictures as PNG, SVG, PDF or an animated GIF, without a display.",
        description = {"Run a model on an input and draw one of its views at a time step, every view at every",
                "step (--all), or one view's steps as an animated GIF (--animate gif). Steps are counted",
                "from 1 over the whole run, encoder steps first, then the decoder's: an addition model's",
                "decoder t = 2 is step 7 (its encoder reads 5 characters)."},
        footer = {"", "Examples:",
                "  gatescope export --list",
                "  gatescope export --model lstm.json --text 67+60 --chart cell --step 3 --substep 3 --format png --scale 2 --out cell.png",
                "  gatescope export --model lstm.json --text 67+60 --chart equations --notation ng --theme print --format pdf --out eq.pdf",
                "  gatescope export --model lstm.json --text 67+60 --all --format svg --out figures/",
                "  gatescope export --model lstm.json --text 67+60 --chart unrolled --animate gif --delay 800 --out steps.gif"})
final class ExportCommand implements Callable<Integer> {
    /** The notations by their command-line names; "seeds" is the interview book the seed notebooks follow. */
    private static final Map<String, Notation> NOTATIONS =
            Map.of("pytorch", Notation.PYTORCH, "ng", Notation.NG, "seeds", Notation.INTERVIEW, "keras", Notation.KERAS);
    private static final double MIN_SCALE = 1, MAX_SCALE = 4;
    private static final int MAX_WIDTH = 10_000;
    /** The chart that is not one of the trace's views: it runs the backward pass too. */
    private static final String GRADIENTS = "gradients";

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--list", description = "Name the charts that can be exported, and stop.")
    private boolean list;

    @Option(names = "--model", paramLabel = "M.json", description = "A model file: an addition encoder_decoder, or a bare recurrent stack (PyTorch weights or Gatescope).")
    private Path model;

    @Option(names = "--text", paramLabel = "A+B", description = "The sum an addition model reads, e.g. 67+60.")
    private String text;

    @Option(names = "--input", paramLabel = "X.json", description = "The input sequence of a bare stack: a T x input_size nested list.")
    private Path input;

    @Option(names = "--chart", paramLabel = "C", description = "What to draw: cell, unrolled, heatmap, vectors, equations or gradients (see --list).")
    private String chart;

    @Option(names = "--all", description = "Every chart at every step, one file each, into the folder --out.")
    private boolean all;

    @Option(names = "--step", paramLabel = "T", defaultValue = "1",
            description = "The time step, from 1 over the whole run, encoder steps first (default 1).")
    private int step;

    @Option(names = "--substep", paramLabel = "K", description = "Walk the cell through the step to sub-step K, from 1 as the diagram counts (cell and equations). Default: the whole step.")
    private Integer substep;

    @Option(names = "--substeps", description = "With --all or --animate: one picture per sub-step of the cell and equations, not per step.")
    private boolean substeps;

    @Option(names = "--unit", paramLabel = "U", description = "Select hidden unit U (from 0): outlined in every view; the equations show its numbers.")
    private Integer unit;

    @Option(names = "--layer", paramLabel = "L", defaultValue = "0", description = "Which layer of the stack to draw, from 0 (default 0).")
    private int layer;

    @Option(names = "--notation", paramLabel = "N", defaultValue = "pytorch", description = "pytorch, ng, seeds or keras (default pytorch).")
    private String notation;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light, dark, high-contrast or print (white, black text; default light).")
    private String theme;

    @Option(names = "--format", paramLabel = "F", description = "png, svg or pdf. Default: the extension of --out (png for --all and a folder).")
    private String format;

    @Option(names = "--scale", paramLabel = "S", description = "PNG and GIF magnification, 1 to 4 (default 1).")
    private Double scale;

    @Option(names = "--width", paramLabel = "PX", description = "PNG and GIF width in pixels instead of --scale (the layout is kept, only magnified).")
    private Integer width;

    @Option(names = "--animate", paramLabel = "gif", description = "Write the chart's steps as an animation; only gif.")
    private String animate;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "1000", description = "With --animate: how long each frame shows, in ms (default 1000).")
    private int delay;

    @Option(names = "--threshold", paramLabel = "F",
            description = "For the gradients chart: the readout counts steps back above F times the last step's norm. Default: ${DEFAULT-VALUE}.")
    private double threshold = GradientProfile.DEFAULT_THRESHOLD;

    @Option(names = "--trace", paramLabel = "csv|json", description = "Write the run's numbers instead of a picture: csv (one row per step, layer, quantity and unit) or json (a trace file; for an addition model, its encoder's).")
    private String trace;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "The file to write (replaced if it exists), or with --all the folder (made if missing).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            for (View v : View.values()) stdout.printf(Locale.ROOT, "%-10s %s%n", v.id(), v.description());
            stdout.printf(Locale.ROOT, "%-10s %s%n", GRADIENTS, "how far back the gradient of L = g·h_T reaches, and its factor per step");
            return 0;
        }
        if (trace != null) return writeTrace(stdout);
        Request r = check();
        ExportedTrace traced = ExportedTrace.load(model, text, input, spec.commandLine());
        ChartStyle style = checkAgainstTrace(r, traced);
        if (all) {
            int files = writeAll(traced, style, r.format());
            stdout.println("wrote " + files + " " + r.format().extension() + " files to " + out);
        } else if (animate != null) {
            FigureSeries series = new FigureSeries(r.view(), traced.trace(), layer, traced.peepholes(), style, substeps);
            int frames = series.writeGif(out, delay, scaleFor(series.figure(series.frames().get(0))), () -> false, (d, n) -> { });
            stdout.println("wrote " + out + ": " + frames + " frames, " + delay + " ms each");
        } else {
            Figure figure = r.view() == null ? gradientsFigure(traced, style)
                    : Figures.of(r.view(), traced.trace(), layer, traced.peepholes(), style);
            ChartExport.write(figure, r.format(), scaleFor(figure), out);
            stdout.println("wrote " + out);
        }
        return 0;
    }

    /** {@code --trace csv|json}: the run's numbers rather than a picture. */
    private int writeTrace(PrintWriter stdout) throws FileException {
        if (model == null) throw bad("--model is required");
        if ((text == null) == (input == null)) throw bad("give exactly one of --text (an addition model) and --input (a bare stack)");
        if (out == null) throw bad("--out is required");
        if (chart != null || all || animate != null || format != null) {
            throw bad("--trace writes the numbers; leave out --chart, --all, --animate and --format");
        }
        boolean csv = trace.equalsIgnoreCase("csv");
        if (!csv && !trace.equalsIgnoreCase("json")) throw bad("--trace takes csv or json, got '" + trace + "'");
        AtomicFiles.check(out, model, input);
        ExportedTrace traced = ExportedTrace.load(model, text, input, spec.commandLine());
        if (csv) TraceCsv.write(out, traced.trace()); else traced.json().write(out);
        boolean encoderOnly = !csv && traced.input() != null;
        int steps = encoderOnly ? traced.trace().encoder().length() : traced.trace().totalSteps();
        stdout.println("wrote " + out + ": " + steps + " steps" + (encoderOnly ? " of the encoder" : "") + " as " + trace.toLowerCase(Locale.ROOT));
        return 0;
    }

    /**
     * Every view at every step, and the gradients, into the folder --out: drawn and encoded on every
     * core from the one trace, and written as one batch (forced to disk together, see FileBatch).
     */
    private int writeAll(ExportedTrace traced, ChartStyle style, Format format) throws IOException {
        List<Supplier<Figure>> figures = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (View v : View.values()) {
            FigureSeries series = new FigureSeries(v, traced.trace(), layer, traced.peepholes(), style, substeps);
            for (FigureSeries.Frame f : series.frames()) {
                figures.add(() -> series.figure(f));
                files.add(out.resolve(series.fileName(f, format)));
            }
        }
        figures.add(() -> gradientsFigure(traced, style));
        files.add(out.resolve(GRADIENTS + "." + format.extension()));
        try (FileBatch batch = AtomicFiles.batch()) {
            Parallel.forEach(figures.size(), k -> {
                Figure figure = figures.get(k).get();
                ChartExport.write(figure, format, scaleFor(figure), files.get(k), batch);
            }, () -> false, (done, total) -> { });
            batch.commit();
        }
        return files.size();
    }

    /** The gradients of L = g·h_T through the same run, as the gradients view first shows them. */
    private Figure gradientsFigure(ExportedTrace traced, ChartStyle style) {
        return Figures.gradients(traced.gradients().get(), traced.input(), threshold, style);
    }

    /** What the options ask for, every one of them checked; {@code view} is null for the gradients. */
    private record Request(View view, Format format, Notation notation, Theme theme) {
    }

    /** Checks every option that needs no model; each problem is one line and exit code 2. */
    private Request check() throws FileException {
        if (model == null) throw bad("--model is required (or --list)");
        if ((text == null) == (input == null)) throw bad("give exactly one of --text (an addition model) and --input (a bare stack)");
        if (out == null) throw bad("--out is required");
        if (all && (chart != null || animate != null)) throw bad("--all writes every chart; leave out --chart and --animate");
        View view = null;
        String charts = View.ids() + ", " + GRADIENTS;
        if (!all) {
            if (chart == null) throw bad("--chart is required (or --all): one of " + charts);
            boolean gradients = chart.equalsIgnoreCase(GRADIENTS);
            if (gradients && (animate != null || substep != null)) {
                throw bad("the gradients chart covers the whole run: leave out --animate and --substep");
            }
            view = gradients ? null : View.byId(chart.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> bad("unknown chart '" + chart + "'; expected one of " + charts));
        }
        if (!(threshold > 0 && threshold < 1)) throw bad("--threshold must be between 0 and 1, got " + threshold);
        if (animate != null && !animate.equalsIgnoreCase("gif")) throw bad("--animate takes gif, got '" + animate + "'");
        if (animate == null && (substeps && !all)) throw bad("--substeps goes with --all or --animate");
        if (delay < Animation.MIN_DELAY_MS || delay > Animation.MAX_DELAY_MS) {
            throw bad("--delay must be in " + Animation.MIN_DELAY_MS + ".." + Animation.MAX_DELAY_MS + " ms, got " + delay);
        }
        Format f = format(view);
        if (scale != null && width != null) throw bad("give --scale or --width, not both");
        if (scale != null && !(scale >= MIN_SCALE && scale <= MAX_SCALE)) throw bad("--scale must be in 1..4, got " + scale);
        if (width != null && (width < 16 || width > MAX_WIDTH)) throw bad("--width must be in 16.." + MAX_WIDTH + " px, got " + width);
        if ((scale != null || width != null) && f != Format.PNG && animate == null) {
            throw bad("--scale and --width are for png and gif; " + f.extension() + " is drawn as vectors at any size");
        }
        Notation n = NOTATIONS.get(notation.toLowerCase(Locale.ROOT));
        if (n == null) throw bad("unknown notation '" + notation + "'; expected one of pytorch, ng, seeds, keras");
        Theme t = Arrays.stream(Theme.values()).filter(x -> x.name().replace('_', '-').equalsIgnoreCase(theme)).findFirst()
                .orElseThrow(() -> bad("unknown theme '" + theme + "'; expected one of light, dark, high-contrast, print"));
        checkOut();
        return new Request(view, f, n, t);
    }

    /** The format: --format, else the extension of --out; a GIF for --animate. */
    private Format format(View view) {
        if (animate != null) {
            if (format != null && !format.equalsIgnoreCase("gif")) throw bad("--animate gif writes a GIF; leave out --format " + format);
            return Format.PNG;        // each frame is a bitmap
        }
        String name = format != null ? format : all ? "png" : extension(out);
        return Format.byName(name).orElseThrow(() -> bad(format != null
                ? "unknown format '" + format + "'; expected png, svg or pdf"
                : "give --format png, svg or pdf (the file name " + out + " does not say)"));
    }

    /** The output can be written: for a file its folder exists; for --all the folder exists or can be made. */
    private void checkOut() throws FileException {
        Path target = out.toAbsolutePath();
        if (all) {
            if (Files.exists(target) && !Files.isDirectory(target)) throw new FileException(out, "is a file; --all writes into a folder");
            Path parent = target.getParent();
            if (!Files.exists(target) && (parent == null || !Files.isDirectory(parent))) {
                throw new FileException(out, "cannot make this folder: " + parent + " does not exist");
            }
            Path folder = Files.isDirectory(target) ? target : parent;
            if (!Files.isWritable(folder)) throw new FileException(out, "cannot write it: permission denied in " + folder);
            return;
        }
        if (Files.isDirectory(target)) throw new FileException(out, "is a folder; give a file name (or use --all)");
        AtomicFiles.check(out, model, input);
    }

    /** The checks that need the trace: step, sub-step, unit and layer ranges. Makes the --all folder. */
    private ChartStyle checkAgainstTrace(Request r, ExportedTrace traced) throws FileException {
        TimeAxis axis = new TimeAxis(traced.trace());
        int layers = traced.trace().encoder().layers().size();
        if (layer < 0 || layer >= layers) throw bad("--layer must be in 0.." + (layers - 1) + " for this model, got " + layer);
        if (step < 1 || step > axis.length()) {
            throw bad("--step must be in 1.." + axis.length() + " for this input (" + axis.length() + " steps), got " + step);
        }
        int count = axis.layer(step - 1, layer).kind().anatomy().subStepCount();
        if (substep != null && (substep < 1 || substep > count)) {
            throw bad("--substep must be in 1.." + count + " for this cell, got " + substep);
        }
        int hidden = axis.step(0, layer).hiddenSize();
        if (unit != null && (unit < 0 || unit >= hidden)) throw bad("--unit must be in 0.." + (hidden - 1) + ", got " + unit);
        if (all) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new FileException(out, "cannot make this folder: " + e.getMessage());
            }
        }
        return ChartStyle.DEFAULT.withNotation(r.notation()).withTheme(r.theme())
                .withSelectedUnit(unit == null ? ChartStyle.NO_UNIT : unit)
                .withCurrentStep(step - 1).withSubStep(substep == null ? ChartStyle.WHOLE_STEP : substep - 1);
    }

    /** The PNG magnification: --scale, or what makes the picture --width pixels wide, or 1. */
    private double scaleFor(Figure figure) {
        if (width != null) return ChartExport.scaleForWidth(figure, width);
        return scale == null ? 1 : scale;
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
