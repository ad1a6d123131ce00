package io.gatescope.io;

import io.gatescope.text.Quote;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.CellNames;
import io.gatescope.engine.SequenceModel;
import io.gatescope.engine.ParameterCounts;
import io.gatescope.train.TrainingSetting;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Loads and saves model files. {@link #load} takes either kind of file: Gatescope's own (it has a
 * {@code "format": "gatescope-model"} field) or a PyTorch module's weights
 * ({@code cell, input_size, hidden_size, state_dict}). {@link #save} always writes Gatescope's format,
 * atomically. Every problem is a {@link FileException} whose one-line message names the file, the
 * field and what was expected.
 */
public final class ModelFiles {
    /** The task name of the seeds' addition models. */
    public static final String ADDITION = "addition";

    private ModelFiles() {
    }

    public static ModelFile load(Path file) throws FileException {
        JsonInput in = JsonInput.read(file);
        JsonNode root = in.rootObject("a model file (a JSON object)");
        if (root.has("format")) return GatescopeFormat.read(in, root);
        if (root.has("state_dict") || root.has("cell")) return PyTorchWeights.read(in, root);
        throw in.error("is not a model file; expected a Gatescope model (\"format\": \"" + GatescopeFormat.FORMAT
                + "\") or PyTorch weights (the fields " + String.join(", ", PyTorchWeights.FIELDS) + ")");
    }

    /**
     * The addition model {@code m} holds, read from {@code file}: a sequence model whose task is
     * {@value #ADDITION} (its sizes were checked against the task when it was read). The command line
     * and the window both ask here, so a file opens in both or in neither.
     */
    public static SequenceModel additionModel(Path file, ModelFile m) throws FileException {
        String expected = "expected a Gatescope model of the " + ADDITION + " task (architecture "
                + GatescopeFormat.ENCODER_DECODER + " or " + GatescopeFormat.DENSE_BASELINE + ")";
        if (m instanceof ModelFile.Stack s) {
            throw new FileException(file, "holds a bare " + s.stack().kind().id() + " stack without a dense head; " + expected);
        }
        String task = m.metadata().task().orElse(null);
        if (!ADDITION.equals(task)) {
            throw new FileException(file, "task is " + (task == null ? "missing" : "\"" + Quote.text(task) + "\"") + "; " + expected);
        }
        return ((ModelFile.Sequence) m).model();
    }

    /**
     * Whether the addition model described by {@code m} reads its questions reversed ({@code 67+60} as
     * {@code 06+76}): its training notes say {@code "reversed": true}, the trainer's setting. The
     * command line and the window both ask here and then encode with
     * {@link io.gatescope.task.AdditionTask.Example#input(boolean)}, so a model is always fed its
     * questions the way it was trained to read them.
     */
    public static boolean readsReversed(ModelFile.Metadata m) {
        return Boolean.TRUE.equals(m.training().get(TrainingSetting.REVERSED.key()));
    }

    /** The {@code cell} field of either format: a cell id, with a hint for PyTorch's ambiguous "rnn". */
    static CellKind cell(JsonInput in, JsonNode root) throws FileException {
        String id = in.string(root, "cell");
        CellKind kind = CellNames.ofId(id);
        if (kind != null) return kind;
        String hint = id.equals(CellNames.SIMPLE_RNN) ? " (nn.RNN is rnn_tanh, or rnn_relu with nonlinearity='relu')" : "";
        throw in.error("cell is \"" + Quote.text(id) + "\"; expected one of " + CellNames.ids() + hint);
    }

    /**
     * Refuses peephole weights ({@code what}: how the file said so) for a kind whose anatomy has no
     * peephole connections; the message names the kinds that do.
     */
    static void checkPeepholes(JsonInput in, CellKind kind, boolean peepholes, String what) throws FileException {
        if (!peepholes || kind.anatomy().takesPeepholes()) return;
        String kinds = java.util.Arrays.stream(CellKind.values()).filter(k -> k.anatomy().takesPeepholes())
                .map(CellKind::id).collect(java.util.stream.Collectors.joining(", "));
        throw in.error(what + " but cell is " + kind.id() + "; expected them only with cell " + kinds);
    }

    /** Throws the message a later {@link #save} would give if {@code file} cannot be written. */
    public static void checkWritable(Path file) throws FileException {
        AtomicFiles.check(file);
    }

    /**
     * Writes {@code model} in Gatescope's format, replacing {@code file} atomically. Sequence models
     * must be an {@link io.gatescope.engine.EncoderDecoder} or a {@link io.gatescope.engine.DenseBaseline}.
     */
    public static void save(Path file, ModelFile model) throws FileException {
        GatescopeFormat.write(file, model);
    }

    /**
     * Builds the model a header describes, unless the header asks for far more numbers than the file
     * holds: a typo'd hidden_size of 6400000 must become a message, not an OutOfMemoryError.
     * {@code parameters} is how many numbers the header asks for (formulas below). Smaller mismatches
     * are built and then reported tensor by tensor, which says more precisely what is wrong.
     */
    static <T> T build(JsonInput in, JsonNode stateDict, double parameters, Supplier<T> constructor) throws FileException {
        long present = countNumbers(stateDict);
        if (parameters > 2.0 * present + (1 << 20)) {
            throw in.error(String.format(java.util.Locale.ROOT, "the sizes in the header describe %,.0f parameters but"
                    + " state_dict holds %,d numbers; expected sizes that match the state_dict", parameters, present));
        }
        return constructor.get();
    }

    /**
     * Parameters of a recurrent stack ({@link ParameterCounts#recurrent}); a count beyond a long is
     * simply far more than any file holds.
     */
    static double recurrentParameters(CellKind kind, int input, int hidden, int layers, boolean peepholes, boolean biases) {
        try {
            return ParameterCounts.recurrent(kind, input, hidden, layers, peepholes, biases);
        } catch (ArithmeticException overflow) {
            return Double.MAX_VALUE;
        }
    }

    /** Parameters of a dense layer ({@link ParameterCounts#dense}). */
    static double denseParameters(int input, int output) {
        return ParameterCounts.dense(input, output);   // two ints: always fits a long
    }

    private static long countNumbers(JsonNode node) {
        if (node.isNumber()) return 1;
        long n = 0;
        for (JsonNode child : node) n += countNumbers(child);
        return n;
    }
}
