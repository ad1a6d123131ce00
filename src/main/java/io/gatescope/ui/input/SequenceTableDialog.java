package io.gatescope.ui.input;

import atlantafx.base.theme.Styles;
import io.gatescope.chart.TimeAxis;
import io.gatescope.ui.model.SequenceInput;
import java.util.Arrays;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** A table of the input sequence, one row per time step and one column per input number, editable in place. */
final class SequenceTableDialog extends Dialog<SequenceInput> {
    static final String TABLE_ID = "sequenceTable";
    static final String MESSAGE_ID = "sequenceTableMessage";

    private final ObservableList<double[]> rows = FXCollections.observableArrayList();
    private final Label message = new Label();
    /** The table's number cells (a few dozen at most: the table reuses them), to commit an open edit on OK. */
    private final java.util.List<NumberCell> cells = new java.util.ArrayList<>();

    SequenceTableDialog(SequenceInput start, Window owner) {
        initOwner(owner);
        setTitle("Input sequence");
        setHeaderText("One row per time step; double-click a number to edit it.");
        int width = start.width();
        Arrays.stream(start.rows()).forEach(rows::add);

        TableView<double[]> table = new TableView<>(rows);
        table.setId(TABLE_ID);
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        TableColumn<double[], String> stepColumn = new TableColumn<>("t");
        stepColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(Integer.toString(TimeAxis.numberOf(rows.indexOf(c.getValue())))));
        stepColumn.setSortable(false);
        table.getColumns().add(stepColumn);
        for (int k = 0; k < width; k++) {
            int col = k;
            TableColumn<double[], Double> column = new TableColumn<>("x[" + k + "]");
            column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()[col]));
            column.setCellFactory(c -> new NumberCell());
            column.setOnEditCommit(e -> {
                if (e.getNewValue() != null) e.getRowValue()[col] = e.getNewValue();
            });
            column.setSortable(false);
            table.getColumns().add(column);
        }

        Button add = new Button("Add step");
        add.setOnAction(e -> rows.add(new double[width]));
        Button remove = new Button("Remove last step");
        remove.setOnAction(e -> {
            if (rows.size() > 1) rows.remove(rows.size() - 1);
        });
        remove.disableProperty().bind(javafx.beans.binding.Bindings.size(rows).lessThanOrEqualTo(1));
        VBox content = new VBox(8, table, message, new HBox(8, add, remove));
        content.setPrefSize(Math.min(900, 120 + 110 * width), 420);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION,
                e -> commitOpenEdit(table));
        setResultConverter(b -> b == ButtonType.OK ? new SequenceInput(rows.toArray(double[][]::new), "edited in the table") : null);
    }

    /**
     * Commits the number being typed, if a cell is being edited; only that cell (a cell the table set
     * aside may still think it edits).
     */
    private void commitOpenEdit(TableView<double[]> table) {
        var at = table.getEditingCell();
        if (at == null) return;
        for (NumberCell cell : cells) {
            if (cell.isEditing() && cell.getScene() != null && cell.getIndex() == at.getRow()
                    && cell.getTableColumn() == at.getTableColumn()) {
                cell.commitTyped();
                return;
            }
        }
    }

    /** Reads a typed number; anything else keeps the cell's old value and says what is accepted. */
    private Double parse(String text, Double old) {
        String t = text == null ? "" : text.strip().replace('\u2212', '-').replace(',', '.');
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                message.setText("");
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        message.setText("“" + text + "” is not a number: type a decimal such as 0.5, −1.25 or 3e-2. The old value "
                + old + " is kept.");
        return old;
    }

    /**
     * A number as the table shows it: at most four decimals (a true minus sign), or three significant
     * digits in scientific notation when it is smaller than that; the full number is kept and edited.
     */
    static String shown(double v) {
        String s = v != 0 && Math.abs(v) < 1e-3
                ? String.format(java.util.Locale.ROOT, "%.2e", v)
                : new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        if (s.equals("-0")) s = "0";
        return s.replace('-', '\u2212');
    }

    /** A text cell that never throws on bad input and commits when it loses the focus. */
    private final class NumberCell extends TextFieldTableCell<double[], Double> {
        private boolean watching;

        NumberCell() {
            cells.add(this);
            setConverter(new StringConverter<>() {
                @Override public String toString(Double v) {
                    return v == null ? "" : shown(v);
                }

                @Override public Double fromString(String text) {
                    return parse(text, getItem());
                }
            });
        }

        @Override public void startEdit() {
            super.startEdit();
            if (!isEditing() || !(getGraphic() instanceof TextField field)) return;
            // Edited in full: committing the shown, rounded text would change the number.
            if (getItem() != null) {
                field.setText(Double.toString(getItem()));
                field.selectAll();
            }
            if (!watching) {
                watching = true;
                field.focusedProperty().addListener((o, was, now) -> {
                    if (!now) commitTyped();
                });
            }
        }

        /** Commits what is typed in this cell's editor, if it is editing. */
        void commitTyped() {
            if (isEditing() && getGraphic() instanceof TextField field) commitEdit(getConverter().fromString(field.getText()));
        }
    }
}
