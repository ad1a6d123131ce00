package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A JSON file read within the limits every reader here keeps (its size before parsing, its number
 * of values for the heap Java may still use), for readers that map the tree themselves: the
 * window's settings and autosave. A file beyond them is a {@link FileException}, never an
 * OutOfMemoryError at the window's start.
 */
public final class JsonFiles {
    private JsonFiles() {
    }

    /** The parsed document; any problem, size included, is one line naming the file. */
    public static JsonNode read(Path file) throws FileException {
        return JsonInput.read(file).root();
    }
}
