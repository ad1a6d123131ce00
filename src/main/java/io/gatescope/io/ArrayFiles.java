package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Reads the small files of numbers the command line takes: an input sequence (T×I) and upstream
 * gradients (T×H) through {@link SequenceFiles}, initial states (H numbers, or K×H for K layers). Messages name the file, the
 * quantity (x, h0, c0, grad_h) with the position of a bad number, and the shape that was expected.
 */
public final class ArrayFiles {
    private ArrayFiles() {
    }

    /**
     * A sequence of {@code rows}×{@code cols} numbers, one row per time step, in any form
     * {@link SequenceFiles} reads (nested list, CSV, {@code {"x": ...}}); {@code rows} &lt; 0 accepts
     * any number of rows from 1. {@code needs} says who needs the shape ("the LSTM with input_size 3").
     */
    public static double[][] readSteps(Path file, String quantity, int rows, int cols, String needs) throws FileException {
        double[][] steps = SequenceFiles.read(file, quantity);
        int t = steps.length, width = steps[0].length;
        if ((rows >= 0 && t != rows) || width != cols) {
            String got = t + "x" + width + (width == 1 && cols != 1 ? " (one number per step)" : "");
            throw new FileException(file, quantity + " is " + got + " but " + needs + " needs " + (rows < 0 ? t : rows) + "x"
                    + cols + " (one row per time step)");
        }
        return steps;
    }

    /**
     * Initial states, one row of {@code hidden} numbers per layer: a flat list of H numbers for one
     * layer (as a user would type it) or a nested K×H list.
     */
    public static double[][] readStates(Path file, String quantity, int layers, int hidden, String needs)
            throws FileException {
        JsonInput in = JsonInput.read(file);
        JsonNode root = in.root();
        boolean flat = root.isArray() && root.size() > 0 && !root.get(0).isArray();
        if (flat && layers == 1) return new double[][] {in.numbers(root, quantity, hidden, 0, needs)};
        String what = layers == 1 ? "a list of " + hidden + " numbers" : layers + "x" + hidden + " (one row per layer)";
        if (!root.isArray() || flat) throw in.error(quantity + " is " + JsonInput.describe(root) + " but " + needs + " needs " + what);
        return split(in.numbers(root, quantity, layers, hidden, needs), layers, hidden);
    }

    private static double[][] split(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) out[r] = java.util.Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        return out;
    }
}
