package io.gatescope.engine;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The gradient view's named starting points, each a lesson: a tanh RNN whose gradient vanishes
 * (spectral radius 0.5) or explodes (1.5), an LSTM whose forget gates start open (bias +1) or
 * nearly shut (−3), and the shipped addition models, trained, on the current addition input.
 */
public enum GradientPreset {
    RNN_VANISHING("rnn-vanishing", "tanh RNN, spectral radius 0.5: the gradient vanishes", s -> s.withRelu(false).withSpectralRadius(0.5)),
    RNN_EXPLODING("rnn-exploding", "tanh RNN, spectral radius 1.5: the gradient explodes", s -> s.withRelu(false).withSpectralRadius(1.5)),
    LSTM_FORGET_PLUS_1("lstm-forget+1", "LSTM forget-gate bias +1: the carousel carries the gradient", s -> s.withForgetBias(1.0)),
    LSTM_FORGET_MINUS_3("lstm-forget-3", "LSTM forget-gate bias −3: the gates forget, the gradient with them", s -> s.withForgetBias(-3.0)),
    TRAINED("trained", "the shipped addition models, trained, on the current addition input", s -> s);

    private final String id;
    private final String description;
    private final UnaryOperator<GradientSetup> apply;

    GradientPreset(String id, String description, UnaryOperator<GradientSetup> apply) {
        this.id = id;
        this.description = description;
        this.apply = apply;
    }

    /** The name a user types: {@code rnn-vanishing}, {@code lstm-forget+1}, ... */
    public String id() { return id; }

    public String description() { return description; }

    /** Whether the preset uses the shipped trained models instead of random weights. */
    public boolean trained() { return this == TRAINED; }

    /** {@code base} with this preset's settings (the default setup's for everything the preset leaves). */
    public GradientSetup applyTo(GradientSetup base) {
        return apply.apply(base);
    }

    /** Looks a preset up by its name; the message lists the names. */
    public static GradientPreset fromId(String id) {
        for (GradientPreset p : values()) {
            if (p.id.equals(id)) return p;
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(GradientPreset::id).toList()));
    }
}
