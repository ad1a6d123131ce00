package io.gatescope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.gatescope.task.Memory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON file being read: parses it with line and column in syntax errors, then checks fields
 * and nested lists of numbers, naming the file, the field and what was expected in every complaint.
 */
final class JsonInput {
    private final Path file;
    private final JsonNode root;

    private JsonInput(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * The largest JSON file read, whatever the heap: a device or a 3 GB file is refused before (or, for
     * a stream without a size, while) it is read, never parsed into the heap.
     */
    static final long MAX_BYTES = 512L << 20;
    /**
     * Heap one JSON value costs once parsed and copied into a model: the tree's node (about 40 bytes,
     * measured for numbers and for one-element lists alike) and the parameter it fills.
     */
    static final long BYTES_PER_VALUE = 64;

    /** Reads and parses {@code file}; NaN and Infinity tokens parse, so they can be reported by field. */
    static JsonInput read(Path file) throws FileException {
        if (Files.isDirectory(file)) throw new FileException(file, "is a directory; expected a JSON file");
        long maxValues = Math.max(1_000, (long) (Memory.available() * 0.85) / BYTES_PER_VALUE);
        JsonNode root;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) throw tooLarge(file, Files.size(file));
            JsonMapper mapper = Json.MAPPER.copy();
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES).maxTokenCount(maxValues).build());
            try (InputStream in = Files.newInputStream(file)) {
                root = mapper.readTree(in);
            }
        } catch (NoSuchFileException e) {
            throw new FileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new FileException(file, "cannot read it (permission denied)");
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("document length")) throw tooLarge(file, -1);
            if (m.contains("token count")) {
                throw new FileException(file, String.format(Locale.ROOT, "holds more than %,d JSON values, and reading"
                        + " them needs about %d bytes each, but Java may use %s here; expected a smaller file (or start"
                        + " Java with a larger -Xmx)", maxValues, BYTES_PER_VALUE, Memory.size(Memory.available())));
            }
            throw new FileException(file, JsonSyntax.describe(e));
        } catch (JsonProcessingException e) {
            throw new FileException(file, JsonSyntax.describe(e));
        } catch (FileException e) {
            throw e;
        } catch (IOException e) {
            throw new FileException(file, "cannot read it (" + e.getMessage() + ")", e);
        }
        if (root == null || root.isMissingNode()) throw new FileException(file, "is empty; expected JSON");
        return new JsonInput(file, root);
    }

    private static FileException tooLarge(Path file, long bytes) {
        return new FileException(file, (bytes < 0 ? "is larger than " + Memory.size(MAX_BYTES) : "is " + Memory.size(bytes))
                + "; expected a JSON file of at most " + Memory.size(MAX_BYTES));
    }

    Path file() { return file; }

    JsonNode root() { return root; }

    /** The root, which must be an object. */
    JsonNode rootObject(String expected) throws FileException {
        if (!root.isObject()) throw new FileException(file, "the top level is " + describe(root) + "; expected " + expected);
        return root;
    }

    FileException error(String problem) {
        return new FileException(file, problem);
    }

    /** A field that must be present; a null one is present, and its reader says what it should be instead. */
    JsonNode field(JsonNode object, String name) throws FileException {
        JsonNode n = object.get(name);
        if (n == null) throw error("the field " + name + " is missing");
        return n;
    }

    /** A positive whole number. */
    int positiveInt(JsonNode object, String name) throws FileException {
        JsonNode n = field(object, name);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
            throw error(name + " is " + describe(n) + "; expected a whole number of at least 1");
        }
        return n.intValue();
    }

    String string(JsonNode object, String name) throws FileException {
        JsonNode n = field(object, name);
        if (!n.isTextual()) throw error(name + " is " + describe(n) + "; expected a string");
        return n.textValue();
    }

    boolean bool(JsonNode object, String name) throws FileException {
        JsonNode n = field(object, name);
        if (!n.isBoolean()) throw error(name + " is " + describe(n) + "; expected true or false");
        return n.booleanValue();
    }

    JsonNode object(JsonNode object, String name) throws FileException {
        JsonNode n = field(object, name);
        if (!n.isObject()) throw error(name + " is " + describe(n) + "; expected an object");
        return n;
    }

    /** Rejects fields outside {@code allowed}, so a misspelt option is not silently ignored. */
    void onlyFields(JsonNode object, java.util.Collection<String> allowed, String what) throws FileException {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw error("unexpected field " + name + "; " + what + " has the fields " + String.join(", ", allowed));
            }
        }
    }

    /**
     * Reads a nested list of numbers of exactly {@code rows}×{@code cols} (or a flat list of {@code rows}
     * numbers when {@code cols} is 0), row-major. {@code field} names it in messages, {@code needs} says
     * who needs that shape ("an LSTM with hidden_size 4").
     */
    double[] numbers(JsonNode node, String field, int rows, int cols, String needs) throws FileException {
        String expected = cols == 0 ? "a list of " + rows + " numbers" : rows + "x" + cols;
        if (!node.isArray()) throw error(field + " is " + describe(node) + " but " + needs + " needs " + expected);
        boolean nested = node.size() > 0 && node.get(0).isArray();
        if (nested != (cols > 0) || node.size() != rows || (nested && node.get(0).size() != cols)) {
            throw error(field + " is " + shape(node) + " but " + needs + " needs " + expected);
        }
        double[] out = new double[rows * Math.max(cols, 1)];
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            if (cols == 0) {
                out[r] = number(row, field + "[" + r + "]");
                continue;
            }
            if (!row.isArray() || row.size() != cols) {
                String got = row.isArray() ? "has " + row.size() + " numbers" : "is " + describe(row);
                throw error(field + "[" + r + "] " + got + " but " + needs + " needs " + expected + " (" + cols + " in every row)");
            }
            for (int c = 0; c < cols; c++) out[r * cols + c] = number(row.get(c), field + "[" + r + "][" + c + "]");
        }
        return out;
    }

    /** A finite number. */
    double number(JsonNode n, String field) throws FileException {
        if (!n.isNumber()) throw error(field + " is " + describe(n) + "; expected a number");
        double v = n.doubleValue();
        if (!Double.isFinite(v)) throw error(field + " is " + n.asText() + "; expected a finite number");
        return v;
    }

    /** The apparent shape of a list for messages: "16x3", "a list of 16 numbers", "a 3-level nested list". */
    static String shape(JsonNode node) {
        if (!node.isArray()) return describe(node);
        if (node.size() == 0) return "an empty list";
        JsonNode first = node.get(0);
        if (!first.isArray()) return "a list of " + node.size() + (node.size() == 1 ? " number" : " numbers");
        if (first.size() > 0 && first.get(0).isArray()) return "a list nested 3 or more levels deep";
        return node.size() + "x" + first.size();
    }

    /** What a JSON value is, for messages: "a string ("abc")", "an object", "NaN", ... */
    static String describe(JsonNode n) {
        if (n.isNumber()) {
            double v = n.doubleValue();
            return Double.isFinite(v) ? "the number " + n.asText() : n.asText();
        }
        JsonNodeType t = n.getNodeType();
        return switch (t) {
            case STRING -> "the string \"" + n.textValue() + "\"";
            case OBJECT -> "an object";
            case ARRAY -> shape(n);
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A free-form object (the training metadata) as plain Java maps, lists, numbers and strings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode object) {
        return Json.MAPPER.convertValue(object, Map.class);
    }
}
