package io.gatescope.ui.model;

import java.io.IOException;
import java.nio.file.Path;

/** Reads Gatescope model files and PyTorch weight files into a {@link LoadedModel}. */
final class ModelFileReader {
    private ModelFileReader() {
    }

    static LoadedModel read(Path path) throws IOException {
        // Replaced by the io package's ModelFiles once the cli branch provides it.
        throw new IOException("this build cannot read model files yet");
    }
}
