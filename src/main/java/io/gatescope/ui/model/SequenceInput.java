package io.gatescope.ui.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The input sequence for a model that is not an addition model: T rows of I numbers, and where they
 * came from (typed into the table, read from a file, or drawn from a seed) so the UI can say so.
 */
public record SequenceInput(double[][] rows, String origin) {
    public SequenceInput {
        if (rows.length == 0) throw new IllegalArgumentException("a sequence needs at least one step");
        int width = rows[0].length;
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != width) {
                throw new IllegalArgumentException("step " + (t + 1) + " has " + rows[t].length
                        + " numbers, step 1 has " + width + ": every step needs the same count");
            }
        }
        rows = Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }

    public int length() { return rows.length; }

    public int width() { return rows[0].length; }

    /** A copy of the rows. */
    @Override public double[][] rows() {
        return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }

    /** Uniform values in [−1, 1) from {@code seed}: the same seed and length give the same sequence. */
    public static SequenceInput random(int length, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[length][width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) row[i] = rng.nextDouble(-1.0, 1.0);
        }
        return new SequenceInput(rows, "random, seed " + seed);
    }
}
