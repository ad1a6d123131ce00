package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.task.Memory;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingEstimate;
import io.gatescope.train.TrainingSetting;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Settings that are each within range but together cannot run (too much memory, too slow for the
 * time limit) are refused in the form with the trainer's own figures and words — those the command
 * line prints — before anything starts; the previous run stays on screen and usable.
 */
class TrainingRefusalTest extends TrainingPanelFixture {
    private void type(FxRobot robot, TrainingSetting s, String text) {
        robot.interact(() -> panel.type(s, text));
    }

    private static TrainingConfig config(Map<TrainingSetting, Object> changes) {
        Map<TrainingSetting, Object> v = new java.util.EnumMap<>(TrainingConfig.defaults().values());
        v.putAll(changes);
        return TrainingConfig.of(v);
    }

    @Test
    void anImpossibleSettingIsRefusedBesideTheFormWithTheTrainersFigures(FxRobot robot) throws Exception {
        type(robot, TrainingSetting.HIDDEN, "8");
        type(robot, TrainingSetting.EXAMPLES, "600");
        type(robot, TrainingSetting.BATCH, "32");
        type(robot, TrainingSetting.EPOCHS, "1");
        robot.clickOn("Start");
        waitFor(120, TimeUnit.SECONDS, () -> !panel.session().runs().isEmpty() && !panel.session().activeProperty().get()
                && !panel.session().moments().isEmpty());
        waitForFxEvents();
        TableView<?> table = robot.lookup("#predictions").queryAs(TableView.class);
        int rows = table.getItems().size();
        assertThat(rows).isPositive();

        Label refusal = robot.lookup("#error-estimate").queryAs(Label.class);
        Button start = robot.lookup("#start").queryAs(Button.class);
        assertThat(refusal.isVisible()).isFalse();
        type(robot, TrainingSetting.HIDDEN, "4096");
        type(robot, TrainingSetting.BATCH, "65536");
        waitForFxEvents();
        long bytes = TrainingEstimate.of(config(Map.of(TrainingSetting.HIDDEN, 4096L, TrainingSetting.BATCH, 65536L,
                TrainingSetting.EXAMPLES, 600L, TrainingSetting.EPOCHS, 1L))).bytes();
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).startsWith("training with hidden size 4096, batch size 65536 and 600 examples needs about "
                + Memory.size(bytes) + " of memory, but Java may use ");
        assertThat(start.isDisabled()).isTrue();
        // the last run is still there to look at and to open
        assertThat(panel.session().runs()).hasSize(1);
        assertThat(table.getItems()).hasSize(rows);
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isFalse();

        // within memory, but no update can be done within the time limit
        type(robot, TrainingSetting.HIDDEN, "512");
        type(robot, TrainingSetting.BATCH, "512");
        type(robot, TrainingSetting.EXAMPLES, "20000");
        type(robot, TrainingSetting.TIME_LIMIT, "0.1");
        waitForFxEvents();
        assertThat(refusal.getText()).startsWith("training with hidden size 512, batch size 512 and 20,000 examples needs at least ")
                .contains("before its first update", "more than the time limit of 0.1 s");
        assertThat(start.isDisabled()).isTrue();

        type(robot, TrainingSetting.TIME_LIMIT, "0");
        waitForFxEvents();
        assertThat(refusal.isVisible()).isFalse();
        assertThat(start.isDisabled()).isFalse();
    }
}
