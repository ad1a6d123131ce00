package io.gatescope.cli;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ParameterCounts;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras-like summary of the seeds' addition models: layers, output shapes and parameter counts.
 * The Keras count is what the seeds print; the PyTorch count is what Gatescope's engine holds (it
 * keeps PyTorch's two biases, b_ih and b_hh, per gate block). Counts follow from the shapes, so a
 * large --hidden costs nothing; a test holds them equal to the engine's parameter sizes. A count
 * beyond a long throws ArithmeticException (never a negative number).
 */
final class ModelSummary {
    /** One table row; {@code keras} and {@code pytorch} are parameter counts. */
    record Row(String layer, String shape, long keras, long pytorch) {
    }

    private final String name;
    private final List<Row> rows;
    private final String convention;

    private ModelSummary(String name, List<Row> rows, String convention) {
        this.name = name;
        this.rows = rows;
        this.convention = convention;
    }

    List<Row> rows() { return rows; }

    /** The seeds' encoder → RepeatVector → decoder → Dense model with one recurrent layer each side. */
    static ModelSummary encoderDecoder(CellKind kind, int hidden) {
        int v = AdditionTask.SYMBOLS, steps = AdditionTask.STEPS;
        String type = switch (kind) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case RNN_TANH -> "SimpleRNN";
            default -> throw new IllegalArgumentException("Keras has no layer for " + kind.id());
        };
        String layer = type.equals("SimpleRNN") ? "simple_rnn" : type.toLowerCase(Locale.ROOT);
        List<Row> rows = List.of(
                recurrent(layer + " (" + type + ")", "(None, " + hidden + ")", kind, v, hidden),
                new Row("repeat_vector (RepeatVector)", "(None, " + steps + ", " + hidden + ")", 0, 0),
                recurrent(layer + "_1 (" + type + ")", "(None, " + steps + ", " + hidden + ")", kind, hidden, hidden),
                dense("dense (Dense)", "(None, " + steps + ", " + v + ")", hidden, v));
        String convention = kind == CellKind.GRU
                ? "Param # counts as Keras' GRU with reset_after=True (the TF2 default): two biases per\n"
                        + "gate block, as in PyTorch, so both counts agree."
                : "Param # counts as Keras does: one bias per gate block. PyTorch # counts bias_ih and\n"
                        + "bias_hh, as PyTorch and Gatescope store them.";
        return new ModelSummary("addition_" + layer, rows, convention);
    }

    /** The seeds' baseline: Dense({@link AdditionModels#DENSE_WIDTHS}, relu) → Dense(11) on every step. */
    static ModelSummary denseBaseline() {
        int v = AdditionTask.SYMBOLS;
        List<Integer> w = new ArrayList<>(List.of(v));
        w.addAll(AdditionModels.DENSE_WIDTHS);
        w.add(v);
        int[] widths = w.stream().mapToInt(Integer::intValue).toArray();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            rows.add(dense("dense" + (k == 0 ? "" : "_" + k) + " (Dense)", "(None, None, " + widths[k + 1] + ")",
                    widths[k], widths[k + 1]));
        }
        return new ModelSummary("addition_dense", List.copyOf(rows), "A dense layer has one bias in both conventions.");
    }

    /**
     * PyTorch's count ({@link ParameterCounts}) holds b_ih and b_hh; Keras merges them into one bias
     * per gate block, except a GRU with reset_after=True, which keeps both.
     */
    private static Row recurrent(String layer, String shape, CellKind kind, int input, int hidden) {
        long pytorch = ParameterCounts.recurrent(kind, input, hidden, 1, false, true);
        long oneBias = Math.multiplyExact((long) kind.blocks(), hidden);
        return new Row(layer, shape, kind == CellKind.GRU ? pytorch : pytorch - oneBias, pytorch);
    }

    /** weight (out×in) and one bias in both conventions. */
    private static Row dense(String layer, String shape, int input, int output) {
        long n = ParameterCounts.dense(input, output);
        return new Row(layer, shape, n, n);
    }

    long kerasTotal() { return rows.stream().mapToLong(Row::keras).reduce(0, Math::addExact); }

    long pytorchTotal() { return rows.stream().mapToLong(Row::pytorch).reduce(0, Math::addExact); }

    void print(PrintWriter out) {
        String format = " %-30s %-17s %12s %12s%n";
        String line = "_".repeat(75), thick = "=".repeat(75);
        out.printf("Model: \"%s\"%n%s%n", name, line);
        out.printf(format, "Layer (type)", "Output Shape", "Param #", "PyTorch #");
        out.println(thick);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.printf(format, r.layer(), r.shape(), count(r.keras()), count(r.pytorch()));
            out.println(i == rows.size() - 1 ? thick : line);
        }
        out.printf("Total params: %s (PyTorch: %s)%n", count(kerasTotal()), count(pytorchTotal()));
        out.printf("Trainable params: %s%n", count(kerasTotal()));
        out.printf("Non-trainable params: 0%n%s%n", line);
        out.println(convention.replace("\n", System.lineSeparator()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
