package io.gatescope.ui.lecture.clamp;

import atlantafx.base.theme.Styles;
import io.gatescope.chart.Notation;
import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.GateClamp;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.model.LoadedModel;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;

/**
 * What-if: hold one gate at a constant and watch the answer change. The lecturer picks the gate by
 * the current notation's name, the value, the steps and the units (all, a range, the selected unit)
 * and the stack (encoder, decoder, both); "Hold" puts the clamp into the app model, whose trace lane
 * recomputes off the FX thread, and every view marks the held entries. Beside the clamped answer the
 * panel shows what the model answers as trained, computed on its own lane.
 *
 * <p>A bad value leaves the previous clamp in force and says what is accepted beside the field.
 */
public final class ClampPanel extends FlowPane {
    public static final String HOLD_ID = "clampHold";
    public static final String GATE_ID = "clampGate";
    public static final String VALUE_ID = "clampValue";
    public static final String MESSAGE_ID = "clampMessage";
    public static final String STEPS_ID = "clampSteps";
    public static final String STEP_RANGE_ID = "clampStepRange";
    public static final String STEP_TEXT_ID = "clampStepText";
    public static final String UNITS_ID = "clampUnits";
    public static final String UNIT_RANGE_ID = "clampUnitRange";
    public static final String WHERE_ID = "clampWhere";
    public static final String ANSWER_ID = "clampAnswer";

    /** Which steps or units a clamp covers. */
    public enum Scope {
        ALL("all"), RANGE("range"), SELECTED("selected unit");

        private final String title;

        Scope(String title) { this.title = title; }

        @Override public String toString() { return title; }
    }

    private final AppModel app;
    private final ToggleButton hold = new ToggleButton("Hold");
    private final ComboBox<Integer> gate = new ComboBox<>();
    private final TextField value = new TextField("0");
    private final Label message = new Label();
    private final ChoiceBox<Scope> steps = new ChoiceBox<>();
    private final RangeSlider stepRange = new RangeSlider(0, 4, 0, 4);
    /** The held steps as the window numbers them ("t = 2–4"); the slider's ticks show the same t. */
    private final Label stepText = new Label();
    private final ChoiceBox<Scope> units = new ChoiceBox<>();
    private final RangeSlider unitRange = new RangeSlider(0, 3, 0, 3);
    private final ChoiceBox<GateClamp.Where> where = new ChoiceBox<>();
    private final Label answer = new Label();
    private final LatestWins freeLane;
    private GateClamp clamp = GateClamp.everywhere(GateClamp.Where.BOTH, 1, 0.0);
    private String freeAnswer = "";
    private boolean restoring;

