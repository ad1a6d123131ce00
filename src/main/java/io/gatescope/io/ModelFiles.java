package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
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
     * Writes {@code model} in Gatescope's format, replacing {@code file} atomically. Sequence models
     * must be an {@link io.gatescope.engine.EncoderDecoder} or a {@link io.gatescope.engine.DenseBaseline}.
     */
    public static void save(Path file, ModelFile model) throws FileException {
        GatescopeFormat.write(file, model);
    }

    /**
     * Builds the model a header describes. Sizes come from the file, so absurd ones (a typo'd
     * hidden_size of 6400000) must become a message, not an OutOfMemoryError.
     */
    static <T> T build(JsonInput in, Supplier<T> constructor) throws FileException {
        try {
            return constructor.get();
        } catch (OutOfMemoryError | NegativeArraySizeException e) {
            throw in.error("the sizes in the header need more memory than Java has; expected sizes that match the state_dict");
        }
    }
}
