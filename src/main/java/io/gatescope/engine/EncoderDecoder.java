package io.gatescope.engine;

import io.gatescope.engine.trace.SequenceTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seeds' arrangement: an encoder reads the input sequence, its last hidden state is repeated
 * T_out times as the input of a decoder that returns every step, and a dense layer (softmax in the
 * loss) turns each decoder h_t into logits. Keras: {@code LSTM(H), RepeatVector(5),
 * LSTM(H, return_sequences=True), Dense(V, softmax)}. Parameters: {@code encoder.*}, {@code decoder.*},
 * {@code head.weight}, {@code head.bias}.
 */
public final class EncoderDecoder implements SequenceModel {
    private final RecurrentStack encoder;
    private final RecurrentStack decoder;
    private final Dense head;
    private final int inputSteps;
    private final int outputSteps;
    private final List<Parameter> parameters;

    public EncoderDecoder(CellKind kind, int inputSize, int hiddenSize, int outputSize, int inputSteps,
                          int outputSteps, int layers, boolean peepholes) {
        this.encoder = new RecurrentStack("encoder.", kind, inputSize, hiddenSize, layers, peepholes);
        this.decoder = new RecurrentStack("decoder.", kind, hiddenSize, hiddenSize, layers, peepholes);
        this.head = new Dense("head.", hiddenSize, outputSize, Dense.Activation.LINEAR);
        this.inputSteps = inputSteps;
        this.outputSteps = outputSteps;
        List<Parameter> ps = new ArrayList<>(encoder.parameters());
        ps.addAll(decoder.parameters());
        ps.addAll(head.parameters());
        this.parameters = List.copyOf(ps);
    }

    public RecurrentStack encoder() { return encoder; }

    public RecurrentStack decoder() { return decoder; }

    public Dense head() { return head; }

    public CellKind kind() { return encoder.kind(); }

    public int hiddenSize() { return encoder.hiddenSize(); }

    @Override public List<Parameter> parameters() { return parameters; }

    @Override public int inputSteps() { return inputSteps; }

    @Override public int inputSize() { return encoder.inputSize(); }

    @Override public int outputSteps() { return outputSteps; }

    @Override public int outputSize() { return head.outputSize(); }

    /** The workspace of an encoder–decoder: both stacks' runs and the per-step gradient at the decoder. */
    public final class Run extends Workspace {
        final List<LayerRun> enc;
        final List<LayerRun> dec;
        final double[][] repeated;
        final double[][] dhDecoder;
        final double[][] dhEncoder;

        Run(int maxBatch) {
            super(maxBatch, outputSteps, head.outputSize());
            enc = encoder.newRun(maxBatch, inputSteps);
            enc.get(0).wantsInputGradient = false;   // the input is the one-hot question: its gradient has no reader,
            enc.get(0).sparseInput = true;           // and its products can skip the zeros
            dec = decoder.newRun(maxBatch, outputSteps);
            repeated = new double[outputSteps][];
            dhDecoder = new double[outputSteps][maxBatch * hiddenSize()];
            dhEncoder = new double[inputSteps][];
        }

        public List<LayerRun> encoderRuns() { return enc; }

        /** Holds gates at constants in the following forward and backward passes ({@link GateClamps#NONE}: none). */
        public void clamp(GateClamps clamps) {
            clamps.install(enc, GateClamp.Where.ENCODER);
            clamps.install(dec, GateClamp.Where.DECODER);
        }

        public List<LayerRun> decoderRuns() { return dec; }

        /** Example b's encoder and decoder traces. */
        public SequenceTrace encoderTrace(int b) { return encoder.trace(enc, b); }

        public SequenceTrace decoderTrace(int b) { return decoder.trace(dec, b); }
    }

    @Override
    public Run newWorkspace(int maxBatch) {
        return new Run(maxBatch);
    }

    @Override
    public void forward(Workspace w, int batch, double[][] xs) {
        Run r = (Run) w;
        r.batch = batch;
        encoder.forward(r.enc, batch, inputSteps, xs, null, null);
        // RepeatVector: every decoder step reads the same array, so the decoder projects it only once.
        double[] last = r.enc.get(r.enc.size() - 1).hidden(inputSteps - 1);
        Arrays.fill(r.repeated, last);
        decoder.forward(r.dec, batch, outputSteps, r.repeated, null, null);
        LayerRun top = r.dec.get(r.dec.size() - 1);
        int v = head.outputSize();
        for (int t = 0; t < outputSteps; t++) {
            head.forward(batch, top.hidden(t), r.logits[t]);
            for (int b = 0; b < batch; b++) Losses.softmaxRow(r.logits[t], b * v, v, r.probs[t]);
        }
    }

    @Override
    public void backward(Workspace w, Gradients grads) {
        Run r = (Run) w;
        int batch = r.batch;
        LayerRun top = r.dec.get(r.dec.size() - 1);
        for (int t = 0; t < outputSteps; t++) {
            head.backward(batch, top.hidden(t), r.logits[t], r.dlogits[t], r.dhDecoder[t], grads);
        }
        decoder.backward(r.dec, r.dhDecoder, null, grads);
        LayerRun bottom = r.dec.get(0);
        // The repeated vector's gradient is the sum over the decoder steps that read it.
        double[] dRepeated = outputSteps > 1 ? bottom.sharedInputGradient() : bottom.inputGradient(0);
        Arrays.fill(r.dhEncoder, null);
        r.dhEncoder[inputSteps - 1] = dRepeated;
        encoder.backward(r.enc, r.dhEncoder, null, grads);
    }
}
