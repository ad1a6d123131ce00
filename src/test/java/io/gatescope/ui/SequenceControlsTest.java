package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Notation;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.model.LoadedModel;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Steps and Seed spinners of a sequence model, and keys while a list has them. */
class SequenceControlsTest extends WindowTestBase {
    @TempDir
    Path dir;

    private void openSequenceModel(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path file = dir.resolve("lstm-3.json");
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, 3, 4, 1, false);
        for (RecurrentLayer layer : stack.layers()) Initialisers.pytorchDefault(layer, new SplittableRandom(5));
        ModelFiles.save(file, new ModelFile.Stack(stack, ModelFile.Metadata.NONE));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Stack && app.cursorProperty().get() != null
                && app.totalSteps() == 8);
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Spinner.class);
    }

    @Test
    void typingIntoTheSpinnersTypesAndLeavesTheWindowAlone(FxRobot robot) throws Exception {
        openSequenceModel(robot);
        robot.interact(() -> app.goTo(3));
        Notation notation = app.view().notationProperty().get();
        Spinner<Integer> length = spinner(robot, "sequenceLength");
        robot.clickOn(length.getEditor());
        robot.interact(() -> length.getEditor().selectAll());
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2);
        await(() -> "12".equals(length.getEditor().getText()));
        assertThat(window.maximised()).isNull();          // no panel filled the window
        robot.type(KeyCode.HOME, KeyCode.END, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.SPACE, KeyCode.N, KeyCode.P);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(length.getEditor().getText()).as("typed into the editor").startsWith("12").contains("n");
        assertThat(app.stepProperty().get()).isEqualTo(3);
        assertThat(app.playingProperty().get()).isFalse();
        assertThat(app.view().notationProperty().get()).isEqualTo(notation);
        assertThat(app.view().presenterProperty().get()).isFalse();

        robot.interact(() -> length.getEditor().selectAll());
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.ENTER);
        await(() -> app.sequenceLengthProperty().get() == 12);
        assertThat(window.maximised()).isNull();

        Spinner<Integer> seed = spinner(robot, "sequenceSeed");
        robot.clickOn(seed.getEditor());
        robot.interact(() -> seed.getEditor().selectAll());
        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT2, KeyCode.ENTER);
        await(() -> app.sequenceSeedProperty().get() == 42);
        assertThat(window.maximised()).isNull();
    }

    @Test
    void theSpinnersStayConnectedAfterGarbageCollection(FxRobot robot) throws Exception {
        openSequenceModel(robot);
        Spinner<Integer> length = spinner(robot, "sequenceLength");
        Spinner<Integer> seed = spinner(robot, "sequenceSeed");
        for (int i = 0; i < 3; i++) {
            System.gc();
            robot.interact(() -> { });
        }
        robot.interact(() -> {
            length.increment();
            seed.increment(4);
        });
        await(() -> app.sequenceLengthProperty().get() == 9 && app.sequenceSeedProperty().get() == 5);
        robot.interact(() -> {
            app.sequenceLengthProperty().set(20);
            app.sequenceSeedProperty().set(77);
        });
        assertThat(length.getValue()).isEqualTo(20);
        assertThat(length.getEditor().getText()).isEqualTo("20");
        assertThat(seed.getEditor().getText()).isEqualTo("77");
    }

    @Test
    void homeEndAndSpaceMoveInAFocusedListNotInTime(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> app.goTo(2));
        // A list in a window that carries the main window's keys (the recent files, a table of inputs).
        javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(
                javafx.collections.FXCollections.observableArrayList("a", "b", "c", "d"));
        javafx.stage.Stage[] other = new javafx.stage.Stage[1];
        robot.interact(() -> {
            javafx.scene.Scene scene = new javafx.scene.Scene(list, 200, 200);
            new KeyBindings(app, new KeyBindings.Actions() {
                @Override public void togglePresenter() { }
                @Override public void leavePresenter() { }
                @Override public void openFile() { }
                @Override public void focusInput() { }
                @Override public int subStepCount() { return 3; }
            }).install(scene);
            other[0] = new javafx.stage.Stage();
            other[0].setScene(scene);
            other[0].show();
            other[0].toFront();
            list.requestFocus();
            list.getSelectionModel().select(1);
            list.getFocusModel().focus(1);
        });
        robot.type(KeyCode.END);
        await(() -> list.getFocusModel().getFocusedIndex() == 3);
        robot.type(KeyCode.HOME);
        await(() -> list.getFocusModel().getFocusedIndex() == 0);
        robot.type(KeyCode.SPACE, KeyCode.RIGHT, KeyCode.LEFT);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.stepProperty().get()).isEqualTo(2);
        assertThat(app.playingProperty().get()).isFalse();
        robot.interact(other[0]::close);
    }

    @Test
    void theRandomDrawStandsAtTheRowsRightEndAndWrapsBelowWhenNarrow(FxRobot robot) throws Exception {
        openSequenceModel(robot);
        javafx.scene.control.Button random = robot.lookup(".button").match((javafx.scene.control.Button b) -> "Random".equals(b.getText()))
                .queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Label caption = robot.lookup(".label").match((javafx.scene.control.Label l) -> "Input sequence".equals(l.getText()))
                .queryAs(javafx.scene.control.Label.class);
        javafx.scene.layout.Region bar = (javafx.scene.layout.Region) caption.getParent().getParent();
        // 1280 px at the desk: one line, "Random" at its right end, as wide as its text.
        robot.interact(() -> stage.setWidth(1280));
        await(() -> Math.abs(inScene(bar).getMaxX() - inScene(random).getMaxX()) < 20);
        assertThat(inScene(random).getCenterY()).as("one line").isCloseTo(inScene(caption).getCenterY(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(random.getWidth()).isGreaterThanOrEqualTo(random.prefWidth(-1) - 0.5);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(bar.isNeedsLayout()).as("the push to the right settles in one pass").isFalse();
        // Narrower than the row: the random draw goes below the file's buttons, whole and inside the window.
        robot.interact(() -> stage.setWidth(960));
        await(() -> inScene(random).getMinY() > inScene(caption).getMaxY());
        assertThat(inScene(random).getMaxX()).isLessThanOrEqualTo(window.getScene().getWidth());
        assertThat(random.getWidth()).isGreaterThanOrEqualTo(random.prefWidth(-1) - 0.5);
        // and back at the right end of one line when the window is wide again
        robot.interact(() -> stage.setWidth(1280));
        await(() -> Math.abs(inScene(random).getCenterY() - inScene(caption).getCenterY()) < 1
                && Math.abs(inScene(bar).getMaxX() - inScene(random).getMaxX()) < 20);
    }

    private static javafx.geometry.Bounds inScene(javafx.scene.Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void homeEndAndSpaceMoveInTheOpenModelListNotInTime(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> app.goTo(2));
        @SuppressWarnings("unchecked")
        ComboBox<Object> picker = robot.lookup("#" + ModelPicker.COMBO_ID).queryAs(ComboBox.class);
        robot.interact(() -> {
            picker.requestFocus();
            picker.show();
        });
        // On a desktop the keys of an open picker arrive through the window's scene with the picker as
        // target (under Monocle they go straight to the popup): press them that way.
        for (KeyCode key : new KeyCode[] {KeyCode.END, KeyCode.HOME, KeyCode.SPACE, KeyCode.LEFT, KeyCode.RIGHT}) {
            robot.interact(() -> javafx.event.Event.fireEvent(picker, new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false)));
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.stepProperty().get()).isEqualTo(2);
        assertThat(app.playingProperty().get()).isFalse();
        robot.interact(picker::hide);
    }
}
