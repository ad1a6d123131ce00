package io.gatescope.ui.model;

import io.gatescope.engine.CellKind;
import io.gatescope.task.AdditionModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a picker entry into a model. Runs on the compute thread (reading a file can take a while),
 * never on the FX thread.
 */
public final class ModelLoader {
    /** Width of the stand-in models, as the seeds' addition models. */
    public static final int UNTRAINED_HIDDEN = 32;
    /** Seed of the stand-in models: the same seed gives the same numbers on every machine. */
    public static final long UNTRAINED_SEED = 7;

    private final Path assets;

    /** @param assets the folder holding {@code models/addition-*.json} */
    public ModelLoader(Path assets) {
        this.assets = assets;
    }

    /** The three shipped addition models, in the order the picker lists them. */
    public List<ModelChoice.Shipped> shipped() {
        return List.of(
                new ModelChoice.Shipped(CellKind.LSTM, "LSTM", asset("addition-lstm.json")),
                new ModelChoice.Shipped(CellKind.GRU, "GRU", asset("addition-gru.json")),
                new ModelChoice.Shipped(CellKind.RNN_TANH, "SimpleRNN", asset("addition-rnn.json")));
    }

    private Path asset(String name) {
        return assets.resolve("models").resolve(name);
    }

    /** Loads {@code choice}; a file that cannot be read throws with a message fit for the user. */
    public LoadedModel load(ModelChoice choice) {
        if (choice instanceof ModelChoice.Shipped s) {
            return Files.isRegularFile(s.asset()) ? readFile(s.asset()) : untrained(s);
        }
        return readFile(((ModelChoice.FromFile) choice).path());
    }

    private static LoadedModel untrained(ModelChoice.Shipped s) {
        return new LoadedModel.Addition(s.label(),
                "untrained: " + s.asset().getFileName() + " is missing, weights drawn from seed " + UNTRAINED_SEED,
                false, AdditionModels.encoderDecoder(s.kind(), UNTRAINED_HIDDEN, UNTRAINED_SEED), false);
    }

    private static LoadedModel readFile(Path path) {
        try {
            return ModelFileReader.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);   // FileException's message names the file and the field
        }
    }
}
