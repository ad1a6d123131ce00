package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.engine.CellKind;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** The model picker always names the model on screen, however fast the lecturer moves through it. */
@ExtendWith(ApplicationExtension.class)
class ModelPickerRaceTest {
    /** An empty assets folder: every shipped model is the seeded stand-in. JUnit deletes it afterwards. */
    @org.junit.jupiter.api.io.TempDir
    Path assets;
    private final ExecutorService compute = ComputeThread.create();
    private final GatedExecutor gate = new GatedExecutor(compute);

    @AfterEach
    void stop() throws Exception {
        gate.release();
        FxToolkit.hideStage();
        compute.shutdownNow();
    }

    @Test
    void downThenUpBeforeTheOtherModelLoadsKeepsTheModelThePickerNames(FxRobot robot) throws Exception {
        AppModel[] holder = new AppModel[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            holder[0] = new AppModel(new ModelLoader(assets), gate);
            s.setScene(new Scene(new MainWindow(holder[0]), 1280, 720));
            s.show();
        });
        AppModel app = holder[0];
        ModelChoice gru = app.choices().get(1);
        assertThat(gru).isInstanceOf(ModelChoice.Shipped.class);
        assertThat(((ModelChoice.Shipped) gru).kind()).isEqualTo(CellKind.GRU);
        robot.interact(() -> app.modelChoiceProperty().set(gru));
        waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null && app.cursorProperty().get().kind() == CellKind.GRU);

        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> picker = robot.lookup("#" + ModelPicker.COMBO_ID).queryAs(ComboBox.class);
        Label badge = robot.lookup("#" + ModelPicker.BADGE_ID).queryAs(Label.class);
        gate.hold();                                   // the RNN's load stays pending while the keys arrive
        robot.interact(() -> {
            picker.requestFocus();
            picker.show();
        });
        robot.type(javafx.scene.input.KeyCode.DOWN);   // SimpleRNN
        waitForFxEvents();
        assertThat(picker.getValue()).isEqualTo(app.choices().get(2));
        robot.type(javafx.scene.input.KeyCode.UP);     // back to GRU
        waitForFxEvents();
        robot.interact(picker::hide);
        assertThat(picker.getValue()).isEqualTo(gru);

        gate.release();
        waitFor(120, TimeUnit.SECONDS, () -> !app.busyProperty().get() && gate.heldCount() == 0);
        // Give a stale load every chance to land: one more round trip through the compute thread and the FX thread.
        java.util.concurrent.CompletableFuture.runAsync(() -> { }, compute).get(120, TimeUnit.SECONDS);
        waitForFxEvents();

        assertThat(picker.getValue()).isEqualTo(gru);
        assertThat(app.modelProperty().get().kind()).isEqualTo(CellKind.GRU);
        assertThat(badge.getText()).startsWith(CellKind.GRU.title());
        assertThat(app.cursorProperty().get().kind()).isEqualTo(CellKind.GRU);
    }
}
