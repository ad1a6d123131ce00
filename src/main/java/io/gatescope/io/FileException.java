package io.gatescope.io;

import io.gatescope.text.Quote;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file Gatescope cannot read, understand or write. The message is one line that names the file,
 * the field (or position) and what was expected, e.g.
 * {@code m.json: state_dict.weight_hh_l0 is 16x3 but an LSTM with hidden_size 4 needs 16x4}, so the
 * command line can print it as it is and the UI can show it in a dialog.
 */
public final class FileException extends IOException {
    private final transient Path file;

    public FileException(Path file, String problem) {
        super(show(file) + ": " + oneLine(problem));
        this.file = file;
    }

    public FileException(Path file, String problem, Throwable cause) {
        super(show(file) + ": " + oneLine(problem), cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() { return file; }

    /**
     * A path as a message names it: escaped and shortened like any user input ({@link Quote}), and
     * the empty name as {@code ''} rather than nothing.
     */
    public static String show(Path file) {
        if (file == null) return "(no file)";
        String s = file.toString();
        return s.isEmpty() ? "''" : Quote.text(s, 200);
    }

    /** Library messages sometimes span lines; a user reads one. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
