package io.gatescope.ui.input;

import io.gatescope.ui.model.SequenceInput;
import java.util.Arrays;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.converter.DoubleStringConverter;

/** A table of the input sequence, one row per time step and one column per input number, editable in place. */
final class SequenceTableDialog extends Dialog<SequenceInput> {
    private final ObservableList<double[]> rows = FXCollections.observableArrayList();

    SequenceTableDialog(SequenceInput start, Window owner) {
        initOwner(owner);
        setTitle("Input sequence");
        setHeaderText("One row per time step; double-click a number to edit it.");
        int width = start.width();
        Arrays.stream(start.rows()).forEach(rows::add);

        TableView<double[]> table = new TableView<>(rows);
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        TableColumn<double[], String> stepColumn = new TableColumn<>("t");
        stepColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(Integer.toString(rows.indexOf(c.getValue()) + 1)));
        stepColumn.setSortable(false);
        table.getColumns().add(stepColumn);
        for (int k = 0; k < width; k++) {
            int col = k;
            TableColumn<double[], Double> column = new TableColumn<>("x[" + k + "]");
            column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()[col]));
            column.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
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
        VBox content = new VBox(8, table, new HBox(8, add, remove));
        content.setPrefSize(Math.min(900, 120 + 110 * width), 420);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new SequenceInput(rows.toArray(double[][]::new), "edited in the table") : null);
    }
}
