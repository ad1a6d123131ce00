package io.gatescope.ui.gradients;

import atlantafx.base.theme.Styles;
import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientSetup;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.training.TrainedWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The gradient view's controls. Every field is checked as it is typed: a value out of range shows
 * its message under the field and nothing is recomputed, so the last good chart stays on screen.
 * {@link #request()} is the current valid request, or empty while any field is wrong.
 */
final class GradientControls extends VBox {
    static final String RANDOM = "random (seeded)";
    static final String SHIPPED = "shipped trained addition models";
    static final String TRAINING = "current training run";
    static final String ADDITION = "the current addition input";
    static final String TANH = "tanh";
    static final String RELU = "ReLU";
    /** The preset list's entry for controls set by hand. */
    static final String CUSTOM = "custom";

    final ComboBox<String> preset = new ComboBox<>();
    final TextField steps = field("steps", "200");
    final TextField hidden = field("hidden", "32");
    final TextField radius = field("radius", "1");
    final Slider radiusSlider = new Slider(0.05, 2.0, 1.0);
    final Label singular = new Label();
    final ChoiceBox<String> activation = new ChoiceBox<>();
    final TextField forgetBias = field("forgetBias", "0");
    final CheckBox clipOn = new CheckBox("Clip the gradient by norm at");
    final TextField clip = field("clip", "1");
    final TextField seed = field("seed", "1");
    final TextField threshold = field("threshold", Double.toString(GradientProfile.DEFAULT_THRESHOLD));
    final ChoiceBox<String> weights = new ChoiceBox<>();
    final ChoiceBox<String> input = new ChoiceBox<>();
    private final List<Check> checks = new ArrayList<>();
    private final Supplier<AdditionTask.Example> addition;
    private final Supplier<TrainedWeights> run;
    private boolean applyingPreset;

    /** A field's rule and the message label under it. */
    private record Check(TextField field, Label message, DoublePredicate ok, String rule, boolean whole) {
        Optional<Double> value() {
            String text = field.getText().strip().replace('−', '-');
            try {
                double v = whole ? Long.parseLong(text) : Double.parseDouble(text);
                return ok.test(v) && Double.isFinite(v) ? Optional.of(v) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * @param addition the addition example the main window traced last (its current input)
     * @param run      the training panel's latest weights, or null while there is no run
     */
    GradientControls(Supplier<AdditionTask.Example> addition, Supplier<TrainedWeights> run, Runnable changed) {
        this.addition = addition;
        this.run = run;
        getStyleClass().add("gradient-controls");
        setSpacing(4);
        setPadding(new Insets(8));
        preset.getItems().add(CUSTOM);
        for (GradientPreset p : GradientPreset.values()) preset.getItems().add(p.id());
        preset.setValue(CUSTOM);
        preset.setId("gradientPreset");
        preset.setMaxWidth(Double.MAX_VALUE);
        activation.getItems().addAll(TANH, RELU);
        activation.setValue(TANH);
        activation.setId("activation");
        weights.getItems().addAll(RANDOM, SHIPPED, TRAINING);
        weights.setValue(RANDOM);
        weights.setId("weightsSource");
        input.getItems().addAll(RANDOM, ADDITION);
        input.setValue(RANDOM);
        input.setId("inputSource");
        clipOn.setId("clipOn");
        singular.setId("largestSingularValue");
        singular.setWrapText(true);
        radiusSlider.setId("radiusSlider");
        radiusSlider.setBlockIncrement(0.05);
        radiusSlider.valueProperty().addListener((o, a, v) -> {
            if (radiusSlider.isValueChanging() || radiusSlider.isFocused()) radius.setText(String.format(Locale.ROOT, "%.2f", v.doubleValue()));
        });
        int maxT = GradientSetup.MAX_STEPS, maxH = GradientSetup.MAX_HIDDEN;
        add("Preset", preset, null);
        add("Weights", weights, null);
        add("Input", input, null);
        add("Sequence length T", steps, check(steps, v -> v >= 1 && v <= maxT, "a whole number from 1 to " + maxT, true));
        add("Hidden size H", hidden, check(hidden, v -> v >= 1 && v <= maxH, "a whole number from 1 to " + maxH, true));
        add("Spectral radius ρ of the recurrent weights", radius, check(radius, v -> v > 0 && v <= 100, "a number above 0 (at most 100)", false));
        getChildren().addAll(radiusSlider, singular);
        add("RNN activation", activation, null);
        add("LSTM forget-gate bias", forgetBias, check(forgetBias, v -> Math.abs(v) <= 20, "a number from −20 to 20", false));
        getChildren().add(clipOn);
        Label clipMessage = check(clip, v -> v > 0, "a norm above 0, e.g. 1", false);
        getChildren().addAll(clip, clipMessage);
        add("Seed (weights and input)", seed, check(seed, v -> true, "a whole number", true));
        add("Readout threshold (fraction of the last step)", threshold, check(threshold, v -> v > 0 && v < 1, "a number between 0 and 1, e.g. 1e-3", false));

        preset.valueProperty().addListener((o, a, p) -> applyPreset(p, changed));
        for (Check c : checks) c.field().textProperty().addListener((o, a, t) -> changedByUser(changed));
        for (ChoiceBox<String> box : List.of(activation, weights, input)) box.valueProperty().addListener((o, a, v) -> changedByUser(changed));
        clipOn.selectedProperty().addListener((o, a, v) -> changedByUser(changed));
        radius.textProperty().addListener((o, a, t) -> checkFor(radius).value().ifPresent(v -> {
            if (!radiusSlider.isValueChanging()) radiusSlider.setValue(Math.min(2.0, v));
        }));
        weights.valueProperty().addListener((o, a, v) -> enableRandomOnly());
        input.valueProperty().addListener((o, a, v) -> enableRandomOnly());
    }

    /** The valid request, or empty while a field holds a value it cannot take. */
    Optional<GradientRequest> request() {
        for (Check c : checks) {
            if (c.value().isEmpty() && !(c.field() == clip && !clipOn.isSelected())) return Optional.empty();
        }
        GradientSetup setup = new GradientSetup(value(steps).intValue(), value(hidden).intValue(), value(radius),
                RELU.equals(activation.getValue()), value(forgetBias), (long) (double) value(seed));
        AdditionTask.Example example = ADDITION.equals(input.getValue()) ? addition.get() : null;
        return Optional.of(new GradientRequest(setup, SHIPPED.equals(weights.getValue()), followsTraining() ? run.get() : null, example,
                clipOn.isSelected() ? value(clip) : 0, value(threshold)));
    }

    /** Whether the weights chosen are the training run's. */
    boolean followsTraining() {
        return TRAINING.equals(weights.getValue());
    }

    /** Shows the weights' largest singular value beside the radius, with Pascanu et al.'s bound. */
    void showWeights(GradientProfile rnn) {
        singular.setText(String.format(Locale.ROOT, "%s: spectral radius %s, largest singular value %s%s", rnn.kind().title(),
                io.gatescope.chart.GradientText.number(rnn.spectralRadius()), io.gatescope.chart.GradientText.number(rnn.weightNorm()),
                rnn.weightNorm() < 1 && rnn.kind() == io.gatescope.engine.CellKind.RNN_TANH
                        ? " < 1: the tanh RNN's gradient must vanish (Pascanu et al. 2013)" : ""));
    }

    private void applyPreset(String id, Runnable changed) {
        if (id == null || id.equals(CUSTOM)) return;
        GradientPreset p = GradientPreset.fromId(id);
        applyingPreset = true;
        try {
            GradientSetup s = p.applyTo(GradientSetup.DEFAULT);
            steps.setText(Integer.toString(s.steps()));
            hidden.setText(Integer.toString(s.hidden()));
            radius.setText(number(s.spectralRadius()));
            activation.setValue(s.relu() ? RELU : TANH);
            forgetBias.setText(number(s.forgetBias()));
            seed.setText(Long.toString(s.seed()));
            weights.setValue(p.trained() ? SHIPPED : RANDOM);
            input.setValue(p.trained() ? ADDITION : RANDOM);
        } finally {
            applyingPreset = false;
        }
        changed.run();
    }

    private void changedByUser(Runnable changed) {
        if (applyingPreset) return;
        preset.setValue(CUSTOM);
        changed.run();
    }

    private void enableRandomOnly() {
        boolean randomWeights = RANDOM.equals(weights.getValue());
        for (Node n : List.of(radius, radiusSlider, activation, forgetBias, hidden)) n.setDisable(!randomWeights);
        steps.setDisable(ADDITION.equals(input.getValue()));
    }

    private void add(String caption, Node control, Label message) {
        Label label = new Label(caption);
        label.setWrapText(true);
        label.setLabelFor(control);
        getChildren().addAll(label, control);
        if (message != null) getChildren().add(message);
    }

    private Label check(TextField field, DoublePredicate ok, String rule, boolean whole) {
        Label message = new Label();
        message.setId(field.getId() + "Error");
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        Check c = new Check(field, message, ok, rule, whole);
        checks.add(c);
        field.textProperty().addListener((o, a, t) -> {
            boolean bad = c.value().isEmpty();
            message.setText(bad ? "'" + t.strip() + "' is not " + rule + "; the chart shows the last valid value." : "");
            message.setVisible(bad);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        });
        return message;
    }

    private Check checkFor(TextField f) {
        return checks.stream().filter(c -> c.field() == f).findFirst().orElseThrow();
    }

    private Double value(TextField f) {
        return checkFor(f).value().orElseThrow();
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setTooltip(new Tooltip("Changes redraw at once"));
        return f;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
