package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.Parameter;
import io.gatescope.train.TrainingSetting;
import io.gatescope.ui.model.LoadedModel;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Clicking a prediction opens its sum in the main view with the weights of the moment shown, reading it as the run did. */
class PredictionsTableTest extends TrainingPanelFixture {
    @Test
    void clickingAPredictionOpensItInTheMainViewWithThatMomentsWeights(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get() && panel.session().moments().size() == 2);
        robot.interact(() -> robot.lookup("#moment").queryAs(javafx.scene.control.Slider.class).setValue(0));
        assertThat(text(robot, "#momentText")).isEqualTo("LSTM 8 · epoch 1.00");
        assertDigitsMarked(robot);   // the cells show the earlier moment's digits and marks, not the last one's
        TrainingSession.Moment epoch1 = panel.session().moments().get(0);
        TrainingSession.Prediction row = epoch1.predictions().get(1);
        Node cell = rowOf(robot, row);
        robot.clickOn(cell);
        await(() -> app.modelProperty().get() instanceof LoadedModel.Addition a && a.name().contains("epoch 1.00")
                && app.traceProperty().get() != null);
        assertThat(mainViewShown).isTrue();
        assertThat(app.inputTextProperty().get()).isEqualTo(row.example().question());
        List<Parameter> ps = ((LoadedModel.Addition) app.modelProperty().get()).model().parameters();
        for (Parameter p : ps) assertThat(p.data()).as(p.name()).isEqualTo(epoch1.weights().get(p.name()));
        assertThat(epoch1.weights().get("head.weight")).isNotEqualTo(panel.session().moments().get(1).weights().get("head.weight"));
    }

    @Test
    void aPredictionOfARunOnReversedInputOpensReadingItReversed(FxRobot robot) throws Exception {
        small(robot, 2);
        robot.interact(() -> panel.settings().setText(TrainingSetting.REVERSED, "true"));
        robot.clickOn("Start");
        await(() -> !panel.session().activeProperty().get() && panel.session().moments().size() == 2);
        TrainingSession.Prediction row = panel.session().moments().get(1).predictions().get(2);
        robot.clickOn(rowOf(robot, row));
        String read = row.example().input(true);   // e.g. 67+60 is read 06+76
        await(() -> app.traceProperty().get() != null && String.join("", app.traceProperty().get().inputLabels()).equals(read));
        LoadedModel.Addition opened = (LoadedModel.Addition) app.modelProperty().get();
        assertThat(opened.name()).isEqualTo("Training: LSTM 8 reversed · epoch 2.00");
        assertThat(opened.reversed()).isTrue();
        assertThat(mainViewShown).isTrue();
        // the main view's model answers what the predictions table said it answers
        assertThat(String.join("", app.traceProperty().get().outputLabels())).isEqualTo(row.predicted());
    }

}
