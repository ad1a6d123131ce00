package io.gatescope.ui.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.ui.model.SequenceInput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** Editing the input sequence in its table: bad text is refused with a message, a half-typed number counts. */
@ExtendWith(ApplicationExtension.class)
class SequenceTableDialogTest {
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;
    private SequenceTableDialog dialog;
    private TableView<double[]> table;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Thread fx = Thread.currentThread();
            previous = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
            owner.setScene(new Scene(new Pane(), 400, 300));
            owner.show();
            dialog = new SequenceTableDialog(new SequenceInput(new double[][] {{0.5}, {1.5}, {2.5}}, "test"), owner);
            dialog.show();
        });
        waitForFxEvents();
        table = (TableView<double[]>) dialog.getDialogPane().lookup("#" + SequenceTableDialog.TABLE_ID);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (dialog.isShowing()) dialog.close();
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        });
    }

    private void startEditing(FxRobot robot, int row) throws Exception {
        TableColumn<double[], ?> x0 = table.getColumns().get(1);
        robot.interact(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
            table.edit(row, x0);
        });
        waitFor(120, TimeUnit.SECONDS, () -> table.lookup(".text-field") instanceof TextField f && f.isFocused());
    }

    /**
     * Types {@code text} into the cell's editor, then Enter if asked. Under Monocle the robot's keys go
     * to the owner stage, not the dialog, so the keys are delivered to the editor directly.
     */
    private void type(FxRobot robot, String text, boolean enter) {
        TextField field = (TextField) table.lookup(".text-field");
        robot.interact(() -> {
            field.selectAll();
            field.replaceSelection(text);
            if (enter) {
                javafx.event.Event.fireEvent(field, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "", "", KeyCode.ENTER, false, false, false, false));
            }
        });
        waitForFxEvents();
    }

    private String shownAt(int row) {
        return table.getColumns().get(1).getCellData(row).toString();
    }

    @Test
    void textThatIsNotANumberKeepsTheOldValueAndSaysWhatIsAccepted(FxRobot robot) throws Exception {
        startEditing(robot, 0);
        TextField field = (TextField) table.lookup(".text-field");
        type(robot, "abc", true);

        assertThat(fxErrors).isEmpty();
        Label message = (Label) dialog.getDialogPane().lookup("#" + SequenceTableDialog.MESSAGE_ID);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("abc").contains("not a number").contains("0.5");
        assertThat(shownAt(0)).isEqualTo("0.5");

        // A good number afterwards is taken and the message goes.
        startEditing(robot, 0);
        type(robot, "-0.75", true);
        assertThat(shownAt(0)).isEqualTo("-0.75");
        assertThat(message.getText()).isEmpty();
    }

    @Test
    void okTakesTheNumberStillBeingTyped(FxRobot robot) throws Exception {
        startEditing(robot, 1);
        type(robot, "0.25", false);
        SequenceInput[] result = new SequenceInput[1];
        robot.interact(() -> dialog.setOnHidden(e -> result[0] = dialog.getResult()));
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        robot.clickOn(ok);
        waitFor(120, TimeUnit.SECONDS, () -> result[0] != null);

        assertThat(fxErrors).isEmpty();
        assertThat(result[0].rows()[1][0]).isEqualTo(0.25);
        assertThat(result[0].rows()[0][0]).isEqualTo(0.5);
        assertThat(result[0].rows()[2][0]).isEqualTo(2.5);
    }

    @Test
    void okAfterKeyboardPressStillTakesTheNumberBeingTyped(FxRobot robot) throws Exception {
        startEditing(robot, 2);
        type(robot, "7", false);
        SequenceInput[] result = new SequenceInput[1];
        robot.interact(() -> {
            dialog.setOnHidden(e -> result[0] = dialog.getResult());
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();    // focus stays in the cell
        });
        waitFor(120, TimeUnit.SECONDS, () -> result[0] != null);
        assertThat(result[0].rows()[2][0]).isEqualTo(7.0);
    }

    @Test
    void numbersAreShownRoundedAndKeptAndEditedInFull(FxRobot robot) throws Exception {
        double v = -0.12345678901234567, w = 0.000012345678;
        robot.interact(() -> {
            dialog.close();
            dialog = new SequenceTableDialog(new SequenceInput(new double[][] {{v}, {w}, {3}}, "test"), null);
            dialog.show();
        });
        waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<double[]> t = (TableView<double[]>) dialog.getDialogPane().lookup("#" + SequenceTableDialog.TABLE_ID);
        table = t;
        List<String> texts = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (var n : t.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == t.getColumns().get(1)
                        && c.getIndex() < 3 && c.getText() != null) texts.add(c.getIndex() + ":" + c.getText());
            }
        });
        assertThat(texts).contains("0:−0.1235", "1:1.23e−05", "2:3");

        startEditing(robot, 0);
        TextField field = (TextField) table.lookup(".text-field");
        assertThat(field.getText()).isEqualTo(Double.toString(v));
        type(robot, field.getText(), true);          // committed unchanged: still every digit
        SequenceInput[] result = new SequenceInput[1];
        robot.interact(() -> {
            dialog.setOnHidden(e -> result[0] = dialog.getResult());
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
        waitFor(120, TimeUnit.SECONDS, () -> result[0] != null);
        assertThat(result[0].rows()[0][0]).isEqualTo(v);
        assertThat(result[0].rows()[1][0]).isEqualTo(w);
    }
}
