package io.gatescope.ui.settings;

import io.gatescope.engine.CellKind;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.SequenceInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Connects the app model to the settings file: restores what was saved, and saves again shortly
 * after anything worth remembering changes (many changes in a burst, such as scrubbing, write once).
 */
public final class SettingsBinder {
    private final AppModel app;
    private final SettingsStore store;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private String lastValidInput = ViewSettings.DEFAULT.input();
    private int pendingStep = -1;
    private int pendingUnit = -1;
    private Stage stage;
    private ViewSettings.WindowBounds lastWindow;
    /**
     * Held here and given to the stage weakly: a stage that outlives this binder (another window shown
     * in it) must not keep it, and through it the app model and all the window showed.
     */
    private final InvalidationListener windowMoved = x -> debounce.playFromStart();

    public SettingsBinder(AppModel app, SettingsStore store) {
        this.app = app;
        this.store = store;
        debounce.setOnFinished(e -> store.saveLater(snapshot()));
    }

    /** Puts the saved state into the app model, then saves on every later change. */
    public void restoreAndTrack() {
        ViewSettings s = store.load();
        Map<String, Object> saved = SettingsStore.asMap(s);
        for (ViewSettingsTable.Row<?> row : ViewSettingsTable.ROWS) row.restore(app, saved.get(row.key()));
        app.restoreRecent(s.recentFiles().stream().map(Path::of).toList());
        // Only an input that parses: an invalid one (the window closed mid-edit) would leave a start
        // with no trace at all, so it falls back to the default the README promises.
        if (s.input() != null && AdditionTask.parse(s.input()).ok()) app.inputTextProperty().set(s.input());
        else app.inputTextProperty().set(ViewSettings.DEFAULT.input());
        lastValidInput = app.inputTextProperty().get();
        app.inputTextProperty().addListener((o, a, text) -> {
            if (AdditionTask.parse(text).ok()) lastValidInput = text;
        });
        // Step and unit need the trace, which arrives later: apply them to the first one.
        pendingStep = s.step();
        pendingUnit = s.selectedUnit();
        int layer = s.layer();
        app.cursorProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends io.gatescope.ui.model.TraceCursor> o,
                                          io.gatescope.ui.model.TraceCursor a, io.gatescope.ui.model.TraceCursor c) {
                if (c == null) return;
                o.removeListener(this);
                app.setLayer(layer);
                app.goTo(pendingStep);
                app.selectUnit(pendingUnit);
            }
        });
        ModelChoice choice = choice(s.model());
        // The sequence fed to a non-addition model comes back with that model (a random one would replace it).
        SequenceInput sequence = sequence(s);
        if (sequence != null && s.model() != null && s.model().equals(choice.key())) app.sequenceProperty().set(sequence);
        app.modelChoiceProperty().set(choice);
        track();
    }

    private ModelChoice choice(String key) {
        if (key != null && key.startsWith("file:")) {
            Path p = Path.of(key.substring("file:".length()));
            if (java.nio.file.Files.isRegularFile(p)) return new ModelChoice.FromFile(p);
        }
        String id = key != null && key.startsWith("shipped:") ? key.substring("shipped:".length()) : "lstm";
        return app.choices().stream().filter(c -> c instanceof ModelChoice.Shipped sh && sh.kind().id().equals(id))
                .findFirst().orElse(app.choices().get(0));
    }

    private static SequenceInput sequence(ViewSettings s) {
        if (s.sequence() == null || s.sequence().isEmpty()) return null;
        try {
            double[][] rows = s.sequence().stream()
                    .map(r -> r.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray()).toArray(double[][]::new);
            for (double[] r : rows) {
                for (double v : r) if (!Double.isFinite(v)) return null;
            }
            return new SequenceInput(rows, s.sequenceOrigin() != null ? s.sequenceOrigin() : "restored");
        } catch (IllegalArgumentException e) {
            return null;                           // ragged rows: a hand-edited file; a random sequence then
        }
    }

    private static List<List<Double>> rows(SequenceInput in) {
        if (in == null || (long) in.length() * in.width() > ViewSettings.MAX_SEQUENCE_NUMBERS) return null;
        return java.util.Arrays.stream(in.rows())
                .map(r -> java.util.Arrays.stream(r).boxed().toList()).toList();
    }

    private void track() {
        List<Observable> watched = new ArrayList<>(List.of(app.modelChoiceProperty(), app.inputTextProperty(),
                app.stepProperty(), app.layerProperty(), app.selectedUnitProperty(), app.recentFiles(), app.sequenceProperty()));
        for (ViewSettingsTable.Row<?> row : ViewSettingsTable.ROWS) watched.add(row.property().apply(app));
        for (Observable o : watched) o.addListener(x -> debounce.playFromStart());
    }

    /** The state to save now. */
    public ViewSettings snapshot() {
        ModelChoice c = app.modelChoiceProperty().get();
        Map<String, Object> m = new LinkedHashMap<>();
        for (ViewSettingsTable.Row<?> row : ViewSettingsTable.ROWS) m.put(row.key(), row.saved(app));
        m.put("model", c == null ? "shipped:" + CellKind.LSTM.id() : c.key());
        m.put("input", savedInput());
        m.put("step", app.stepProperty().get());
        m.put("layer", app.layerProperty().get());
        m.put("selectedUnit", app.selectedUnitProperty().get());
        m.put("recentFiles", app.recentFiles().stream().map(Path::toString).toList());
        m.put("window", windowBounds());
        m.put("sequence", savedRows());
        m.put("sequenceOrigin", savedSequence() == null ? null : savedSequence().origin());
        return SettingsStore.fromMap(m);
    }

    /** The input as typed if it parses, else the last one that did: a start always has a trace to show. */
    private String savedInput() {
        String text = app.inputTextProperty().get();
        return text != null && AdditionTask.parse(text).ok() ? text : lastValidInput;
    }

    /** The sequence worth saving: the one fed to the non-addition model on screen. */
    private SequenceInput savedSequence() {
        return app.modelProperty().get() instanceof LoadedModel.Stack ? app.sequenceProperty().get() : null;
    }

    private List<List<Double>> savedRows() {
        return rows(savedSequence());
    }

    /**
     * Puts {@code stage} where it was last time, if that place is still on one of the screens (a
     * projector may be gone), and remembers it from now on. Presenter mode's full screen is not a
     * place to remember.
     */
    public void restoreAndTrackWindow(Stage stage) {
        ViewSettings.WindowBounds w = store.load().window();
        var screens = w == null ? java.util.List.<Screen>of() : Screen.getScreensForRectangle(w.x(), w.y(), w.width(), w.height());
        if (w != null && w.width() >= stage.getMinWidth() && w.height() >= stage.getMinHeight() && !screens.isEmpty()) {
            // A window saved on a larger screen comes back inside this one, so the time bar stays in sight.
            javafx.geometry.Rectangle2D fit = fitInside(w, screens.get(0).getVisualBounds());
            stage.setX(fit.getMinX());
            stage.setY(fit.getMinY());
            stage.setWidth(fit.getWidth());
            stage.setHeight(fit.getHeight());
            stage.setMaximized(w.maximized());
        }
        this.stage = stage;
        for (Observable o : new Observable[] {stage.xProperty(), stage.yProperty(), stage.widthProperty(),
                stage.heightProperty(), stage.maximizedProperty()}) {
            o.addListener(new WeakInvalidationListener(windowMoved));
        }
    }

    /** The saved bounds shrunk to the screen where needed and moved until the whole window is on it. */
    static javafx.geometry.Rectangle2D fitInside(ViewSettings.WindowBounds w, javafx.geometry.Rectangle2D screen) {
        double width = Math.min(w.width(), screen.getWidth()), height = Math.min(w.height(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(w.x(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(w.y(), screen.getMaxY() - height));
        return new javafx.geometry.Rectangle2D(x, y, width, height);
    }

    private ViewSettings.WindowBounds windowBounds() {
        if (stage == null || stage.isFullScreen()) return stage == null ? null : lastWindow;
        lastWindow = new ViewSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        return lastWindow;
    }

    /** Writes the current state now (when the window closes). */
    public void saveNow() {
        debounce.stop();
        store.save(snapshot());
    }
}
