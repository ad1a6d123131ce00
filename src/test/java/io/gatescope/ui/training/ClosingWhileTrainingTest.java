package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.Trainer;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Closing the window asks first while training runs or trained weights are unsaved, and not once they are saved. */
class ClosingWhileTrainingTest extends TrainingPanelFixture {
    /** Asks the window to close as the window system does when the user closes it. */
    private void requestClose(FxRobot robot) {
        Stage stage = (Stage) panel.getScene().getWindow();
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    /** The confirmation dialog's text, once it shows. */
    private String dialogText(FxRobot robot) throws Exception {
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText();
    }

    /**
     * Presses the dialog's button labelled {@code text}. Fired rather than clicked at screen
     * coordinates: the dialog centres itself on the window once laid out, so on a loaded machine a click
     * aimed while it was still at its first place landed beside the button, and nothing closed it.
     */
    private void press(FxRobot robot, String text) throws Exception {
        await(() -> robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> text.equals(b.getText())).tryQuery().isPresent());
        javafx.scene.control.Button button = robot.lookup(".dialog-pane .button")
                .match((javafx.scene.control.Button b) -> text.equals(b.getText())).queryButton();
        robot.interact(button::fire);
    }

    private void wireClose() throws Exception {
        // the application's close handler (GatescopeApp): the window closes only when the panel agrees
        FxToolkit.setupFixture(() -> panel.getScene().getWindow().setOnCloseRequest(e -> {
            if (!panel.confirmClose()) e.consume();
        }));
    }

    @Test
    void closingWhileTrainingAsksFirstCancelKeepsTheRunAndConfirmStopsIt(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1000);
        robot.clickOn("Start");
        await(() -> snapshot() != null && snapshot().examplesSeen() > 0);
        requestClose(robot);
        assertThat(dialogText(robot)).isEqualTo("Training is still running. Close anyway and lose it?");
        press(robot, "Cancel");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(panel.getScene().getWindow().isShowing()).isTrue();
        long before = snapshot().examplesSeen();
        await(() -> snapshot().examplesSeen() > before);   // the run goes on
        assertThat(panel.session().activeProperty().get()).isTrue();

        Trainer running = panel.session().trainer();
        requestClose(robot);
        assertThat(dialogText(robot)).startsWith("Training is still running");
        press(robot, "OK");
        await(() -> !panel.getScene().getWindow().isShowing());
        assertThat(running.isCancelled()).isTrue();
        await(() -> running.latest().state() == Trainer.State.CANCELLED);
    }

    @Test
    void closingWithUnsavedWeightsAsksFirstAndNotOnceTheyAreSaved(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1);
        runToTheEnd(robot, "Start");
        requestClose(robot);
        assertThat(dialogText(robot)).isEqualTo("The trained weights are not saved. Close anyway?");
        press(robot, "Cancel");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(panel.getScene().getWindow().isShowing()).isTrue();
        assertThat(panel.session().moments()).isNotEmpty();

        Path file = assets.resolve("saved-lstm.json");
        robot.interact(() -> panel.save(file));
        await(() -> !panel.session().unsavedProperty().get());
        requestClose(robot);
        await(() -> !panel.getScene().getWindow().isShowing());   // saved: no question
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(java.nio.file.Files.exists(file)).isTrue();
    }

    @Test
    void closingWithUnsavedWeightsClosesWhenConfirmed(FxRobot robot) throws Exception {
        wireClose();
        small(robot, 1);
        runToTheEnd(robot, "Start");
        requestClose(robot);
        assertThat(dialogText(robot)).startsWith("The trained weights are not saved");
        press(robot, "OK");
        await(() -> !panel.getScene().getWindow().isShowing());
    }

}
