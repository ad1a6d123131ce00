package io.gatescope.cli;

import io.gatescope.chart.GradientText;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientSetup;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ArrayFiles;
import io.gatescope.io.Assets;
import io.gatescope.io.CsvFiles;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionGradients;
import io.gatescope.task.AdditionTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope gradients}: how far back through time the gradient of L = g·h_T reaches, per step. */
@Command(name = "gradients", header = "Write how the gradient of a loss on the last step vanishes or explodes back through time.",
        description = {"Back-propagate L = g·h_T (g all ones unless --grad-last) through time with the engine's exact",
                "BPTT and write ‖∂L/∂h_k‖ (and ‖∂L/∂c_k‖ for the LSTM) for every step k, k = 0 being the initial",
                "state. A preset compares a plain RNN, an LSTM and a GRU on the same random input; --model",
                "profiles one model. Prints how many steps back each gradient stays above the threshold times",
                "its value at the last step, and the slope of log10‖∂L/∂h_k‖ per step back."},
        footer = {"", "Examples:",
                "  gatescope gradients --list",
                "  gatescope gradients --preset rnn-vanishing --steps 100 --out vanishing.csv",
                "  gatescope gradients --model lstm.json --input x.json --out lstm.csv",
                "", "Columns: step, cell (rnn, lstm, gru), grad_h_norm, grad_c_norm (LSTM only); with --clip also",
                "grad_h_norm_clipped and grad_c_norm_clipped. Overflow is written Infinity or NaN."})