    public ClampPanel(AppModel app) {
        this.app = app;
        this.freeLane = new LatestWins(app.computeExecutor());
        getStyleClass().add("clamp-panel");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(8);
        setVgap(4);

        hold.setId(HOLD_ID);
        hold.setTooltip(new Tooltip("Hold the gate at the value (C): the trace is recomputed with it as a constant"));
        gate.setId(GATE_ID);
        gate.setConverter(converter(b -> gateName(b)));
        value.setId(VALUE_ID);
        value.setPrefColumnCount(3);
        value.setMinWidth(USE_PREF_SIZE);
        value.setTooltip(new Tooltip("A number: 0 shuts a gate, 1 opens it fully; the candidate ranges from −1 to 1"));
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(Styles.DANGER);
        message.setMinWidth(0);
        steps.setId(STEPS_ID);
        steps.getItems().setAll(Scope.ALL, Scope.RANGE);
        steps.setValue(Scope.ALL);
        units.setId(UNITS_ID);
        units.getItems().setAll(Scope.values());
        units.setValue(Scope.ALL);
        where.setId(WHERE_ID);
        where.getItems().setAll(GateClamp.Where.values());
        where.setConverter(converter(GateClamp.Where::id));
        where.setValue(GateClamp.Where.BOTH);
        for (RangeSlider r : List.of(stepRange, unitRange)) {
            r.setMajorTickUnit(1);
            r.setMinorTickCount(0);
            r.setSnapToTicks(true);
            r.setShowTickLabels(true);
            r.setPrefWidth(140);
        }
        stepRange.setId(STEP_RANGE_ID);
        // The clamp counts steps from 0 as the command line does; the lecturer reads the window's t.
        stepRange.setLabelFormatter(converter(n -> Integer.toString(ModelTrace.shownStep((int) Math.round(n.doubleValue())))));
        stepText.setId(STEP_TEXT_ID);
        stepText.setMinWidth(USE_PREF_SIZE);
        stepText.visibleProperty().bind(stepRange.visibleProperty());
        stepText.managedProperty().bind(stepText.visibleProperty());
        unitRange.setId(UNIT_RANGE_ID);
        stepRange.visibleProperty().bind(steps.valueProperty().isEqualTo(Scope.RANGE));
        stepRange.managedProperty().bind(stepRange.visibleProperty());
        unitRange.visibleProperty().bind(units.valueProperty().isEqualTo(Scope.RANGE));
        unitRange.managedProperty().bind(unitRange.visibleProperty());
        answer.setId(ANSWER_ID);
        answer.getStyleClass().add("clamp-answer");

        // Each label stays with its picker; at the hall's text size on a 1280 px projector the groups wrap
        // onto a second line rather than squeezing a picker to "dec…" (the lecture bars lay out again).
        getChildren().addAll(group(word("What-if: hold"), gate, word("at"), value, message),
                group(word("steps"), steps, stepRange, stepText), group(word("units"), units, unitRange),
                group(word("in"), where, hold), answer);
        // Every word stays whole: the pickers are as wide as their longest entry.
        answer.setMinWidth(USE_PREF_SIZE);
        for (var picker : List.of(gate, steps, units, where)) picker.setMinWidth(USE_PREF_SIZE);
        hold.setMinWidth(USE_PREF_SIZE);
        gate.setStyle("-fx-pref-width: 13em;");
        steps.setStyle("-fx-pref-width: 5.5em;");
        units.setStyle("-fx-pref-width: 8em;");
        where.setStyle("-fx-pref-width: 7.5em;");

        hold.selectedProperty().addListener((o, a, on) -> apply());
        value.textProperty().addListener((o, a, t) -> edited());
        for (var p : List.of(gate.valueProperty(), steps.valueProperty(), units.valueProperty(), where.valueProperty())) {
            p.addListener((o, a, b) -> edited());
        }
        stepRange.lowValueProperty().addListener((o, a, b) -> edited());
        stepRange.highValueProperty().addListener((o, a, b) -> edited());
        unitRange.lowValueProperty().addListener((o, a, b) -> edited());
        unitRange.highValueProperty().addListener((o, a, b) -> edited());
        app.selectedUnitProperty().addListener((o, a, u) -> {
            if (units.getValue() == Scope.SELECTED) edited();
        });
        app.modelProperty().addListener((o, a, m) -> modelChanged(m));
        app.view().notationProperty().addListener((o, a, n) -> refreshGateNames());
        app.traceProperty().addListener((o, a, t) -> traceChanged(t));
        modelChanged(app.modelProperty().get());
    }

    /** The clamp the controls describe (held or not). */
    public GateClamp clamp() { return clamp; }

    /** Whether the clamp is held in the trace on screen. */
    public boolean holding() { return hold.isSelected(); }

    /** Toggles between the clamped and the unclamped run (the C key). */
    public void toggle() { hold.setSelected(!hold.isSelected()); }

    /** Sets the controls to {@code c} and holds it or not: how a saved scene comes back. */
    public void restore(GateClamp c, boolean on) {
        restoring = true;
        try {
            where.setValue(c.where());
            gate.setValue(c.block());
            value.setText(format(c.value()));
            steps.setValue(c.allSteps() ? Scope.ALL : Scope.RANGE);
            if (!c.allSteps()) setRange(stepRange, c.firstStep(), c.lastStep());
            units.setValue(c.allUnits() ? Scope.ALL : Scope.RANGE);
            if (!c.allUnits()) setRange(unitRange, c.firstUnit(), c.lastUnit());
        } finally {
            restoring = false;
        }
        clamp = c;
        showSteps(c);
        message.setText("");
        hold.setSelected(on);
        apply();
    }

    private void edited() {
        if (restoring) return;
        GateClamp c = read();
        if (c == null) return;
        clamp = c;
        showSteps(c);
        apply();
    }

