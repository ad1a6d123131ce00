package io.gatescope.ui.model;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.RecurrentStack;

/**
 * A model the window can trace: either one of the seeds' addition encoder–decoders (input typed as
 * {@code 67+60}) or a bare recurrent stack (e.g. imported PyTorch weights) fed a numeric sequence.
 */
public sealed interface LoadedModel permits LoadedModel.Addition, LoadedModel.Stack {

    /** What the picker shows, e.g. "LSTM addition (trained)". */
    String name();

    /** Where it came from: a file path, "shipped", or how an untrained stand-in was made. */
    String origin();

    /** False for the seeded stand-ins used when a shipped asset is missing: the UI labels them. */
    boolean trained();

    CellKind kind();

    int hiddenSize();

    /** Layers per stack (encoder and decoder have the same count). */
    int layers();

    /** Width of one input vector x_t. */
    int inputSize();

    /** Whether the LSTM's gates also read c_{t−1} (the seeds' peephole variant). */
    boolean peepholes();

    /**
     * The seeds' encoder → repeat → decoder → dense model over the addition alphabet.
     *
     * @param reversed whether it was trained to read its questions reversed (a file's notes, a training run's setting)
     */
    record Addition(String name, String origin, boolean trained, EncoderDecoder model, boolean reversed) implements LoadedModel {
        @Override public CellKind kind() { return model.kind(); }

        @Override public int hiddenSize() { return model.hiddenSize(); }

        @Override public int layers() { return model.encoder().numLayers(); }

        @Override public int inputSize() { return model.inputSize(); }

        @Override public boolean peepholes() { return model.encoder().hasPeepholes(); }
    }

    /** A bare recurrent stack with no output head: its input is any sequence of numbers. */
    record Stack(String name, String origin, RecurrentStack stack) implements LoadedModel {
        @Override public boolean trained() { return true; }

        @Override public CellKind kind() { return stack.kind(); }

        @Override public int hiddenSize() { return stack.hiddenSize(); }

        @Override public int layers() { return stack.numLayers(); }

        @Override public int inputSize() { return stack.inputSize(); }

        @Override public boolean peepholes() { return stack.hasPeepholes(); }
    }
}
