package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The training panel alone in a 1280×720 window, with an empty assets folder, for the panel's tests;
 * and what they share: a small fast run, waiting for a condition, reading what the panel shows.
 */
@ExtendWith(ApplicationExtension.class)
abstract class TrainingPanelFixture {
    /** An empty assets folder: every shipped model is the seeded stand-in. JUnit deletes it afterwards. */
    @org.junit.jupiter.api.io.TempDir
    Path assets;
    ExecutorService compute;
    AppModel app;
    TrainingPanel panel;
    final AtomicBoolean mainViewShown = new AtomicBoolean();

    /** Training threads alive before the test (none, unless an earlier class left one). */
    private java.util.Set<Thread> threadsBefore;

    @BeforeEach
    void show() throws Exception {
        threadsBefore = TrainingThreads.live();
        // The window's own look whichever test ran before: its theme is one per application (a
        // user-agent stylesheet), so without this the panel looked different alone and after others.
        FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(
                io.gatescope.ui.theme.UiTheme.LIGHT.userAgentStylesheet()));
        compute = ComputeThread.create();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            app = new AppModel(new ModelLoader(assets), compute);
            panel = new TrainingPanel(app, () -> mainViewShown.set(true));
            s.setScene(new Scene(panel, 1280, 720));
            s.show();
        });
        waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        TrainingThreads.dispose(panel, threadsBefore);
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    /** A small fast run: 8 LSTM units, 600 examples, batch 32. */
    void small(FxRobot robot, int epochs) {
        robot.interact(() -> {
            panel.type(TrainingSetting.HIDDEN, "8");
            panel.type(TrainingSetting.EXAMPLES, "600");
            panel.type(TrainingSetting.BATCH, "32");
            panel.type(TrainingSetting.EPOCHS, Integer.toString(epochs));
        });
    }

    /**
     * The predictions table's row showing {@code p}, scrolled into view. Not a lookup by the sum's
     * text: the table's virtual flow also keeps a hidden cell it measures with, which may hold it.
     */
    static Node rowOf(FxRobot robot, TrainingSession.Prediction p) {
        // scrolled to, as a user would: in the window's theme the third row may be only half in view
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<TrainingSession.Prediction> table = robot.lookup("#predictions").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> table.scrollTo(p));
        return robot.lookup("#predictions .table-row-cell")
                .match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && p.equals(r.getItem())).query();
    }

    /**
     * Clicks {@code button} (Start) and waits until the run it starts is over. First that it began
     * (the session has its trainer), then that it ended: waiting only for "not active" could pass
     * before a click on its way on a loaded machine had even started the run.
     */
    void runToTheEnd(FxRobot robot, String button) throws Exception {
        robot.clickOn(button);
        await(() -> panel.session().trainer() != null && !panel.session().activeProperty().get());
    }

    static void await(BooleanSupplier c) throws Exception {
        waitFor(120, TimeUnit.SECONDS, c::getAsBoolean);
        waitForFxEvents();
    }

    TrainingSnapshot snapshot() { return panel.session().snapshotProperty().get(); }

    String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    /** Every visible row shows its prediction digit by digit, exactly the digits that differ from the true sum marked. */
    void assertDigitsMarked(FxRobot robot) {
        int rows = 0, wrong = 0;
        for (Node n : robot.lookup("#predictions .table-row-cell").queryAll()) {
            if (!(((javafx.scene.control.TableRow<?>) n).getItem() instanceof TrainingSession.Prediction p)) continue;
            List<javafx.scene.text.Text> digits = n.lookupAll(".prediction-digit").stream().map(javafx.scene.text.Text.class::cast).toList();
            assertThat(digits.stream().map(javafx.scene.text.Text::getText).collect(java.util.stream.Collectors.joining())).isEqualTo(p.predicted());
            for (int i = 0; i < digits.size(); i++) {
                boolean differs = p.predicted().charAt(i) != p.example().target().charAt(i);
                assertThat(digits.get(i).getStyleClass().contains(Tables.WRONG_DIGIT)).as("%s digit %d", p, i).isEqualTo(differs);
                if (differs) wrong++;
            }
            rows++;
        }
        assertThat(rows).isPositive();
        assertThat(wrong).as("an 8-unit LSTM after a few epochs still gets digits wrong").isPositive();
    }

}
