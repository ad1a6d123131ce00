package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.SequenceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gatescope model files give back exactly what was saved: the same architecture and the same bits. */
class ModelFilesRoundTripTest {
    /** Doubles whose text form is easy to get wrong: signed zero, subnormals, extremes, 0.1, 1/3. */
    private static final double[] AWKWARD = {-0.0, Double.MIN_VALUE, 4.9e-310, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, 0.1, 1.0 / 3, 2e-3, 1e23, 9007199254740993.0, Math.PI, -Math.E};

    @TempDir
    Path dir;

    @Test
    void encoderDecoderWithPeepholesAndTrainingNotes() throws Exception {
        EncoderDecoder model = new EncoderDecoder(CellKind.LSTM, 11, 6, 11, 5, 5, 2, true);
        fill(model.parameters(), 1);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("seed", 7);
        training.put("epochs", 100);
        training.put("sequence_accuracy", 0.987654321);
        training.put("history", List.of(2.5, 1.25, 0.1));
        training.put("settings", Map.of("optimizer", "adam", "learning_rate", 0.001, "clip", true));
        ModelFile.Sequence saved = new ModelFile.Sequence(model, ModelFile.Metadata.of(ModelFiles.ADDITION, training));

        ModelFile.Sequence loaded = (ModelFile.Sequence) roundTrip(saved);
        EncoderDecoder back = (EncoderDecoder) loaded.model();
        assertThat(back.kind()).isEqualTo(CellKind.LSTM);
        assertThat(back.hiddenSize()).isEqualTo(6);
        assertThat(back.encoder().numLayers()).isEqualTo(2);
        assertThat(back.encoder().hasPeepholes()).isTrue();
        assertThat(List.of(back.inputSteps(), back.outputSteps(), back.outputSize())).containsExactly(5, 5, 11);
        assertThat(loaded.metadata()).isEqualTo(saved.metadata());
        assertSameBits(back, model);
    }

    @Test
    void denseBaseline() throws Exception {
        DenseBaseline model = new DenseBaseline(11, 11, 5, 50, 100);
        fill(model.parameters(), 2);
        ModelFile.Sequence loaded = (ModelFile.Sequence) roundTrip(
                new ModelFile.Sequence(model, ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
        DenseBaseline back = (DenseBaseline) loaded.model();
        assertThat(back.layers()).extracting(d -> d.outputSize()).containsExactly(50, 100, 11);
        assertThat(loaded.metadata().task()).contains(ModelFiles.ADDITION);
        assertSameBits(back, model);
    }

    @Test
    void stack() throws Exception {
        RecurrentStack stack = new RecurrentStack("", CellKind.GRU, 3, 5, 3, false);
        fill(stack.parameters(), 3);
        ModelFile.Stack loaded = (ModelFile.Stack) roundTrip(new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        assertThat(loaded.stack().kind()).isEqualTo(CellKind.GRU);
        assertThat(loaded.stack().numLayers()).isEqualTo(3);
        assertThat(loaded.metadata()).isEqualTo(ModelFile.Metadata.NONE);
        assertSameBits(loaded.stack().parameters(), stack.parameters());
    }

    @Test
    void aStackTakenOutOfAModelIsSavedUnderPyTorchsNames() throws Exception {
        EncoderDecoder model = new EncoderDecoder(CellKind.RNN_RELU, 11, 4, 11, 5, 5, 1, false);
        fill(model.parameters(), 4);
        ModelFile.Stack loaded = (ModelFile.Stack) roundTrip(new ModelFile.Stack(model.encoder(), ModelFile.Metadata.NONE));
        assertThat(loaded.stack().parameters()).extracting(Parameter::name)
                .containsExactly("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0");
        for (int i = 0; i < 4; i++) {
            assertThat(loaded.stack().parameters().get(i).data()).isEqualTo(model.encoder().parameters().get(i).data());
        }
    }

    @Test
    void savingReplacesAnExistingFileAndLeavesNothingBehind() throws Exception {
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 2, 2, 1, false);
        Path file = dir.resolve("m.json");
        Files.writeString(file, "old content");
        ModelFiles.save(file, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        assertThat(Files.readString(file)).contains("\"format\": \"gatescope-model\"");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** Saves, loads, saves again: the second file must be byte for byte the first. */
    private ModelFile roundTrip(ModelFile model) throws Exception {
        Path first = dir.resolve("first.json"), second = dir.resolve("second.json");
        ModelFiles.save(first, model);
        ModelFile loaded = ModelFiles.load(first);
        ModelFiles.save(second, loaded);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        return loaded;
    }

    private static void fill(List<Parameter> params, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int awkward = 0;
        for (Parameter p : params) {
            double[] d = p.data();
            for (int i = 0; i < d.length; i++) {
                // Random bit patterns cover every exponent; a few awkward values go into every tensor.
                double v = Double.longBitsToDouble(rng.nextLong());
                d[i] = i < 2 ? AWKWARD[awkward++ % AWKWARD.length] : Double.isFinite(v) ? v : rng.nextGaussian();
            }
            p.touch();
        }
    }

    private static void assertSameBits(SequenceModel actual, SequenceModel expected) {
        assertSameBits(actual.parameters(), expected.parameters());
    }

    private static void assertSameBits(List<Parameter> actual, List<Parameter> expected) {
        assertThat(actual).extracting(Parameter::name).isEqualTo(expected.stream().map(Parameter::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            double[] a = actual.get(i).data(), e = expected.get(i).data();
            assertThat(a.length).isEqualTo(e.length);
            for (int j = 0; j < e.length; j++) {
                assertThat(Double.doubleToRawLongBits(a[j])).as("%s[%d]", expected.get(i).name(), j)
                        .isEqualTo(Double.doubleToRawLongBits(e[j]));
            }
        }
    }
}
