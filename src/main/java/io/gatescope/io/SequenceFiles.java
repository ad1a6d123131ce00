package io.gatescope.io;

import io.gatescope.text.Quote;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of input sequences, for the command line and the window: T time steps of I numbers
 * each, from CSV (one step per line, numbers separated by commas, semicolons or spaces; a first line
 * of column names and {@code #} comments are skipped) or JSON (a nested list, one inner list per step;
 * a flat list of numbers is a sequence of scalars; an object's {@code "x"} or {@code "input"} field
 * holding either). A file whose name ends in {@code .json}, or whose text starts with {@code [} or
 * {@code {}, is JSON. Reading is bounded (512 MB of JSON, lines of at most {@value #MAX_LINE}
 * characters, {@value #MAX_STEPS} steps) and every problem is a {@link FileException} naming the
 * file and the step or line.
 */
public final class SequenceFiles {
    /** A step of a thousand numbers fits in 100,000 characters of CSV; a longer line is not a step. */
    static final int MAX_LINE = 100_000;
    static final int MAX_STEPS = 1_000_000;
    private static final String EXPECTED_CSV = "one time step per line, numbers separated by commas, semicolons or spaces";

    private SequenceFiles() {
    }

    /** The steps of {@code file}, all of one width, at least one. */
    public static double[][] read(Path file) throws FileException {
        return read(file, "x");
    }

    /** The same, naming the list {@code quantity} in messages ({@code grad_h[3][1] is NaN}). */
    public static double[][] read(Path file, String quantity) throws FileException {
        List<String> lines = null;
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            lines = TextLines.read(file, MAX_LINE, MAX_STEPS, EXPECTED_CSV);
            String first = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (!first.startsWith("[") && !first.startsWith("{")) return csv(file, lines);
        }
        return json(JsonInput.read(file), quantity);
    }

    private static double[][] csv(Path file, List<String> lines) throws FileException {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("[,;\\s]+");
            double[] row = new double[cells.length];
            try {
                for (int k = 0; k < cells.length; k++) row[k] = Double.parseDouble(cells[k]);
            } catch (NumberFormatException e) {
                if (rows.isEmpty()) continue;     // a header line of column names
                throw new FileException(file, "line " + (i + 1) + " holds \"" + Quote.text(line) + "\"; expected numbers only");
            }
            for (int k = 0; k < row.length; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new FileException(file, "line " + (i + 1) + ", number " + (k + 1) + " is " + cells[k] + "; expected a finite number");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new FileException(file, "line " + (i + 1) + " (step " + (rows.size() + 1) + ") has " + row.length
                        + " numbers but the first step has " + rows.get(0).length + "; expected the same in every step");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new FileException(file, "holds no numbers; expected " + EXPECTED_CSV);
        return rows.toArray(double[][]::new);
    }

    private static double[][] json(JsonInput in, String quantity) throws FileException {
        JsonNode root = in.root();
        String name = quantity;
        if (root.isObject()) {
            name = root.has("x") ? "x" : "input";
            root = root.get(name);
            if (root == null) throw in.error("has no field x or input; expected a list of time steps, or {\"x\": [...]}");
        }
        if (!root.isArray() || root.isEmpty()) {
            throw in.error(name + " is " + JsonInput.describe(root) + "; expected a list of time steps, each a list of numbers");
        }
        double[][] rows = new double[root.size()][];
        for (int t = 0; t < rows.length; t++) {
            JsonNode step = root.get(t);
            if (step.isNumber()) {                       // a sequence of scalars
                rows[t] = new double[] {in.number(step, name + "[" + t + "]")};
            } else if (step.isArray()) {
                rows[t] = new double[step.size()];
                for (int k = 0; k < step.size(); k++) rows[t][k] = in.number(step.get(k), name + "[" + t + "][" + k + "]");
            } else {
                throw in.error(name + "[" + t + "] is " + JsonInput.describe(step) + "; expected a list of numbers");
            }
            if (rows[t].length != rows[0].length || rows[t].length == 0) {
                throw in.error(name + "[" + t + "] has " + rows[t].length + " numbers but " + name + "[0] has " + rows[0].length
                        + "; expected the same (at least one) in every step");
            }
        }
        return rows;
    }
}
