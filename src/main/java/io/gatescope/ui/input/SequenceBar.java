package io.gatescope.ui.input;

import atlantafx.base.theme.Styles;
import io.gatescope.io.FileException;
import io.gatescope.io.SequenceFiles;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.SequenceInput;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The input row of a model that is not an addition model: what sequence feeds it, and three ways
 * to change it: edit it in a table, load a CSV or JSON file, or draw a random one from a seed.
 * With large text (presenter mode's 20 px on a 1280 px projector) the random draw's controls wrap
 * to a second line rather than push the others off the screen or cut them short.
 */
final class SequenceBar extends FlowPane {
    static final String SUMMARY_ID = "sequenceSummary";
    public static final String LENGTH_ID = "sequenceLength";
    public static final String SEED_ID = "sequenceSeed";

    private final AppModel app;
    private final Label summary = new Label();
    private final Label error = new Label();
    private final Spinner<Integer> length = new Spinner<>(1, 500, 8);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    // A bidirectional binding holds its ends weakly: without these fields the asObject() wrappers,
    // and with them the link between the spinners and the app model, go with the next GC.
    private final ObjectProperty<Integer> lengthValue;
    private final ObjectProperty<Integer> seedValue;
    private final LatestWins files;
    /** What feeds the model and its two buttons; the random draw's controls, at the row's right end when it has room. */
    private final HBox sequence, draw;

    SequenceBar(AppModel app) {
        this.app = app;
        this.files = new LatestWins(app.computeExecutor());
        getStyleClass().add("sequence-bar");
        setAlignment(Pos.CENTER_LEFT);
        setRowValignment(javafx.geometry.VPos.CENTER);
        summary.setId(SUMMARY_ID);
        summary.textProperty().bind(Bindings.createStringBinding(this::describe, app.sequenceProperty(), app.modelProperty()));
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMinWidth(0);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        // A flow pane gives each child its preferred width: a long message wraps within the bar instead.
        error.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> getWidth() - getInsets().getLeft() - getInsets().getRight(),
                widthProperty(), insetsProperty()));

        Button edit = new Button("Edit table…");
        edit.setTooltip(new Tooltip("Type the input numbers step by step in a table"));
        edit.setOnAction(e -> editTable());
        Button load = new Button("Load CSV/JSON…");
        load.setTooltip(new Tooltip("Read the input sequence from a file: one step per line (CSV) or an array of arrays (JSON)"));
        load.setOnAction(e -> loadFile());

        length.setEditable(true);
        length.setPrefWidth(90);
        length.setId(LENGTH_ID);
        lengthValue = app.sequenceLengthProperty().asObject();
        length.getValueFactory().valueProperty().bindBidirectional(lengthValue);
        length.setTooltip(new Tooltip("Number of time steps of the random sequence"));
        seed.setEditable(true);
        seed.setId(SEED_ID);
        seedValue = app.sequenceSeedProperty().asObject();
        seed.getValueFactory().valueProperty().bindBidirectional(seedValue);
        seed.setPrefWidth(110);
        seed.setTooltip(new Tooltip("Seed of the random sequence: the same seed gives the same numbers"));
        Button random = new Button("Random");
        random.setTooltip(new Tooltip("A sequence of uniform numbers in [−1, 1) of the chosen length, drawn from the seed"));
        random.setOnAction(e -> randomise());

        sequence = new HBox(new Label("Input sequence"), summary, edit, load);
        draw = new HBox(new Label("Steps"), length, new Label("Seed"), seed, random);
        for (HBox group : java.util.List.of(sequence, draw)) {
            group.getStyleClass().add("input-row");
            group.setAlignment(Pos.CENTER_LEFT);
            group.setMinWidth(USE_PREF_SIZE);
        }
        getChildren().addAll(sequence, draw, error);
    }

    /** The row's width without the random draw's push to the right: what it needs on one line. */
    @Override protected double computePrefWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight() + oneLine();
    }

    /** Narrower than one line, the random draw wraps below: the wider of the two groups. */
    @Override protected double computeMinWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight() + Math.max(sequence.prefWidth(-1), draw.prefWidth(-1));
    }

    /** On one line the random draw stands at the right end, as a spacer would put it in a plain row. */
    @Override protected void layoutChildren() {
        double free = Math.floor(getWidth() - getInsets().getLeft() - getInsets().getRight() - oneLine() - 1);
        Insets push = free > 0 ? new Insets(0, 0, 0, free) : null;
        if (!Objects.equals(push, getMargin(draw))) setMargin(draw, push);
        super.layoutChildren();
    }

    private double oneLine() {
        double width = sequence.prefWidth(-1) + getHgap() + draw.prefWidth(-1);
        return error.isManaged() ? width + getHgap() + error.prefWidth(-1) : width;
    }

    private String describe() {
        SequenceInput s = app.sequenceProperty().get();
        return s == null ? "" : s.length() + " steps × " + s.width() + " numbers (" + s.origin() + ")";
    }

    private int width() {
        return app.modelProperty().get() instanceof LoadedModel.Stack s ? s.inputSize() : 1;
    }

    private void randomise() {
        error.setText("");
        app.sequenceProperty().set(SequenceInput.random(length.getValue(), width(), seed.getValue()));
    }

    private void editTable() {
        SequenceInput current = app.sequenceProperty().get();
        new SequenceTableDialog(current != null ? current : SequenceInput.random(length.getValue(), width(), seed.getValue()),
                getScene().getWindow()).showAndWait().ifPresent(s -> {
                    error.setText("");
                    app.sequenceProperty().set(s);
                });
    }

    private void loadFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load an input sequence");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or JSON", "*.csv", "*.txt", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) load(file.toPath());
    }

    /**
     * Reads {@code file} on the compute thread (a large file must not freeze the window) and, back on
     * the FX thread, feeds it to the model, or shows why not while the current sequence stays.
     */
    void load(Path file) {
        String name = file.getFileName().toString();
        files.submit(() -> {
            try {
                return new SequenceInput(SequenceFiles.read(file), name);
            } catch (FileException e) {
                throw new UncheckedIOException(e);
            }
        }, s -> {
            if (s.width() != width()) {
                error.setText(name + " has " + s.width() + " numbers per step; this model reads " + width());
                return;
            }
            error.setText("");
            app.sequenceProperty().set(s);
        }, failure -> {
            Throwable why = failure instanceof UncheckedIOException u ? u.getCause() : failure;
            String message = String.valueOf(why.getMessage());
            String prefix = FileException.show(file) + ": ";
            error.setText(name + ": " + (message.startsWith(prefix) ? message.substring(prefix.length()) : message));
        });
    }
}
