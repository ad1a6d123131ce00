package io.gatescope.cli;

import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.SequenceModel;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Path;

/** Loads the kind of model a command needs, saying plainly when a file holds another kind. */
final class Models {
    private Models() {
    }

    /** A bare recurrent stack: PyTorch weights or a Gatescope {@code stack} file. */
    static RecurrentStack stack(Path file) throws FileException {
        ModelFile m = ModelFiles.load(file);
        if (m instanceof ModelFile.Stack s) return s.stack();
        throw new FileException(file, "holds a whole sequence model (" + describe(((ModelFile.Sequence) m).model())
                + "); expected a bare recurrent stack (PyTorch weights or a Gatescope stack file)");
    }

    private static String describe(SequenceModel model) {
        return model instanceof io.gatescope.engine.EncoderDecoder ? "encoder_decoder" : "dense_baseline";
    }
}
