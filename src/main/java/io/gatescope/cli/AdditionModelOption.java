package io.gatescope.cli;

import io.gatescope.engine.SequenceModel;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionTask;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that ask an addition model (predict, evaluate). */
final class AdditionModelOption {
    @Option(names = "--model", required = true, paramLabel = "M.json",
            description = "A Gatescope model of the addition task (encoder_decoder or dense_baseline).")
    Path file;

    /** An addition model and whether it reads its questions reversed ({@link ModelFiles#readsReversed}). */
    record Loaded(SequenceModel model, boolean reversed) {
        /** The text the model reads for {@code e}: the question the way the model was trained to read it. */
        String input(AdditionTask.Example e) { return e.input(reversed); }
    }

    /** The model, or a one-line message naming the file when it is not an addition model. */
    Loaded load() throws FileException {
        ModelFile m = ModelFiles.load(file);
        return new Loaded(ModelFiles.additionModel(file, m), ModelFiles.readsReversed(m.metadata()));
    }
}