    /** The clamp the controls say, or null with the reason beside the value field. */
    private GateClamp read() {
        double v;
        try {
            v = Double.parseDouble(value.getText().strip().replace('−', '-'));
            if (!Double.isFinite(v)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            message.setText("'" + value.getText().strip() + "' is not a number; type one such as 0, 0.5 or 1");
            value.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            return null;
        }
        int firstUnit = 0, lastUnit = GateClamp.END;
        if (units.getValue() == Scope.RANGE) {
            firstUnit = (int) Math.round(unitRange.getLowValue());
            lastUnit = (int) Math.round(unitRange.getHighValue());
        } else if (units.getValue() == Scope.SELECTED) {
            int u = app.selectedUnitProperty().get();
            if (u < 0) {
                message.setText("select a unit first (click one, or press ] )");
                return null;
            }
            firstUnit = lastUnit = u;
        }
        message.setText("");
        value.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        boolean all = steps.getValue() != Scope.RANGE;
        return new GateClamp(where.getValue() == null ? GateClamp.Where.BOTH : where.getValue(),
                gate.getValue() == null ? 0 : gate.getValue(), v,
                all ? 0 : (int) Math.round(stepRange.getLowValue()), all ? GateClamp.END : (int) Math.round(stepRange.getHighValue()),
                firstUnit, lastUnit);
    }

    /** "t = 2–4": the held steps in the window's numbering. */
    private void showSteps(GateClamp c) {
        int first = ModelTrace.shownStep(c.firstStep()), last = ModelTrace.shownStep(c.lastStep());
        stepText.setText(c.allSteps() ? "" : first == last ? "t = " + first : "t = " + first + "–" + last);
    }

    private void apply() {
        LoadedModel m = app.modelProperty().get();
        boolean can = m != null && !m.kind().isPlainRnn();
        app.clampsProperty().set(hold.isSelected() && can ? GateClamps.of(clamp) : GateClamps.NONE);
        updateAnswer();
    }

    private void modelChanged(LoadedModel m) {
        boolean gated = m != null && !m.kind().isPlainRnn();
        setDisable(!gated);
        if (m == null) return;
        restoring = true;
        try {
            Integer keep = gate.getValue();
            gate.getItems().setAll(gated ? m.kind().anatomy().blocks().stream().map(CellAnatomy.Block::index).toList() : List.of());
            gate.setValue(gated && keep != null && keep < m.kind().blocks() ? keep : gated ? defaultGate(m.kind()) : null);
            boolean encoderDecoder = m instanceof LoadedModel.Addition;
            where.setDisable(!encoderDecoder);
            if (!encoderDecoder) where.setValue(GateClamp.Where.BOTH);
            unitRange.setMax(m.hiddenSize() - 1);
        } finally {
            restoring = false;
        }
        if (!gated) hold.setSelected(false);
        edited();
    }

    /** The forget gate where there is one (the lecture's first example), else the first block. */
    private static int defaultGate(CellKind kind) {
        CellAnatomy a = kind.anatomy();
        return a.find("f").orElse(a.gates().get(0)).index();
    }

    private void traceChanged(ModelTrace t) {
        if (t == null) return;
        int steps = t.hasDecoder() ? Math.max(t.encoder().length(), t.decoder().length()) : t.encoder().length();
        restoring = true;
        try {
            stepRange.setMax(Math.max(1, steps - 1));
        } finally {
            restoring = false;
        }
        AdditionTask.Example ex = app.tracedExampleProperty().get();
        LoadedModel m = app.modelProperty().get();
        if (ex != null && m instanceof LoadedModel.Addition a && holding()) {
            freeLane.submit(() -> Evaluation.predict(a.model(), List.of(ex.input(a.reversed()))).get(0), s -> {
                freeAnswer = s;
                updateAnswer();
            }, e -> freeAnswer = "");
        }
        updateAnswer();
    }

    private void updateAnswer() {
        ModelTrace t = app.traceProperty().get();
        boolean held = holding() && t != null && !app.clampsProperty().get().isEmpty();
        if (!held) {
            answer.setText("");
            return;
        }
        String clamped = String.join("", t.outputLabels());
        answer.setText(clamped.isEmpty() ? "holding " + gateName(clamp.block())
                : "held: " + clamped + "   as trained: " + (freeAnswer.isEmpty() ? "…" : freeAnswer));
    }

    private void refreshGateNames() {
        Integer keep = gate.getValue();
        gate.setConverter(converter(b -> gateName(b)));
        var items = List.copyOf(gate.getItems());
        restoring = true;
        try {
            gate.getItems().setAll(items);
            gate.setValue(keep);
        } finally {
            restoring = false;
        }
    }

    /** "f — forget gate" in the current notation. */
    private String gateName(int block) {
        LoadedModel m = app.modelProperty().get();
        if (m == null || m.kind().isPlainRnn()) return "";
        Notation n = app.view().notationProperty().get();
        return Notation.plain(n.symbol(m.kind(), block)) + " — " + n.longName(m.kind(), block);
    }

    private static Label word(String text) {
        Label l = new Label(text);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox g = new HBox(8, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static void setRange(RangeSlider r, int low, int high) {
        r.setMax(Math.max(r.getMax(), high));
        r.setHighValue(high);
        r.setLowValue(low);
        r.setHighValue(high);
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }

            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
