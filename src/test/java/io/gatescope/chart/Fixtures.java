package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-built traces that obey each cell's equations (gates from pre-activations, c and h from the
 * gates), so the charts see what the engine would give them without running its forward pass.
 */
final class Fixtures {
    static final List<String> INPUT = List.of("6", "7", "+", "6", "0");
    static final List<String> OUTPUT = List.of("1", "2", "7");
    static final List<String> VOCABULARY = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", " ");

    private Fixtures() {
    }

    static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }

    static double logit(double p) { return Math.log(p / (1 - p)); }

    static double atanh(double y) { return 0.5 * Math.log((1 + y) / (1 - y)); }

    /** One step of {@code kind} computed from pre-activations, as the engine's cells do. */
    static StepTrace step(CellKind kind, double[] x, double[] hPrev, double[] cPrev, double[] pre) {
        int h = hPrev.length;
        double[] gates = new double[pre.length];
        double[] c = kind.hasCellState() ? new double[h] : new double[0];
        double[] hNew = new double[h];
        for (int j = 0; j < h; j++) {
            switch (kind) {
                case LSTM -> {
                    double i = sigmoid(pre[j]), f = sigmoid(pre[h + j]), g = Math.tanh(pre[2 * h + j]), o = sigmoid(pre[3 * h + j]);
                    gates[j] = i; gates[h + j] = f; gates[2 * h + j] = g; gates[3 * h + j] = o;
                    c[j] = f * cPrev[j] + i * g;
                    hNew[j] = o * Math.tanh(c[j]);
                }
                case GRU -> {
                    double r = sigmoid(pre[j]), z = sigmoid(pre[h + j]), n = Math.tanh(pre[2 * h + j]);
                    gates[j] = r; gates[h + j] = z; gates[2 * h + j] = n;
                    hNew[j] = (1 - z) * n + z * hPrev[j];
                }
                case GRU_SIMPLE -> {
                    double u = sigmoid(pre[j]), g = Math.tanh(pre[h + j]);
                    gates[j] = u; gates[h + j] = g;
                    hNew[j] = u * g + (1 - u) * hPrev[j];
                }
                case RNN_TANH -> { hNew[j] = Math.tanh(pre[j]); gates[j] = hNew[j]; }
                case RNN_RELU -> { hNew[j] = Math.max(0, pre[j]); gates[j] = hNew[j]; }
            }
        }
        return new StepTrace(x.clone(), hPrev.clone(), kind.hasCellState() ? cPrev.clone() : new double[0],
                pre.clone(), gates, c, hNew);
    }

    /** A layer run of {@code steps} steps with seeded random pre-activations, chaining h and c. */
    static LayerTrace layer(CellKind kind, int hidden, int steps, long seed) {
        Random random = new Random(seed);
        double[] h = new double[hidden], c = new double[hidden];
        List<StepTrace> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] x = new double[3];
            x[t % 3] = 1;
            double[] pre = new double[kind.blocks() * hidden];
            for (int k = 0; k < pre.length; k++) pre[k] = random.nextGaussian() * 1.5;
            StepTrace s = step(kind, x, h, c, pre);
            out.add(s);
            h = s.hCopy();
            if (kind.hasCellState()) c = s.cCopy();
        }
        return new LayerTrace(kind, 3, hidden, out);
    }

    /** The seeds' shape: an encoder reading "67+60", a decoder predicting "127" with a softmax head. */
    static ModelTrace model(CellKind kind, int hidden) {
        SequenceTrace encoder = new SequenceTrace(List.of(layer(kind, hidden, INPUT.size(), 11)));
        SequenceTrace decoder = new SequenceTrace(List.of(layer(kind, hidden, OUTPUT.size(), 23)));
        double[][] probabilities = new double[OUTPUT.size()][VOCABULARY.size()];
        double[] best = {0.93, 0.71, 0.88};
        for (int d = 0; d < OUTPUT.size(); d++) {
            java.util.Arrays.fill(probabilities[d], (1 - best[d]) / (VOCABULARY.size() - 1));
            probabilities[d][VOCABULARY.indexOf(OUTPUT.get(d))] = best[d];
        }
        return new ModelTrace(INPUT, encoder, decoder, probabilities, OUTPUT, VOCABULARY);
    }

    /** An encoder-only model (a plain recurrent stack without a head). */
    static ModelTrace encoderOnly(CellKind kind, int hidden) {
        SequenceTrace encoder = new SequenceTrace(List.of(layer(kind, hidden, INPUT.size(), 5)));
        return new ModelTrace(INPUT, encoder, null, new double[0][], List.of(), List.of());
    }

    /** An encoder-only run of {@code steps} steps labelled x1, x2, … (t counts from 1): a sequence too long to show whole. */
    static ModelTrace longRun(CellKind kind, int hidden, int steps) {
        SequenceTrace encoder = new SequenceTrace(List.of(layer(kind, hidden, steps, 17)));
        List<String> labels = java.util.stream.IntStream.range(0, steps).mapToObj(t -> "x" + TimeAxis.numberOf(t)).toList();
        return new ModelTrace(labels, encoder, null, new double[0][], List.of(), List.of());
    }

    /** An encoder–decoder with a softmax head over many steps, so the "repeat" bridge can be out of view. */
    static ModelTrace longEncoderDecoder(CellKind kind, int hidden, int encoderSteps, int decoderSteps) {
        SequenceTrace encoder = new SequenceTrace(List.of(layer(kind, hidden, encoderSteps, 19)));
        SequenceTrace decoder = new SequenceTrace(List.of(layer(kind, hidden, decoderSteps, 29)));
        List<String> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        double[][] probabilities = new double[decoderSteps][VOCABULARY.size()];
        for (int t = 0; t < encoderSteps; t++) inputs.add(VOCABULARY.get(t % 10));
        for (int d = 0; d < decoderSteps; d++) {
            outputs.add(VOCABULARY.get(d % 10));
            java.util.Arrays.fill(probabilities[d], 0.5 / (VOCABULARY.size() - 1));
            probabilities[d][d % 10] = 0.5;
        }
        return new ModelTrace(inputs, encoder, decoder, probabilities, outputs, VOCABULARY);
    }

    /**
     * An LSTM step with H = 4 whose unit 3 has the brief's numbers: forget pre-activation 0.412,
     * c_{t−1} = −0.113, input gate 0.871, candidate 0.455.
     */
    static StepTrace lstmUnit3() {
        int h = 4;
        double[] pre = new double[4 * h];
        for (int k = 0; k < pre.length; k++) pre[k] = 0.1 * (k % 5) - 0.2;
        pre[3] = logit(0.871);
        pre[h + 3] = 0.412;
        pre[2 * h + 3] = atanh(0.455);
        pre[3 * h + 3] = logit(0.700);
        double[] hPrev = {0.1, -0.2, 0.3, -0.4};
        double[] cPrev = {0.5, -0.5, 0.25, -0.113};
        return step(CellKind.LSTM, new double[] {0, 1, 0}, hPrev, cPrev, pre);
    }

    /** A GRU step with H = 4 whose unit 3 has reset 0.6, update z = 0.3, candidate 0.39, h_{t−1} = −0.2. */
    static StepTrace gruUnit3() {
        int h = 4;
        double[] pre = new double[3 * h];
        for (int k = 0; k < pre.length; k++) pre[k] = 0.05 * k - 0.3;
        pre[3] = logit(0.6);
        pre[h + 3] = logit(0.3);
        pre[2 * h + 3] = atanh(0.39);
        return step(CellKind.GRU, new double[] {1, 0, 0}, new double[] {0.2, 0.1, 0.0, -0.2}, new double[0], pre);
    }
}
