package io.gatescope.ui;

import io.gatescope.chart.ChartStyle;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.Traces;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.model.SequenceInput;
import io.gatescope.ui.model.TraceCursor;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state the whole window shares: which model, which input, the trace computed from them, where
 * the cursor is in time, which unit is selected, and how things are shown ({@link ViewOptions}).
 * Views read it and call its methods; none of them holds engine objects of its own.
 *
 * <p>Lives on the FX thread. Loading a model and computing a trace run on the compute executor
 * through {@link LatestWins} lanes; their results come back here on the FX thread.
 */
public final class AppModel {
    /** Sub-step value meaning "the step drawn whole", not walking through it. */
    public static final int WHOLE_STEP = ChartStyle.WHOLE_STEP;
    private static final int MAX_RECENT = 8;

    private final ModelLoader loader;
    private final Executor compute;
    private final LatestWins modelLane;
    private final LatestWins traceLane;
    private final ViewOptions view = new ViewOptions();

    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> modelChoice = new SimpleObjectProperty<>(this, "modelChoice");
    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper(this, "modelError", "");
    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "67+60");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");
    private final ObjectProperty<SequenceInput> sequence = new SimpleObjectProperty<>(this, "sequence");
    private final ReadOnlyObjectWrapper<ModelTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<AdditionTask.Example> tracedExample = new ReadOnlyObjectWrapper<>(this, "tracedExample");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyIntegerWrapper subStep = new ReadOnlyIntegerWrapper(this, "subStep", WHOLE_STEP);
    private final ReadOnlyIntegerWrapper layer = new ReadOnlyIntegerWrapper(this, "layer", 0);
    // The window opens on unit 0, so the diagram's numbers and the equations' are the same unit's;
    // clearing the selection shows means, which the diagram labels as such.
    private final ReadOnlyIntegerWrapper selectedUnit = new ReadOnlyIntegerWrapper(this, "selectedUnit", 0);
    private final ReadOnlyObjectWrapper<TraceCursor> cursor = new ReadOnlyObjectWrapper<>(this, "cursor");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty sequenceLength = new SimpleIntegerProperty(this, "sequenceLength", 8);
    private final IntegerProperty sequenceSeed = new SimpleIntegerProperty(this, "sequenceSeed", 1);
    private final ObjectProperty<GateClamps> clamps = new SimpleObjectProperty<>(this, "clamps", GateClamps.NONE);
    private final ObjectBinding<ChartStyle> chartStyle;
    private ModelChoice loadedChoice;
    private boolean keepErrorOnce;

    public AppModel(ModelLoader loader, Executor compute) {
        this.loader = loader;
        this.compute = compute;
        this.modelLane = new LatestWins(compute);
        this.traceLane = new LatestWins(compute);
        choices.setAll(loader.shipped());
        modelChoice.addListener((obs, old, choice) -> load(choice));
        model.addListener((obs, old, m) -> recompute());
        inputText.addListener((obs, old, text) -> recompute());
        sequence.addListener((obs, old, s) -> recompute());
        clamps.addListener((obs, old, c) -> recompute());
        trace.addListener((obs, old, t) -> updateCursor());
        step.addListener((obs, old, t) -> updateCursor());
        layer.addListener((obs, old, t) -> updateCursor());
        chartStyle = Bindings.createObjectBinding(() -> new ChartStyle(view.notationProperty().get(),
                        view.themeProperty().get().chartTheme(), view.paletteProperty().get(), view.zoomProperty().get(),
                        Math.max(ChartStyle.NO_UNIT, selectedUnit.get()), step.get(), subStep.get()),
                view.notationProperty(), view.themeProperty(), view.paletteProperty(), view.zoomProperty(),
                selectedUnit, step, subStep);
    }

    public ViewOptions view() { return view; }

    /** The application's compute thread, for views with lanes of their own (see {@link LatestWins}). */
    public Executor computeExecutor() { return compute; }

    /** Where the shipped models come from. */
    public ModelLoader loader() { return loader; }

    // ---- model ------------------------------------------------------------------------------

    /** The picker's entries: the shipped models, then recent files. */
    public ObservableList<ModelChoice> choices() { return choices; }

    /** Recently opened files, most recent first. */
    public ObservableList<Path> recentFiles() { return recentFiles; }

    /** Setting a choice loads it in the background; the window keeps the old model until it arrives. */
    public ObjectProperty<ModelChoice> modelChoiceProperty() { return modelChoice; }

    public ReadOnlyObjectProperty<LoadedModel> modelProperty() { return model.getReadOnlyProperty(); }

    /** Why the last model could not be opened, or empty. */
    public ReadOnlyStringProperty modelErrorProperty() { return modelError.getReadOnlyProperty(); }

    /** Opens a model file (from Open…, drag and drop or the recent list). */
    public void open(Path file) {
        modelChoice.set(new ModelChoice.FromFile(file));
    }

    /**
     * Shows a model that exists only in memory (a training snapshot) with {@code input}: the views
     * trace it at once; choosing any entry in the picker afterwards loads that entry again.
     */
    public void show(LoadedModel m, String input) {
        modelLane.cancel();
        loadedChoice = null;
        modelError.set("");
        model.set(m);
        inputText.set(input);
    }

    /** Replaces the recent files (when restoring settings); missing files are dropped. */
    public void restoreRecent(java.util.List<Path> files) {
        recentFiles.setAll(files.stream().filter(java.nio.file.Files::isRegularFile).limit(MAX_RECENT).toList());
        refreshChoices();
    }

    private void load(ModelChoice choice) {
        if (choice == null) return;
        if (choice.equals(loadedChoice)) {
            // Back to the model on screen (↓ then ↑ in the picker): a load still pending for the other
            // choice must not arrive after and replace what the picker names.
            modelLane.cancel();
            return;
        }
        modelLane.submit(() -> loader.load(choice), m -> {
            if (!choice.equals(modelChoice.get())) return;       // the picker moved on meanwhile
            loadedChoice = choice;
            if (keepErrorOnce) keepErrorOnce = false;
            else modelError.set("");
            if (choice instanceof ModelChoice.FromFile f) remember(f.path());
            model.set(m);
        }, e -> {
            modelError.set("Could not open " + choice.label() + ": " + message(e));
            if (loadedChoice != null) {
                modelChoice.set(loadedChoice);  // the picker goes back to what is on screen
            } else {
                // Nothing on screen yet (a start whose saved model no longer opens): show the
                // shipped LSTM, and keep the message saying why.
                ModelChoice fallback = fallbackChoice();
                if (fallback != null && !fallback.equals(choice)) {
                    keepErrorOnce = true;
                    modelChoice.set(fallback);
                }
            }
        });
    }

    /** The shipped LSTM, else the first shipped model. */
    private ModelChoice fallbackChoice() {
        var shipped = loader.shipped();
        return shipped.stream().filter(s -> s.kind() == io.gatescope.engine.CellKind.LSTM)
                .findFirst().orElse(shipped.isEmpty() ? null : shipped.get(0));
    }

    private void remember(Path file) {
        recentFiles.remove(file);
        recentFiles.add(0, file);
        if (recentFiles.size() > MAX_RECENT) recentFiles.remove(MAX_RECENT, recentFiles.size());
        refreshChoices();
    }

    private void refreshChoices() {
        ModelChoice keep = modelChoice.get();
        var all = new java.util.ArrayList<ModelChoice>(loader.shipped());
        recentFiles.forEach(p -> all.add(new ModelChoice.FromFile(p)));
        if (keep != null && !all.contains(keep)) all.add(keep);
        choices.setAll(all);
        // Replacing the items clears a combo box's selection, and through the binding the choice.
        if (modelChoice.get() != keep) modelChoice.set(keep);
    }

    // ---- input and trace --------------------------------------------------------------------

    /** The addition input as typed, e.g. {@code 67+60}; validated on every change. */
    public StringProperty inputTextProperty() { return inputText; }

    /** Why the typed input is not valid (the task's own message), or empty. */
    public ReadOnlyStringProperty inputErrorProperty() { return inputError.getReadOnlyProperty(); }

    /** The input sequence of a model that is not an addition model. */
    public ObjectProperty<SequenceInput> sequenceProperty() { return sequence; }

    /** Length of the seeded random sequence offered for non-addition models. */
    public IntegerProperty sequenceLengthProperty() { return sequenceLength; }

    /** The seed of the random input sequence for non-addition models. */
    public IntegerProperty sequenceSeedProperty() { return sequenceSeed; }

    /** The trace on screen: the last one computed from a valid input. */
    public ReadOnlyObjectProperty<ModelTrace> traceProperty() { return trace.getReadOnlyProperty(); }

    /** The addition example behind the trace on screen; null for other models. */
    public ReadOnlyObjectProperty<AdditionTask.Example> tracedExampleProperty() { return tracedExample.getReadOnlyProperty(); }

    /**
     * Gates held at constants in the traces computed from now on (a what-if run; {@link GateClamps#NONE}
     * for the model as trained). Changing it recomputes the trace.
     */
    public ObjectProperty<GateClamps> clampsProperty() { return clamps; }

    /** True while a model loads or a trace is being computed. */
    public ReadOnlyBooleanProperty busyProperty() { return traceLane.busyProperty(); }

    private void recompute() {
        LoadedModel m = model.get();
        if (m == null) return;
        if (m instanceof LoadedModel.Addition a) {
            AdditionTask.Parsed parsed = AdditionTask.parse(inputText.get());
            inputError.set(parsed.error());
            if (!parsed.ok()) return;              // the last valid trace stays on screen
            AdditionTask.Example example = parsed.example().orElseThrow();
            GateClamps held = clamps.get();
            submit(() -> AdditionModels.trace(a.model(), example, a.reversed(), held), example);
        } else {
            LoadedModel.Stack s = (LoadedModel.Stack) m;
            SequenceInput in = sequence.get();
            if (in == null || in.width() != s.inputSize()) {
                sequence.set(SequenceInput.random(sequenceLength.get(), s.inputSize(), sequenceSeed.get()));
                return;                            // the listener on sequence comes back here
            }
            inputError.set("");
            double[][] rows = in.rows();
            GateClamps held = clamps.get();
            submit(() -> Traces.of(s.stack(), rows, held), null);
        }
    }

    private void submit(Supplier<ModelTrace> job, AdditionTask.Example example) {
        traceLane.submit(job, t -> {
            tracedExample.set(example);
            trace.set(t);
        }, e -> inputError.set("The model could not run this input: " + message(e)));
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    // ---- cursor -----------------------------------------------------------------------------

    /** The current time step over encoder then decoder steps. */
    public ReadOnlyIntegerProperty stepProperty() { return step.getReadOnlyProperty(); }

    /** How far the cell diagram has revealed the current step, or {@link #WHOLE_STEP}. */
    public ReadOnlyIntegerProperty subStepProperty() { return subStep.getReadOnlyProperty(); }

    /** Which layer of a multi-layer stack is shown. */
    public ReadOnlyIntegerProperty layerProperty() { return layer.getReadOnlyProperty(); }

    /** The selected hidden unit, or −1. */
    public ReadOnlyIntegerProperty selectedUnitProperty() { return selectedUnit.getReadOnlyProperty(); }

    /** The current step resolved in the current trace; null until the first trace arrives. */
    public ReadOnlyObjectProperty<TraceCursor> cursorProperty() { return cursor.getReadOnlyProperty(); }

    /** True while playback runs. */
    public BooleanProperty playingProperty() { return playing; }

    /** Everything a chart needs besides the data, as one value. */
    public ObjectBinding<ChartStyle> chartStyleBinding() { return chartStyle; }

    public int totalSteps() { return trace.get() == null ? 0 : trace.get().totalSteps(); }

    public int layerCount() { return trace.get() == null ? 1 : trace.get().encoder().layers().size(); }

    /** Goes to step {@code t}, clamped to the trace, and shows it whole. */
    public void goTo(int t) {
        subStep.set(WHOLE_STEP);
        step.set(Math.max(0, Math.min(totalSteps() - 1, t)));
    }

    public void stepBy(int delta) { goTo(step.get() + delta); }

    public void goToStart() { goTo(0); }

    public void goToEnd() { goTo(totalSteps() - 1); }

    /** Sets the sub-step directly (playback and the diagram's sub-step buttons). */
    public void setSubStep(int s) { subStep.set(s < 0 ? WHOLE_STEP : s); }

    /**
     * Reveals the next of {@code count} sub-steps; after the last, moves to the next time step's
     * first sub-step, so a lecturer can walk the whole sequence with one key.
     */
    public void nextSubStep(int count) {
        int s = subStep.get();
        if (s == WHOLE_STEP) s = -1;
        if (s + 1 < count) {
            subStep.set(s + 1);
        } else if (step.get() + 1 < totalSteps()) {
            step.set(step.get() + 1);
            subStep.set(0);
        } else {
            subStep.set(WHOLE_STEP);
        }
    }

    /** Goes back one of {@code count} sub-steps, into the previous time step's last sub-step. */
    public void previousSubStep(int count) {
        int s = subStep.get();
        if (s == WHOLE_STEP) s = count;
        if (s > 0) {
            subStep.set(s - 1);
        } else if (step.get() > 0) {
            step.set(step.get() - 1);
            subStep.set(count - 1);
        }
    }

    /** Selects hidden unit {@code u} everywhere; selecting it again clears the selection. */
    public void toggleUnit(int u) {
        selectedUnit.set(u == selectedUnit.get() ? -1 : u);
    }

    /** Selects unit {@code u} (−1 for none), clamped to the model's width. */
    public void selectUnit(int u) {
        int h = cursor.get() == null ? Integer.MAX_VALUE : cursor.get().hiddenSize();
        selectedUnit.set(u < 0 || u >= h ? -1 : u);
    }

    public void setLayer(int k) { layer.set(Math.max(0, Math.min(layerCount() - 1, k))); }

    private void updateCursor() {
        ModelTrace t = trace.get();
        if (t == null) return;
        if (step.get() >= t.totalSteps()) step.set(t.totalSteps() - 1);   // re-enters through the listener
        if (layer.get() >= layerCount()) layer.set(layerCount() - 1);
        TraceCursor c = new TraceCursor(t, step.get(), layer.get());
        if (selectedUnit.get() >= c.hiddenSize()) selectedUnit.set(-1);
        cursor.set(c);
    }
}