final class GradientsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--list", description = "Name the presets and exit.")
    private boolean list;

    @Option(names = "--preset", paramLabel = "NAME", description = "rnn-vanishing, rnn-exploding, lstm-forget+1, lstm-forget-3 or trained.")
    private String preset;

    @Option(names = "--model", paramLabel = "M.json",
            description = "A model instead of a preset: PyTorch weights, a Gatescope stack, or an addition model (its encoder).")
    private Path model;

    @Option(names = "--input", paramLabel = "X.json", description = "With --model: the input, a T x input_size nested list.")
    private Path input;

    @Option(names = "--h0", paramLabel = "F", description = "With --model: initial hidden state (H numbers, or layers x H). Default: zeros.")
    private Path h0;

    @Option(names = "--c0", paramLabel = "F", description = "With --model, an LSTM: initial cell state, shaped as --h0. Default: zeros.")
    private Path c0;

    @Option(names = "--steps", paramLabel = "T", description = "Random presets: the input's length. Default: 200.")
    private Integer steps;

    @Option(names = "--hidden", paramLabel = "H", description = "Random presets: the hidden size. Default: 32.")
    private Integer hidden;

    @Option(names = "--seed", paramLabel = "S", description = "Random presets: the seed of the weights and the input. Default: 1.")
    private Long seed;

    @Option(names = "--addition", paramLabel = "A+B", description = "The trained preset: the addition input. Default: 67+60.")
    private String addition;

    @Option(names = "--grad-last", paramLabel = "G.json", description = "g, the loss's weights on h_T: a list of H numbers. Default: all ones.")
    private Path gradLast;

    @Option(names = "--clip", paramLabel = "N",
            description = "Also write the norms after clipping the whole gradient to norm N (clip_grad_norm_).")
    private Double clip;

    @Option(names = "--threshold", paramLabel = "F",
            description = "The readout counts steps back above F times the last step's norm. Default: ${DEFAULT-VALUE}.")
    private double threshold = GradientProfile.DEFAULT_THRESHOLD;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Where to write the table (replaced if it exists).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            for (GradientPreset p : GradientPreset.values()) stdout.println(String.format(Locale.ROOT, "%-14s %s", p.id(), p.description()));
            return 0;
        }
        checkArguments();
        String title;
        GradientStudy study;
        if (model != null) {
            RecurrentStack stack = recurrent(model);
            title = model.getFileName() + ": " + (stack.numLayers() > 1 ? "top layer of " + stack.numLayers() + " " : "")
                    + stack.kind().title() + ", H = " + stack.hiddenSize();
            study = fromFile(stack);
        } else {
            GradientPreset p = preset(preset);
            if (p.trained()) {
                AdditionTask.Example example = example();
                title = p.id() + ": " + p.description() + " (" + example.a() + "+" + example.b() + ", T = " + AdditionTask.STEPS + ")";
                study = trained(example);
            } else {
                GradientSetup setup = p.applyTo(setup());
                title = p.id() + ": " + p.description() + String.format(Locale.ROOT, " (T = %d, H = %d, seed %d)",
                        setup.steps(), setup.hidden(), setup.seed());
                study = GradientStudy.random(setup, readG(setup.hidden(), "the " + p.id() + " preset with hidden size " + setup.hidden()), false);
            }
        }
        CsvFiles.write(out, header(), rows(study));
        print(stdout, title, study);
        return 0;
    }

    private void checkArguments() {
        if ((preset == null) == (model == null)) throw bad("give either --preset NAME or --model M.json with --input X.json");
        if (out == null) throw bad("--out FILE.csv is required");
        if (!(threshold > 0 && threshold < 1)) throw bad("--threshold is " + threshold + "; expected a number between 0 and 1, e.g. 1e-3");
        if (clip != null && !(clip > 0 && Double.isFinite(clip))) throw bad("--clip is " + clip + "; expected a norm above 0, e.g. 5");
        if (steps != null && (steps < 1 || steps > GradientSetup.MAX_STEPS)) {
            throw bad("--steps is " + steps + "; expected a whole number from 1 to " + GradientSetup.MAX_STEPS);
        }
        if (hidden != null && (hidden < 1 || hidden > GradientSetup.MAX_HIDDEN)) {
            throw bad("--hidden is " + hidden + "; expected a whole number from 1 to " + GradientSetup.MAX_HIDDEN);
        }
        boolean random = preset != null && !preset(preset).trained();
        for (var o : List.of(new Object[] {"--steps", steps}, new Object[] {"--hidden", hidden}, new Object[] {"--seed", seed})) {
            if (o[1] != null && !random) {
                throw bad(o[0] + " is for the random presets; " + (model != null ? "with --model the input sets T and the model H"
                        : "the trained models have their own sizes"));
            }
        }
        if (addition != null && (preset == null || !preset(preset).trained())) throw bad("--addition is for --preset trained");
        if (model != null && input == null) throw bad("--model needs --input X.json, the sequence to run");
        if (model == null && (input != null || h0 != null || c0 != null)) throw bad("--input, --h0 and --c0 go with --model");
    }

    private GradientPreset preset(String id) {
        try {
            return GradientPreset.fromId(id);
        } catch (IllegalArgumentException e) {
            throw bad("--preset: " + e.getMessage());
        }
    }

    private GradientSetup setup() {
        GradientSetup d = GradientSetup.DEFAULT;
        return d.withSteps(steps != null ? steps : d.steps()).withHidden(hidden != null ? hidden : d.hidden())
                .withSeed(seed != null ? seed : d.seed());
    }

    private AdditionTask.Example example() {
        return Sums.parse(spec.commandLine(), "--addition", addition == null ? "67+60" : addition);
    }

    /** The shipped addition models, each as its file says (a missing file is a one-line error). */
    private GradientStudy trained(AdditionTask.Example example) throws FileException {
        List<EncoderDecoder> models = new ArrayList<>();
        java.util.Set<Boolean> reversed = new java.util.HashSet<>();
        Path dir = Assets.folder().resolve("models");
        for (String name : List.of("addition-rnn.json", "addition-lstm.json", "addition-gru.json")) {
            ModelFile file = ModelFiles.load(dir.resolve(name));
            if (file instanceof ModelFile.Sequence s && s.model() instanceof EncoderDecoder m) {
                models.add(m);
                reversed.add(ModelFiles.readsReversed(file.metadata()));
            } else {
                throw new FileException(dir.resolve(name), "is not an encoder_decoder addition model");
            }
        }
        int h = models.get(0).hiddenSize();
        if (gradLast != null && models.stream().anyMatch(m -> m.hiddenSize() != h)) {
            throw bad("--grad-last needs one hidden size, but the shipped models differ");
        }
        if (reversed.size() > 1) throw bad("the shipped models differ in whether they read the sum reversed; one input cannot feed them all");
        return AdditionGradients.study(models, example, reversed.contains(true), readG(h, "the shipped models with hidden size " + h), false);
    }

    private GradientStudy fromFile(RecurrentStack stack) throws FileException {
        int in = stack.inputSize(), h = stack.hiddenSize(), layers = stack.numLayers();
        String what = "the " + stack.kind().title() + " in " + model.getFileName();
        if (c0 != null && !stack.kind().hasCellState()) throw bad("--c0 is only for an LSTM; " + model + " holds " + stack.kind().id());
        double[][] x = ArrayFiles.readSteps(input, "x", -1, in, what + " with input_size " + in);
        double[][] h0s = h0 == null ? null : ArrayFiles.readStates(h0, "h0", layers, h, what + " with hidden_size " + h);
        double[][] c0s = c0 == null ? null : ArrayFiles.readStates(c0, "c0", layers, h, what + " with hidden_size " + h);
        double[] g = readG(h, what + " with hidden_size " + h);
        return new GradientStudy(List.of(io.gatescope.engine.GradientProfiles.compute(stack, x, h0s, c0s, g, false)));
    }

    /** A bare stack, or the encoder of an addition model; a dense baseline has no time to go back through. */
    private RecurrentStack recurrent(Path file) throws FileException {
        ModelFile m = ModelFiles.load(file);
        if (m instanceof ModelFile.Stack s) return s.stack();
        if (((ModelFile.Sequence) m).model() instanceof EncoderDecoder ed) return ed.encoder();
        throw new FileException(file, "holds a dense baseline, which has no recurrence; expected a recurrent model");
    }

    private double[] readG(int h, String needs) throws FileException {
        return gradLast == null ? null : ArrayFiles.readStates(gradLast, "g", 1, h, needs)[0];
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("step", "cell", "grad_h_norm", "grad_c_norm"));
        if (clip != null) h.addAll(List.of("grad_h_norm_clipped", "grad_c_norm_clipped"));
        return h;
    }

    private List<List<String>> rows(GradientStudy study) {
        List<List<String>> rows = new ArrayList<>();
        for (GradientProfile p : study.profiles()) {
            double f = clip == null ? 1 : p.clipFactor(clip);
            for (int k = 0; k <= p.steps(); k++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(k), GradientText.cellId(p), Double.toString(p.gradH()[k]),
                        p.hasCellState() ? Double.toString(p.gradC()[k]) : ""));
                if (clip != null) {
                    row.add(Double.toString(p.gradH()[k] * f));
                    row.add(p.hasCellState() ? Double.toString(p.gradC()[k] * f) : "");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void print(PrintWriter stdout, String title, GradientStudy study) {
        stdout.println(title);
        stdout.println("steps back above " + GradientText.threshold(threshold) + " of the last step: " + GradientText.readout(study, threshold));
        for (GradientProfile p : study.profiles()) {
            String line = String.format(Locale.ROOT, "  %-11s log10 slope %s; recurrent weights: spectral radius %s, largest singular value %s",
                    GradientText.cellTitle(p), GradientText.slope(p), GradientText.number(p.spectralRadius()), GradientText.number(p.weightNorm()));
            if (clip != null) {
                line += "; ‖∂L/∂θ‖ " + GradientText.number(p.parameterGradNorm()) + ", clipped to " + GradientText.number(clip)
                        + " (×" + GradientText.number(p.clipFactor(clip)) + ")";
            }
            stdout.println(line);
        }
        stdout.println("wrote " + out + ": " + study.profiles().stream().mapToInt(p -> p.steps() + 1).sum() + " rows");
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
