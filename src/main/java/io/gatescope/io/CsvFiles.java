package io.gatescope.io;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a table as CSV (RFC 4180: comma-separated, one header row, LF line ends), atomically. */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** Replaces {@code file} with the header and rows; a crash leaves the old file whole. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws FileException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            line(w, header);
            for (List<String> row : rows) line(w, row);
            w.flush();
        });
    }

    private static void line(Writer w, List<String> cells) throws java.io.IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write('\n');
    }

    /** A field with a comma, quote or line break goes in quotes, its quotes doubled. */
    static String quote(String s) {
        return s.matches(".*[,\"\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
