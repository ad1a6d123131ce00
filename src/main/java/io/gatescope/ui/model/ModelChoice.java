package io.gatescope.ui.model;

import io.gatescope.engine.CellKind;
import java.nio.file.Files;
import java.nio.file.Path;

/** An entry of the model picker: one of the shipped addition models, or a file the user opened. */
public sealed interface ModelChoice permits ModelChoice.Shipped, ModelChoice.FromFile {

    /** The text the picker shows. */
    String label();

    /** What is written to the settings file so the same model opens next time. */
    String key();

    /**
     * A shipped addition model. When its asset file is missing (a development checkout before the
     * models are trained) the picker says so, and loading falls back to a seeded untrained model.
     */
    record Shipped(CellKind kind, String title, Path asset) implements ModelChoice {
        @Override public String label() {
            return title + " addition" + (Files.isRegularFile(asset) ? "" : " (untrained)");
        }

        @Override public String key() { return "shipped:" + kind.id(); }
    }

    /** A Gatescope model file or PyTorch weight file. */
    record FromFile(Path path) implements ModelChoice {
        public FromFile {
            path = path.toAbsolutePath().normalize();
        }

        @Override public String label() { return path.getFileName() + " — " + path.getParent(); }

        @Override public String key() { return "file:" + path; }
    }
}
