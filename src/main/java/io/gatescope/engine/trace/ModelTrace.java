package io.gatescope.engine.trace;

import java.util.List;

/**
 * Everything a model computed for one input, ready for the views: the encoder's trace, the
 * decoder's trace (for the seeds' encoder → repeat → decoder models; null for a plain recurrent
 * stack), and the output layer's softmax probabilities per decoder step.
 *
 * @param inputLabels   one label per encoder step (the input characters, e.g. "0","6","7","+","6")
 * @param encoder       the encoder stack's trace (layer 0 reads the input)
 * @param decoder       the decoder stack's trace, or null
 * @param probabilities softmax output per decoder step, T_dec×V (empty without a dense head)
 * @param outputLabels  one label per decoder step: the argmax character (empty without a head)
 * @param vocabulary    the output symbols, index-aligned with the probabilities (e.g. "0".."9","+")
 */
public record ModelTrace(List<String> inputLabels, SequenceTrace encoder, SequenceTrace decoder,
                         double[][] probabilities, List<String> outputLabels, List<String> vocabulary) {
    public ModelTrace {
        inputLabels = List.copyOf(inputLabels);
        outputLabels = List.copyOf(outputLabels);
        vocabulary = List.copyOf(vocabulary);
        probabilities = copy(probabilities);
    }

    /** The softmax output per decoder step, T_dec×V: a copy (read one number with {@link #probability}). */
    @Override
    public double[][] probabilities() { return copy(probabilities); }

    /** Decoder steps with a softmax output (0 without a dense head). */
    public int outputSteps() { return probabilities.length; }

    /** The probability of symbol {@code k} at decoder step {@code step}. */
    public double probability(int step, int k) { return probabilities[step][k]; }

    /** The probabilities at decoder step {@code step}, a copy of length V. */
    public double[] probabilities(int step) { return probabilities[step].clone(); }

    /** The largest probability at decoder step {@code step}: that of the predicted symbol. */
    public double bestProbability(int step) {
        double best = Double.NEGATIVE_INFINITY;
        for (double p : probabilities[step]) best = Math.max(best, p);
        return best;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    /**
     * How time is numbered wherever a user reads it: from 1 within each sequence (the encoder's
     * steps t = 1..T_in, the decoder's t = 1..T_out), so h_0 and c_0 are the initial states, as in
     * PyTorch's documentation and Ng's course. Step index k (from 0, as arrays count) is t = k + 1.
     * {@link #shownStep} turns every index into this number; nothing else adds the 1.
     */
    public static final int FIRST_STEP = 1;

    /**
     * The t a user reads in the window for step index {@code index} (from 0, as arrays, files and the
     * command line's clamp specs count): index 0 is t = 1. The one conversion between the two numberings.
     */
    public static int shownStep(int index) {
        return index + FIRST_STEP;
    }

    public boolean hasDecoder() { return decoder != null; }

    /** Encoder steps plus decoder steps: the length of the time axis the views scrub over. */
    public int totalSteps() { return encoder.length() + (decoder == null ? 0 : decoder.length()); }
}
