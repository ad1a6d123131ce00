package io.gatescope.ui;

import io.gatescope.io.Assets;
import io.gatescope.ui.compute.ComputeThread;
import io.gatescope.ui.model.ModelLoader;
import io.gatescope.ui.settings.Autosave;
import io.gatescope.ui.settings.SettingsBinder;
import io.gatescope.ui.settings.SettingsStore;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop application: one main window on the shipped LSTM addition model with {@code 67+60}
 * at the first step on a first start, and wherever the user left off afterwards.
 */
public final class GatescopeApp extends Application {
    private final ExecutorService compute = ComputeThread.create();
    private final SettingsStore store = SettingsStore.atHome();
    private final Autosave autosave = Autosave.atHome();
    private SettingsBinder settings;

    public static void main(String[] args) {
        launch(GatescopeApp.class, args);
    }

    @Override public void start(Stage stage) {
        AppModel app = new AppModel(new ModelLoader(Assets.folder()), compute);
        MainWindow window = new MainWindow(app);
        settings = new SettingsBinder(app, store);
        settings.restoreAndTrack();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Most of the screen (all of a 1280×720 projector), but not sprawled over a 4K one.
        double w = Math.min(screen.getWidth(), Math.min(2400, Math.max(1280, screen.getWidth() * 0.92)));
        double h = Math.min(screen.getHeight(), Math.min(1500, Math.max(720, screen.getHeight() * 0.92)));
        Scene scene = new Scene(window, w, h);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> app.modelProperty().get() == null
                ? "Gatescope" : "Gatescope — " + app.modelProperty().get().name(), app.modelProperty()));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        settings.restoreAndTrackWindow(stage);
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) e.consume();
        });
        stage.show();
        autosave.begin(stage, app, settings, window.training(), Autosave.PERIOD_SECONDS);
        window.training().warmUp();
        // gatescope --scenes lecture.json opens straight into the lecture's first scene.
        var raw = getParameters().getRaw();
        int at = raw.indexOf("--scenes");
        if (at >= 0 && at + 1 < raw.size()) window.lecture().lecture().open(java.nio.file.Path.of(raw.get(at + 1)));
    }

    @Override public void stop() {
        if (settings != null) settings.saveNow();
        autosave.cleanExit();
        store.close();
        compute.shutdownNow();
    }
}
