package io.gatescope.cli;

import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import io.gatescope.io.ArrayFiles;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.TraceFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope trace}: runs a recurrent stack over an input and writes every step's numbers. */
@Command(name = "trace", header = "Write the step-by-step trace (and, given --grad-h, the gradients) of a recurrent model.",
        description = {"Run a recurrent model over an input sequence and write what every step computed:",
                "h, c (LSTM) and the gates after their nonlinearity, for the top layer and, with several",
                "layers, for each. Given --grad-h, also back-propagate it through time (as",
                "torch.autograd.backward(h, grad) does) and write every gradient."},
        footer = {"", "Example:",
                "  gatescope trace --model lstm.json --input x.json --grad-h g.json --out trace.json",
                "", "All files are JSON; numbers keep full double precision. Formats: docs/formats.md."})
final class TraceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Mixin
    private ClampOption clamp;

    @Option(names = "--model", required = true, paramLabel = "M.json",
            description = "The model: PyTorch weights ({cell, input_size, hidden_size, state_dict}) or a Gatescope stack file.")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "X.json",
            description = "The input sequence x: a T x input_size nested list, one row per time step.")
    private Path input;

    @Option(names = "--h0", paramLabel = "F",
            description = "Initial hidden state: hidden_size numbers, or layers x hidden_size for several layers. Default: zeros.")
    private Path h0;

    @Option(names = "--c0", paramLabel = "F",
            description = "Initial cell state of an LSTM, shaped as --h0. Default: zeros.")
    private Path c0;

    @Option(names = "--grad-h", paramLabel = "G.json",
            description = "Upstream gradient dL/dh_t on each top-layer h_t: a T x hidden_size nested list."
                    + " Without it only the forward pass is recorded.")
    private Path gradH;

    @Option(names = "--out", required = true, paramLabel = "T.json", description = "Where to write the trace (replaced if it exists).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.check(out, model, input, h0, c0, gradH);   // before reading or computing anything
        RecurrentStack stack = Models.stack(model);
        int in = stack.inputSize(), hidden = stack.hiddenSize(), layers = stack.numLayers();
        String what = (layers > 1 ? layers + "-layer " : "") + stack.kind().title();
        if (c0 != null && !stack.kind().hasCellState()) {
            throw new ParameterException(spec.commandLine(), "--c0 is only for an LSTM; " + model + " holds "
                    + stack.kind().id() + ", which has no cell state");
        }
        double[][] x = ArrayFiles.readSteps(input, "x", -1, in, "the " + what + " with input_size " + in);
        String states = "the " + what + " with hidden_size " + hidden;
        double[][] h = h0 == null ? null : ArrayFiles.readStates(h0, "h0", layers, hidden, states);
        double[][] c = c0 == null ? null : ArrayFiles.readStates(c0, "c0", layers, hidden, states);
        double[][] g = gradH == null ? null : ArrayFiles.readSteps(gradH, "grad_h", x.length, hidden,
                "an input of " + x.length + " steps into the " + what + " with hidden_size " + hidden);
        TracedRun result = TracedRun.of(stack, x, h, c, g,
                clamp.forStack(spec.commandLine(), stack.kind(), hidden, x.length));
        TraceFiles.write(out, stack, result);
        spec.commandLine().getOut().println("wrote " + out + ": " + x.length + " steps of the " + what + " (input_size "
                + in + ", hidden_size " + hidden + ")" + (g == null ? "" : " with gradients"));
        return 0;
    }
}
