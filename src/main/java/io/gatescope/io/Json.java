package io.gatescope.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON settings every Gatescope file shares, and the writing side: numbers in full precision
 * (shortest text that parses back to the same double), objects indented, one matrix row per line.
 */
final class Json {
    /**
     * Reading accepts NaN/Infinity tokens (Python's json.dump writes them) so that the validation can
     * name the field holding one; duplicate keys and trailing garbage are errors.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    /** Marks an array whose elements are rows, so the printer puts each on its own line. */
    private static final Object MATRIX = new Object();

    private Json() {
    }

    /** What writes one file's content into an open generator. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes {@code target} atomically with the Gatescope layout. */
    static void write(Path target, Body body) throws FileException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = MAPPER.createGenerator(out)) {
                g.setPrettyPrinter(new Printer());
                body.write(g);
                g.writeRaw('\n');
            }
        });
    }

    /** A row-major rows×cols matrix as a nested list, one row per line. */
    static void matrix(JsonGenerator g, double[] data, int rows, int cols) throws IOException {
        g.writeStartArray(MATRIX, rows);
        for (int r = 0; r < rows; r++) {
            g.writeStartArray();
            for (int c = 0; c < cols; c++) g.writeNumber(data[r * cols + c]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Rows of equal length as a nested list, one row per line. */
    static void matrix(JsonGenerator g, double[][] rows) throws IOException {
        g.writeStartArray(MATRIX, rows.length);
        for (double[] row : rows) vector(g, row);
        g.writeEndArray();
    }

    static void vector(JsonGenerator g, double[] v) throws IOException {
        g.writeStartArray();
        for (double x : v) g.writeNumber(x);
        g.writeEndArray();
    }

    /**
     * Objects indented as usual; arrays inline, except that a {@link #MATRIX} starts each row on a new
     * line. A 512x128 weight then reads as 512 lines, not 65,536.
     */
    private static final class Printer extends DefaultPrettyPrinter {
        Printer() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            indentArraysWith(new Indenter() {
                @Override
                public void writeIndentation(JsonGenerator g, int level) throws IOException {
                    if (g.currentValue() == MATRIX) {
                        g.writeRaw('\n');
                        for (int i = 0; i < level; i++) g.writeRaw("  ");
                    }
                }

                @Override
                public boolean isInline() { return false; }
            });
        }

        @Override
        public DefaultPrettyPrinter createInstance() { return new Printer(); }
    }
}
