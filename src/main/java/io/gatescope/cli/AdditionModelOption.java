package io.gatescope.cli;

import io.gatescope.engine.SequenceModel;
import io.gatescope.io.FileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that ask an addition model (predict, evaluate). */
final class AdditionModelOption {
    @Option(names = "--model", required = true, paramLabel = "M.json",
            description = "A Gatescope model of the addition task (encoder_decoder or dense_baseline).")
    Path file;

    /** The model, or a one-line message naming the file when it is not an addition model. */
    SequenceModel load() throws FileException {
        return Models.addition(file);
    }
}
