package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** Shared test helpers: the committed fixtures, JSON building and reading, tensor comparison. */
public final class Fixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The directory of a PyTorch reference case under src/test/resources/fixtures/torch. */
    public static Path torch(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/torch/" + name + "/model.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, Object json) {
        try {
            Files.writeString(file, JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nested list of numbers, flattened row-major. */
    public static double[] flat(JsonNode node) {
        if (node.isNumber()) return new double[] {node.doubleValue()};
        return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .flatMapToDouble(n -> java.util.Arrays.stream(flat(n))).toArray();
    }

    public static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** max|a − e| / max|e| below {@code tolerance}: relative to the tensor's scale, as torch.allclose is not. */
    public static void assertClose(double[] actual, double[] expected, double tolerance, String what) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double scale = 0, err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        assertThat(err).as("%s: max error %s at scale %s", what, err, scale).isLessThanOrEqualTo(tolerance * scale);
    }

    /** A stack with every parameter drawn from U(-0.8, 0.8). */
    public static RecurrentStack randomStack(RecurrentStack stack, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Parameter p : stack.parameters()) Initialisers.uniform(p, 0.8, rng);
        return stack;
    }

    /** The PyTorch weight file of a stack, as {@code {k: v.tolist() for k, v in state_dict().items()}} writes it. */
    public static ObjectNode pytorchFile(RecurrentStack stack) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cell", stack.kind().id());
        root.put("input_size", stack.inputSize());
        root.put("hidden_size", stack.hiddenSize());
        ObjectNode sd = root.putObject("state_dict");
        for (Parameter p : stack.parameters()) sd.set(p.name(), tensor(p));
        return root;
    }

    static ArrayNode tensor(Parameter p) {
        ArrayNode a = JSON.createArrayNode();
        boolean bias = p.name().contains("bias");
        for (int r = 0; r < p.rows(); r++) {
            if (bias) {
                a.add(p.data()[r]);
                continue;
            }
            ArrayNode row = a.addArray();
            for (int c = 0; c < p.cols(); c++) row.add(p.data()[r * p.cols() + c]);
        }
        return a;
    }

    public static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\\R"));
    }
}
