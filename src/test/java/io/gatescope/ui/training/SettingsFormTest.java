package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.Comparison;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The form shows each cell's own recipe, keeps what the user typed, and gives the comparison only what was typed. */
@ExtendWith(ApplicationExtension.class)
class SettingsFormTest {
    private SettingsForm form;

    @Start
    void start(Stage stage) {
        GridPane grid = new GridPane();
        form = new SettingsForm(grid);
        stage.setScene(new Scene(grid));
        stage.show();
    }

    private String shown(FxRobot robot, TrainingSetting s) {
        return robot.lookup("#setting-" + s.key()).queryAs(TextField.class).getText();
    }

    @SuppressWarnings("unchecked")
    private void chooseCell(FxRobot robot, String cell) {
        robot.interact(() -> robot.lookup("#setting-cell").queryAs(ComboBox.class).setValue(cell));
    }

    @Test
    void untouchedFieldsFollowTheCellAndTheComparisonTrainsEachCellWithItsRecipe(FxRobot robot) {
        assertThat(shown(robot, TrainingSetting.LEARNING_RATE)).isEqualTo("0.02");          // the LSTM's recipe
        chooseCell(robot, "rnn");
        assertThat(shown(robot, TrainingSetting.LEARNING_RATE)).isEqualTo("0.006");
        assertThat(shown(robot, TrainingSetting.LR_DECAY)).isEqualTo("0.8");
        TrainingConfig[] config = new TrainingConfig[1];
        robot.interact(() -> config[0] = form.config());
        assertThat(config[0].isGiven(TrainingSetting.LEARNING_RATE)).isFalse();
        Comparison c = new Comparison(config[0], Comparison.SEEDS_CELLS);
        assertThat(c.config("lstm").learningRate()).isEqualTo(0.02);
        assertThat(c.config("rnn").learningRate()).isEqualTo(0.006);
        assertThat(c.config("rnn").lrDecay()).isEqualTo(0.8);
    }

    @Test
    void aTypedValueStaysWhenTheCellChangesAndHoldsForEveryCellCompared(FxRobot robot) {
        robot.interact(() -> robot.lookup("#setting-" + TrainingSetting.LEARNING_RATE.key()).queryAs(TextField.class).setText("0.004"));
        chooseCell(robot, "gru");
        chooseCell(robot, "rnn");
        assertThat(shown(robot, TrainingSetting.LEARNING_RATE)).isEqualTo("0.004");
        TrainingConfig[] config = new TrainingConfig[1];
        robot.interact(() -> config[0] = form.config());
        assertThat(new Comparison(config[0], Comparison.SEEDS_CELLS).config("lstm").learningRate()).isEqualTo(0.004);
    }
}
