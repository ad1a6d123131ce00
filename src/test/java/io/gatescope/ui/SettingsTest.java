package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.engine.CellKind;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.settings.SettingsBinder;
import io.gatescope.ui.settings.SettingsStore;
import io.gatescope.ui.settings.ViewSettings;
import io.gatescope.ui.theme.UiTheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/** The view's state survives a restart through settings.json in the Gatescope home folder. */
@ExtendWith(ApplicationExtension.class)
class SettingsTest {
    @TempDir
    Path home;

    @Test
    void theStoreRoundTripsAndFallsBackToDefaultsOnGarbage() throws Exception {
        SettingsStore store = new SettingsStore(home);
        assertThat(store.load()).isEqualTo(ViewSettings.DEFAULT);
        ViewSettings s = new ViewSettings("shipped:gru", "5+5", 3, 0, 2, "KERAS", "DARK", "HIGH_CONTRAST", "VIRIDIS",
                1.25, 2.0, 4, 12, 5L, List.of("/tmp/a.json"), new ViewSettings.WindowBounds(10, 20, 1300, 800, false),
                List.of(List.of(0.5, -1.0), List.of(2.0, 3.25)), "edited in the table");
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(ViewSettings.DEFAULT);
    }

    @Test
    void aRestartRestoresModelInputStepUnitNotationThemeAndZoom(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(home);
        store.save(new ViewSettings("shipped:gru", "5+5", 7, 0, 2, "KERAS", "DARK", "HIGH_CONTRAST", "VIRIDIS",
                1.25, 2.0, 4, 12, 9L, List.of(), null, null, null));
        ExecutorService compute = ComputeThread.create();
        try {
            AppModel app = new AppModel(new ModelLoader(Files.createDirectory(home.resolve("assets"))), compute);
            SettingsBinder binder = new SettingsBinder(app, store);
            robot.interact(binder::restoreAndTrack);
            waitFor(120, TimeUnit.SECONDS, () -> app.cursorProperty().get() != null && app.stepProperty().get() == 7);

            assertThat(app.modelProperty().get().kind()).isEqualTo(CellKind.GRU);
            assertThat(app.inputTextProperty().get()).isEqualTo("5+5");
            assertThat(app.selectedUnitProperty().get()).isEqualTo(2);
            assertThat(app.view().notationProperty().get()).isEqualTo(Notation.KERAS);
            assertThat(app.view().paletteProperty().get()).isEqualTo(Palette.VIRIDIS);
            assertThat(app.view().themeProperty().get()).isEqualTo(UiTheme.DARK);
            assertThat(app.view().zoomProperty().get()).isEqualTo(1.25);
            assertThat(app.view().speedProperty().get()).isEqualTo(4);
            assertThat(app.sequenceSeedProperty().get()).isEqualTo(9);

            // A change is written back shortly after, without anyone asking.
            robot.interact(() -> app.view().notationProperty().set(Notation.NG));
            waitFor(120, TimeUnit.SECONDS, () -> "NG".equals(store.load().notation()));
            assertThat(store.load().step()).isEqualTo(7);
            robot.interact(() -> app.sequenceSeedProperty().set(42));
            waitFor(120, TimeUnit.SECONDS, () -> store.load().sequenceSeed() == 42);
        } finally {
            compute.shutdownNow();
        }
    }

    @Test
    void theWindowReturnsToWhereItWasUnlessThatPlaceIsOffEveryScreen(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(home);
        store.save(ViewSettings.DEFAULT);
        ExecutorService compute = ComputeThread.create();
        try {
            AppModel app = new AppModel(new ModelLoader(Files.createDirectory(home.resolve("assets"))), compute);
            SettingsBinder binder = new SettingsBinder(app, store);
            store.save(withWindow(new ViewSettings.WindowBounds(40, 30, 1000, 640, false)));
            Stage stage = WaitForAsyncUtils.asyncFx(() -> {
                binder.restoreAndTrack();
                Stage s = new Stage();
                s.setScene(new Scene(new Pane(), 800, 600));
                binder.restoreAndTrackWindow(s);
                s.show();
                return s;
            }).get(120, TimeUnit.SECONDS);
            assertThat(stage.getX()).isEqualTo(40);
            assertThat(stage.getWidth()).isEqualTo(1000);

            robot.interact(() -> stage.setWidth(1100));
            waitFor(120, TimeUnit.SECONDS, () -> store.load().window() != null && store.load().window().width() == 1100);

            // A projector that is gone: the saved place lies off every screen, so the window stays put.
            store.save(withWindow(new ViewSettings.WindowBounds(9000, 9000, 1000, 640, false)));
            Stage other = WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                s.setX(5);
                binder.restoreAndTrackWindow(s);
                return s;
            }).get(120, TimeUnit.SECONDS);
            assertThat(other.getX()).isEqualTo(5);

            // A window saved on a larger screen (1472×920 and more) comes back inside this one, whole.
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            store.save(withWindow(new ViewSettings.WindowBounds(screen.getMinX() + 60, screen.getMinY() + 40,
                    screen.getWidth() + 192, screen.getHeight() + 200, false)));
            Stage big = WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(new Pane(), 800, 600));
                binder.restoreAndTrackWindow(s);
                s.show();
                return s;
            }).get(120, TimeUnit.SECONDS);
            assertThat(big.getX()).isEqualTo(screen.getMinX());
            assertThat(big.getY()).isEqualTo(screen.getMinY());
            assertThat(big.getX() + big.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
            assertThat(big.getY() + big.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
            assertThat(big.getWidth()).isEqualTo(screen.getWidth());
            robot.interact(() -> { stage.close(); other.close(); big.close(); });
        } finally {
            compute.shutdownNow();
        }
    }

    private static ViewSettings withWindow(ViewSettings.WindowBounds w) {
        ViewSettings d = ViewSettings.DEFAULT;
        return new ViewSettings(d.model(), d.input(), d.step(), d.layer(), d.selectedUnit(), d.notation(), d.deskTheme(),
                d.presenterTheme(), d.palette(), d.deskZoom(), d.presenterZoom(), d.speed(), d.sequenceLength(),
                d.sequenceSeed(), d.recentFiles(), w, null, null);
    }

    /** A change settling after the store closed (the window moved as the application stopped) is dropped, never thrown. */
    @Test
    void aLateChangeAfterTheStoreClosedIsDropped() {
        SettingsStore store = new SettingsStore(home);
        store.close();
        store.saveLater(ViewSettings.DEFAULT);
        assertThat(store.file()).doesNotExist();
    }
}
