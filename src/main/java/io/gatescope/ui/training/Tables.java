package io.gatescope.ui.training;

import io.gatescope.chart.ComparisonTable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.layout.HBox;

/** The columns of the predictions table (errors marked digit by digit) and of the comparison table. */
final class Tables {
    static final String WRONG_DIGIT = "wrong-digit";
    static final String WRONG_ROW = "prediction-wrong";

    private Tables() {
    }

    static void predictions(TableView<TrainingSession.Prediction> table, Consumer<TrainingSession.Prediction> open) {
        table.getColumns().setAll(java.util.List.of(
                column("Sum", p -> p.example().question()),
                column("True", p -> p.example().target()),
                predicted(),
                column("", p -> p.right() ? "✓ right" : "✗ wrong")));
        // shares of the width (the table fits them to its own): "Predicted" is the longest title, "16+37" the shortest cell
        double[] shares = {0.8, 0.8, 1.3, 1.0};
        for (int i = 0; i < shares.length; i++) table.getColumns().get(i).setPrefWidth(90 * shares[i]);
        // A click selects the row (the table's own behaviour), then reaches the table: open the selection.
        table.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            TrainingSession.Prediction p = table.getSelectionModel().getSelectedItem();
            if (p != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) open.accept(p);
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            TrainingSession.Prediction p = table.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) open.accept(p);
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label("Start training: the predictions appear after each epoch."));
        table.setRowFactory(t -> {
            TableRow<TrainingSession.Prediction> row = new TableRow<>() {
                @Override protected void updateItem(TrainingSession.Prediction p, boolean empty) {
                    super.updateItem(p, empty);
                    // changed only when it differs: a changed style class restyles the row and its cells
                    boolean wrong = !empty && p != null && !p.right();
                    if (wrong != getStyleClass().contains(WRONG_ROW)) {
                        if (wrong) getStyleClass().add(WRONG_ROW);
                        else getStyleClass().remove(WRONG_ROW);
                    }
                }
            };
            return row;
        });
    }

    /** The prediction with every digit that differs from the true sum in the error style. */
    private static TableColumn<TrainingSession.Prediction, String> predicted() {
        TableColumn<TrainingSession.Prediction, String> c = column("Predicted", TrainingSession.Prediction::predicted);
        c.setCellFactory(col -> new TableCell<>() {
            /** One Text per digit, never wrapped; kept from one update to the next (a new epoch changes only texts and styles). */
            private final HBox flow = new HBox();

            {
                flow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                if (empty || s == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setGraphic(null);
                    return;
                }
                String truth = getTableRow().getItem().example().target();
                while (flow.getChildren().size() > s.length()) flow.getChildren().remove(flow.getChildren().size() - 1);
                while (flow.getChildren().size() < s.length()) {
                    Text digit = new Text();
                    digit.getStyleClass().add("prediction-digit");
                    flow.getChildren().add(digit);
                }
                for (int i = 0; i < s.length(); i++) {
                    Text digit = (Text) flow.getChildren().get(i);
                    digit.setText(String.valueOf(s.charAt(i)));
                    boolean wrong = i >= truth.length() || s.charAt(i) != truth.charAt(i);
                    if (wrong != digit.getStyleClass().contains(WRONG_DIGIT)) {
                        if (wrong) digit.getStyleClass().add(WRONG_DIGIT);
                        else digit.getStyleClass().remove(WRONG_DIGIT);
                    }
                }
                setGraphic(flow);
            }
        });
        return c;
    }

    /**
     * The comparison's table, one line per model, filled in while the comparison runs. Its columns are
     * the exported table's (ComparisonTable), so the window and the slide agree.
     */
    static void comparison(TableView<ComparisonRow> table) {
        java.util.List<TableColumn<ComparisonRow, String>> columns = new java.util.ArrayList<>();
        for (ComparisonTable.Column c : ComparisonTable.COLUMNS) {
            TableColumn<ComparisonRow, String> column = column(c.header(), r -> r.cell(c.header()));
            // shares of the width (the table fits them to its own): the numbers need less than their titles
            column.setPrefWidth(90 * switch (c.header()) {
                case "Time", "Test" -> 0.75;
                case "Epochs" -> 0.85;
                case "Seeds" -> 0.9;
                case "Validation" -> 1.1;
                default -> 1.0;
            });
            columns.add(column);
        }
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new javafx.scene.control.Label("Compare: each model's line fills in as it trains."));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
