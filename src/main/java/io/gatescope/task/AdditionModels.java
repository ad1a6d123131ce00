package io.gatescope.task;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.Traces;
import io.gatescope.engine.trace.ModelTrace;
import java.util.List;
import java.util.SplittableRandom;

/** The seeds' models for the addition task, initialised Keras' way from a seed. */
public final class AdditionModels {
    /** The seeds' dense baseline's hidden widths: Dense(50, ReLU) → Dense(100, ReLU). */
    public static final List<Integer> DENSE_WIDTHS = List.of(50, 100);

    private AdditionModels() {
    }

    /** Encoder → repeat 5 → decoder → Dense 11, one layer each, Keras' default initialisation. */
    public static EncoderDecoder encoderDecoder(CellKind kind, int hidden, long seed) {
        EncoderDecoder m = new EncoderDecoder(kind, AdditionTask.SYMBOLS, hidden, AdditionTask.SYMBOLS,
                AdditionTask.STEPS, AdditionTask.STEPS, 1, false);
        SplittableRandom rng = new SplittableRandom(seed);
        for (RecurrentLayer l : m.encoder().layers()) Initialisers.kerasDefault(l, rng);
        for (RecurrentLayer l : m.decoder().layers()) Initialisers.kerasDefault(l, rng);
        Initialisers.kerasDefault(m.head(), rng);
        return m;
    }

    /** The seeds' baseline: {@link #DENSE_WIDTHS} ReLU layers, then Dense 11. */
    public static DenseBaseline denseBaseline(long seed) {
        DenseBaseline m = new DenseBaseline(AdditionTask.SYMBOLS, AdditionTask.SYMBOLS, AdditionTask.STEPS,
                DENSE_WIDTHS.stream().mapToInt(Integer::intValue).toArray());
        SplittableRandom rng = new SplittableRandom(seed);
        m.layers().forEach(d -> Initialisers.kerasDefault(d, rng));
        return m;
    }

    /** The full trace of one example for the views. */
    public static ModelTrace trace(EncoderDecoder model, AdditionTask.Example example) {
        return trace(model, example, GateClamps.NONE);
    }

    /** The same with gates held at constants (a what-if run). */
    public static ModelTrace trace(EncoderDecoder model, AdditionTask.Example example, GateClamps clamps) {
        return trace(model, example, false, clamps);
    }

    /** The same for a model that reads its questions {@code reversed}: the steps show what it read, in that order. */
    public static ModelTrace trace(EncoderDecoder model, AdditionTask.Example example, boolean reversed, GateClamps clamps) {
        String input = example.input(reversed);
        return Traces.of(model, example.sequence(reversed), input.chars().mapToObj(c -> String.valueOf((char) c)).toList(),
                AdditionTask.VOCABULARY, clamps);
    }
}
