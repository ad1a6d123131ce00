package io.gatescope.cli;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.CellNames;
import io.gatescope.task.AdditionModels;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope summary}: the seeds' model summaries, with Keras' and PyTorch's parameter counts. */
@Command(name = "summary", header = "Print a seeds' model's layers and parameter counts, Keras and PyTorch.",
        description = {"Print a Keras-like summary of one of the seeds' addition models: each layer, its",
                "output shape and its parameter count, counted as Keras does (one bias per gate block)",
                "with PyTorch's count (two biases, as Gatescope stores them) beside it."},
        footer = {"", "Examples:",
                "  gatescope summary --cell lstm --hidden 128    # LSTM 71,680 + 131,584 + Dense 1,419 = 204,683",
                "  gatescope summary --cell dense                # Dense 600 + 5,100 + 1,111 = 6,811"})
final class SummaryCommand implements Callable<Integer> {
    /** The cells Keras has a layer for (the summary counts as Keras does), and the baseline. */
    private static final List<String> CELLS = List.of("lstm", "gru", CellNames.SIMPLE_RNN, "dense");

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--task", defaultValue = "addition", paramLabel = "TASK",
            description = "The task whose model to summarise. Only 'addition' for now. Default: ${DEFAULT-VALUE}.")
    private String task;

    @Option(names = "--cell", required = true, paramLabel = "CELL",
            description = "lstm, gru, rnn (Keras' SimpleRNN, tanh) or dense (the baseline without memory).")
    private String cell;

    @Option(names = "--hidden", defaultValue = "128", paramLabel = "H",
            description = "Hidden size of the encoder and the decoder. Default: ${DEFAULT-VALUE}. Not for dense,"
                    + " whose hidden layers are fixed as in the seeds.")
    private int hidden;

    @Override
    public Integer call() {
        if (!task.equals("addition")) throw bad("--task is '" + task + "'; expected addition");
        if (!CELLS.contains(cell)) throw bad("--cell is '" + cell + "'; expected one of " + String.join(", ", CELLS));
        if (hidden < 1) throw bad("--hidden is " + hidden + "; expected a whole number of at least 1");
        ModelSummary summary;
        if (cell.equals("dense")) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--hidden")) {
                throw bad("--hidden does not apply to --cell dense; its hidden layers are " + widths() + ", as in the seeds");
            }
            summary = ModelSummary.denseBaseline();
        } else {
            CellKind kind = CellNames.parse(cell);
            try {
                summary = ModelSummary.encoderDecoder(kind, hidden);
                summary.kerasTotal();
                summary.pytorchTotal();
            } catch (ArithmeticException overflow) {
                throw bad(String.format(java.util.Locale.ROOT, "--hidden %,d makes more parameters than a 64-bit count"
                        + " holds; expected a smaller hidden size", hidden));
            }
        }
        summary.print(spec.commandLine().getOut());
        return 0;
    }

    private static String widths() {
        return AdditionModels.DENSE_WIDTHS.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and "));
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
