package io.gatescope.ui.training;

import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingEstimate;
import io.gatescope.train.TrainingSetting;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The training settings as a form, one row per row of the trainer's settings table: the label, a
 * control chosen by the setting's type, and beneath it the table's message for a bad value (shown
 * inline as text and as ControlsFX's decoration on the field). The last valid settings stay usable
 * while a field holds a bad value.
 */
final class SettingsForm {
    static final String ERROR_STYLE = "setting-error";

    /** The settings the panel offers; the thread count is the machine's business, not the lecture's. */
    static final List<TrainingSetting> SHOWN = java.util.Arrays.stream(TrainingSetting.values())
            .filter(s -> s != TrainingSetting.THREADS).toList();

    private final GridPane grid;
    private final Map<TrainingSetting, Control> fields = new EnumMap<>(TrainingSetting.class);
    private final Map<TrainingSetting, Label> errors = new EnumMap<>(TrainingSetting.class);
    private final ValidationSupport validation = new ValidationSupport();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    /** Under the form: why valid settings together still cannot run (memory, time), as the command line says it. */
    private final Label estimate = new Label();

    SettingsForm(GridPane grid) {
        this.grid = grid;
        validation.setValidationDecorator(new io.gatescope.ui.controls.FieldStateDecoration());   // keeps the window its scene's root
        int row = 0;
        for (TrainingSetting s : SHOWN) {
            Label label = new Label(capitalised(s.label()));
            Control field = field(s);
            field.setId("setting-" + s.key());
            field.setTooltip(new Tooltip(capitalised(s.description()) + ". Accepted: " + s.range() + "."));
            label.setLabelFor(field);
            Label error = new Label();
            error.getStyleClass().add(ERROR_STYLE);
            error.setId("error-" + s.key());
            error.setWrapText(true);
            error.setMaxWidth(260);
            error.managedProperty().bind(error.visibleProperty());
            error.setVisible(false);
            grid.add(label, 0, row);
            grid.add(field, 1, row++);
            grid.add(error, 1, row++);
            fields.put(s, field);
            errors.put(s, error);
        }
        estimate.getStyleClass().add(ERROR_STYLE);
        estimate.setId("error-estimate");
        estimate.setWrapText(true);
        estimate.setMaxWidth(360);
        estimate.managedProperty().bind(estimate.visibleProperty());
        estimate.setVisible(false);
        grid.add(estimate, 0, row, 2, 1);
        set(TrainingConfig.defaults());
        cellField().valueProperty().addListener((o, was, now) -> followCellDefaults(was, now));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> cellField() {
        return (ComboBox<String>) fields.get(TrainingSetting.CELL);
    }

    /**
     * A field still at the old cell's own default (a learning rate of 0.01 for the LSTM) takes the new
     * cell's (0.003 for the SimpleRNN); a value the user typed stays.
     */
    private void followCellDefaults(String was, String now) {
        if (was == null || now == null) return;
        for (TrainingSetting s : SHOWN) {
            if (s == TrainingSetting.CELL || !s.dependsOnCell() || problem(s, text(s)) != null) continue;
            if (s.parse(text(s)).equals(s.defaultFor(was))) show(s, s.defaultFor(now));
        }
    }

    private Control field(TrainingSetting s) {
        switch (s.type()) {
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(s.choices());
                box.valueProperty().addListener((o, a, b) -> check(s));
                return box;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.selectedProperty().addListener((o, a, b) -> check(s));
                return box;
            }
            default -> {
                TextField text = new TextField();
                text.setPrefColumnCount(6);
                text.textProperty().addListener((o, a, b) -> check(s));
                validation.registerValidator(text, false, (Validator<String>) (c, v) -> {
                    String problem = problem(s, v);
                    return ValidationResult.fromErrorIf(c, problem == null ? "" : problem, problem != null);
                });
                return text;
            }
        }
    }

    /** Shows the table's message under the field (or hides it) and updates {@link #validProperty}. */
    private void check(TrainingSetting s) {
        String problem = problem(s, text(s));
        errors.get(s).setText(problem == null ? "" : problem);
        errors.get(s).setVisible(problem != null);
        boolean fieldsValid = errors.values().stream().noneMatch(Label::isVisible);
        String refused = fieldsValid ? refusal() : null;
        estimate.setText(refused == null ? "" : refused);
        estimate.setVisible(refused != null);
        valid.set(fieldsValid && refused == null);
    }

    /** The trainer's own refusal of these settings together (TrainingEstimate), or null when they can run. */
    private String refusal() {
        try {
            TrainingEstimate.check(config());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String problem(TrainingSetting s, String text) {
        try {
            s.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String text(TrainingSetting s) {
        Control c = fields.get(s);
        if (c instanceof TextField t) return t.getText();
        if (c instanceof CheckBox b) return Boolean.toString(b.isSelected());
        Object v = ((ComboBox<?>) c).getValue();
        return v == null ? "" : v.toString();
    }

    /** Fills every field from {@code config} (defaults, a loaded model's notes). */
    @SuppressWarnings("unchecked")
    void set(TrainingConfig config) {
        for (TrainingSetting s : SHOWN) show(s, config.values().get(s));
    }

    @SuppressWarnings("unchecked")
    private void show(TrainingSetting s, Object v) {
        Control c = fields.get(s);
        if (c instanceof TextField t) t.setText(String.valueOf(v));
        else if (c instanceof CheckBox b) b.setSelected((Boolean) v);
        else ((ComboBox<String>) c).setValue((String) v);
    }

    /** The settings in the form; call only when {@link #validProperty} is true. */
    TrainingConfig config() {
        String cell = (String) TrainingSetting.CELL.parse(text(TrainingSetting.CELL));
        Map<TrainingSetting, Object> v = new EnumMap<>(TrainingSetting.class);
        // A field left at the cell's default is not given: the comparison then trains each cell with
        // its own recipe (TrainingSetting.defaultFor), as the command line's compare does.
        for (TrainingSetting s : SHOWN) {
            Object value = s.parse(text(s));
            if (s == TrainingSetting.CELL || !value.equals(s.defaultFor(cell))) v.put(s, value);
        }
        return TrainingConfig.of(v);
    }

    /** Whether every field holds an acceptable value. */
    ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** Sets a choice or a check box from text, as {@link TrainingSetting#parse} reads it. */
    @SuppressWarnings("unchecked")
    void setText(TrainingSetting s, String text) {
        Control c = fields.get(s);
        if (c instanceof TextField t) t.setText(text);
        else if (c instanceof CheckBox b) b.setSelected(Boolean.parseBoolean(text.strip()));
        else ((ComboBox<String>) c).setValue(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    Control field(String key) { return fields.get(TrainingSetting.byKey(key)); }

    GridPane grid() { return grid; }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
