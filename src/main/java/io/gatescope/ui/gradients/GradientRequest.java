package io.gatescope.ui.gradients;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GradientSetup;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientProfiles;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.task.AdditionGradients;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.training.TrainedWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the gradient view's controls say, validated: what one computation needs. Immutable, so
 * it can be handed to the compute thread; {@link #study} runs there, never on the FX thread.
 *
 * <p>The shipped encoders come from a function so the view can load them once and keep them.
 *
 * @param setup     steps, hidden size, spectral radius, activation, forget bias, seed (random parts)
 * @param trained   the shipped addition models' weights instead of random ones
 * @param run       the training run's latest weights instead (one cell, the run's), or null
 * @param addition  the addition input instead of a random one (null for random)
 * @param clip      the clipping norm, or 0 for no clipping
 * @param threshold the readout's fraction of the last step's norm
 */
record GradientRequest(GradientSetup setup, boolean trained, TrainedWeights run, AdditionTask.Example addition, double clip, double threshold) {

    /**
     * The three cells' profiles, or the training run's one; with {@code jacobians}, their step
     * Jacobians' largest singular values too. A trained model reads the addition input the way it
     * was trained (reversed or as written), as the main view feeds it; random weights read it as written.
     */
    GradientStudy study(Function<CellKind, LoadedModel.Addition> shipped, boolean jacobians) {
        List<GradientProfile> profiles = new ArrayList<>();
        if (run != null) {
            RecurrentStack encoder = ((EncoderDecoder) run.model()).encoder();   // built here, off the FX thread
            profiles.add(GradientProfiles.compute(encoder, input(run.config().reversed()), null, null, null, jacobians));
        } else if (trained) {
            for (CellKind kind : List.of(CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU)) {
                LoadedModel.Addition a = shipped.apply(kind);
                profiles.add(GradientProfiles.compute(a.model().encoder(), input(a.reversed()), null, null, null, jacobians));
            }
        } else {
            double[][] x = input(false);
            for (CellKind kind : List.of(setup.rnnKind(), CellKind.LSTM, CellKind.GRU)) {
                profiles.add(GradientProfiles.compute(setup.model(kind, x[0].length), x, null, null, null, jacobians));
            }
        }
        return new GradientStudy(profiles);
    }

    /** The input sequence: the addition input as a model {@code reversed} or not reads it, else the random one. */
    private double[][] input(boolean reversed) {
        return addition != null ? addition.sequence(reversed)
                : trained || run != null ? AdditionGradients.randomInput(setup.steps(), setup.seed()) : setup.input();
    }

    /**
     * The addition input as the request's trained weights read it, for captions ("06+76 (67+60
     * reversed)"); null for a random input. {@code shippedReversed} says how the shipped models read.
     */
    String inputLabel(boolean shippedReversed) {
        if (addition == null) return null;
        return addition.asRead(run != null ? run.config().reversed() : trained && shippedReversed);
    }

    /** The spectral-radius sweep, random weights and input only. */
    GradientStudy.Sweep sweep() {
        return GradientStudy.sweep(setup, 0.5, 1.5, 21);
    }

    /** Whether a sweep means anything: it redraws the random weights at each radius. */
    boolean canSweep() {
        return !trained && run == null && addition == null;
    }

    /** The shipped addition model of {@code kind}, as the picker loads it. */
    static LoadedModel.Addition shippedModel(ModelLoader loader, CellKind kind) {
        ModelChoice.Shipped choice = loader.shipped().stream().filter(s -> s.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no shipped " + kind.title() + " model"));
        if (loader.load(choice) instanceof LoadedModel.Addition a) return a;
        throw new IllegalStateException(choice.asset() + " is not an addition model");
    }
}
