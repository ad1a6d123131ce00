package io.gatescope.ui.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatescope.ui.model.SequenceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an input sequence from a file: CSV (one time step per line, numbers separated by commas,
 * semicolons or spaces; a header line of names is skipped) or JSON (an array of arrays, or an object
 * whose {@code "x"} or {@code "input"} field is one). Messages say which line or step is wrong.
 */
public final class SequenceFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SequenceFiles() {
    }

    public static SequenceInput read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = Files.readString(file);
        double[][] rows = name.endsWith(".json") ? json(text) : csv(text);
        try {
            return new SequenceInput(rows, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static double[][] csv(String text) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("[,;\\s]+");
            double[] row = new double[cells.length];
            try {
                for (int k = 0; k < cells.length; k++) row[k] = Double.parseDouble(cells[k]);
            } catch (NumberFormatException e) {
                if (rows.isEmpty()) continue;     // a header line of column names
                throw new IOException("line " + (i + 1) + " holds '" + line + "', expected numbers only", e);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new IOException("the file holds no numbers");
        return rows.toArray(double[][]::new);
    }

    static double[][] json(String text) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(io.gatescope.io.JsonSyntax.describe(e), e);
        }
        if (root.isObject()) root = root.has("x") ? root.get("x") : root.get("input");
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IOException("expected an array of time steps, each an array of numbers (or {\"x\": [...]})");
        }
        double[][] rows = new double[root.size()][];
        for (int t = 0; t < rows.length; t++) {
            JsonNode step = root.get(t);
            if (step.isNumber()) step = JSON.createArrayNode().add(step);   // a sequence of scalars
            if (!step.isArray()) throw new IOException("step " + (t + 1) + " is not an array of numbers");
            rows[t] = new double[step.size()];
            for (int k = 0; k < step.size(); k++) {
                if (!step.get(k).isNumber()) throw new IOException("step " + (t + 1) + " has a non-number: " + step.get(k));
                rows[t][k] = step.get(k).asDouble();
            }
        }
        return rows;
    }
}
