package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.settings.SettingsBinder;
import io.gatescope.ui.settings.SettingsStore;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a window showed can be collected once it is gone: a window replaced in its stage, and a model
 * replaced in the window. Proven with weak references and full collections, never with timing.
 *
 * <p>Before, each window left a full-screen listener on its stage; a stage that outlived it (the tests'
 * shared stage: 83 windows, 1.7 GB by the time {@code LimitsTest} ran) kept it and all it showed.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLeakTest {
    @TempDir
    Path assets;
    @TempDir
    Path home;
    private final ExecutorService compute = ComputeThread.create();
    private SettingsStore store;
    private Stage stage;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.hideStage();
        compute.shutdownNow();
        if (store != null) store.close();
    }

    @Test
    void aWindowReplacedInItsStageCanBeCollected(FxRobot robot) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        List<WeakReference<Object>> replaced = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MainWindow window = show();
            // Presenter mode once, so the window's full-screen wiring runs both ways.
            robot.interact(() -> window.app().view().presenterProperty().set(true));
            assertThat(stage.isFullScreen()).as("presenter mode makes the stage full screen").isTrue();
            robot.interact(() -> stage.setFullScreen(false));
            assertThat(window.app().view().presenterProperty().get()).as("leaving full screen leaves presenter mode").isFalse();
            replaced.add(new WeakReference<>(window));
            replaced.add(new WeakReference<>(window.app()));
            replaced.add(new WeakReference<>(window.app().traceProperty().get()));
        }
        MainWindow last = show();
        // The stage going full screen now concerns only the window it shows.
        robot.interact(() -> stage.setFullScreen(true));
        robot.interact(() -> stage.setFullScreen(false));
        assertThat(last.app().view().presenterProperty().get()).isFalse();

        assertCollected(replaced);
    }

    @Test
    void aModelReplacedInTheWindowCanBeCollected() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        MainWindow window = show();
        AppModel app = window.app();
        List<WeakReference<Object>> replaced = new ArrayList<>();
        for (ModelChoice choice : app.choices().subList(1, app.choices().size())) {
            replaced.add(new WeakReference<>(app.modelProperty().get()));
            replaced.add(new WeakReference<>(app.traceProperty().get()));
            var before = app.traceProperty().get();
            FxToolkit.setupFixture(() -> app.modelChoiceProperty().set(choice));
            waitFor(120, TimeUnit.SECONDS, () -> app.traceProperty().get() != null && app.traceProperty().get() != before
                    && app.cursorProperty().get() != null && app.cursorProperty().get().trace() == app.traceProperty().get());
            waitForFxEvents();
        }
        assertCollected(replaced);
    }

    /**
     * A new window on the seeded stand-in models in the shared stage, wired as the application wires
     * it (its settings restored and tracked, the stage's bounds too), once its trace is on screen.
     */
    private MainWindow show() throws Exception {
        if (store == null) store = new SettingsStore(home);
        MainWindow[] shown = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            AppModel app = new AppModel(new ModelLoader(assets), compute);
            shown[0] = new MainWindow(app);
            s.setScene(new Scene(shown[0], 1280, 720));
            SettingsBinder settings = new SettingsBinder(app, store);
            settings.restoreAndTrack();
            settings.restoreAndTrackWindow(s);
            s.show();
            app.modelChoiceProperty().set(app.choices().get(0));
        });
        AppModel app = shown[0].app();
        waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null
                && app.cursorProperty().get().trace() == app.traceProperty().get());
        waitForFxEvents();
        return shown[0];
    }

    /** Collects until every reference is cleared; a reference still held after many full collections is a leak. */
    private static void assertCollected(List<WeakReference<Object>> refs) throws Exception {
        FxToolkit.registerPrimaryStage();   // TestFX keeps each event fired in the stage since it was registered (their targets too)
        for (int i = 0; i < 20 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            waitForFxEvents();      // a redraw or a hand-over still queued for the FX thread lets go once it has run
            System.gc();
        }
        List<String> held = refs.stream().map(WeakReference::get).filter(o -> o != null)
                .map(o -> o.getClass().getSimpleName()).toList();
        assertThat(held).as("still reachable after 20 full collections").isEmpty();
    }
}
