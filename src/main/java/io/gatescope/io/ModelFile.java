package io.gatescope.io;

import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.SequenceModel;
import java.util.Map;
import java.util.Optional;

/**
 * What a model file holds: a bare recurrent stack (a PyTorch module's weights, or a Gatescope
 * {@code stack} file) or a whole sequence model with its dense head (the seeds' encoder–decoder or
 * the dense baseline), each with its metadata.
 */
public sealed interface ModelFile permits ModelFile.Stack, ModelFile.Sequence {
    Metadata metadata();

    /** Stacked recurrent layers, parameters named as PyTorch names them ({@code weight_ih_l0}, ...). */
    record Stack(RecurrentStack stack, Metadata metadata) implements ModelFile {
    }

    /** An {@link io.gatescope.engine.EncoderDecoder} or a {@link io.gatescope.engine.DenseBaseline}. */
    record Sequence(SequenceModel model, Metadata metadata) implements ModelFile {
    }

    /**
     * @param task     the task the model was built for, e.g. {@code addition}; empty for a PyTorch import
     * @param training free-form notes of the run that produced the weights (seed, epochs, accuracies,
     *                 settings): JSON objects as maps, arrays as lists, numbers, strings, booleans
     */
    record Metadata(Optional<String> task, Map<String, Object> training) {
        public static final Metadata NONE = new Metadata(Optional.empty(), Map.of());

        public Metadata {
            training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
        }

        public static Metadata of(String task, Map<String, Object> training) {
            return new Metadata(Optional.of(task), training);
        }
    }
}
