package io.gatescope.ui.lecture.scene;

import io.gatescope.chart.ColourScales;
import io.gatescope.chart.Notation;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.GateClamp;
import io.gatescope.engine.GradientPreset;
import io.gatescope.io.SceneFiles.Scene;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.WindowHooks;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelChoice;
import io.gatescope.ui.theme.UiTheme;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.SplitPane;

/**
 * Takes a scene from the window and puts one back. Restoring sets the view at once and the model,
 * input and clamp, whose trace is computed off the FX thread; the cursor (layer, step, sub-step, unit)
 * goes on when the trace of exactly that model, input and clamp has arrived, then {@code done} runs.
 */
final class SceneState {
    private final WindowHooks window;
    private final AppModel app;
    private final ClampPanel clamp;
    private ChangeListener<Object> waiting;
    /** True from choosing a model until it (or the message why it cannot open) arrives. */
    private boolean modelPending;
    /** Where relative model paths of the open lecture start. */
    private Path folder = Path.of(".");

    SceneState(WindowHooks window, ClampPanel clamp) {
        this.window = window;
        this.app = window.app();
        this.clamp = clamp;
    }

    /** The window's state now, with {@code note}; {@code extra} carries fields this version does not know. */
    Scene capture(String note, com.fasterxml.jackson.databind.node.ObjectNode extra) {
        var v = app.view();
        ModelChoice c = app.modelChoiceProperty().get();
        int sub = app.subStepProperty().get();
        PanelFrame filled = window.maximised();
        boolean hasClamp = app.modelProperty().get() != null && !app.modelProperty().get().kind().isPlainRnn();
        return new Scene(note, c == null ? null : c.key(), app.inputTextProperty().get(), app.stepProperty().get(),
                sub == AppModel.WHOLE_STEP ? null : sub, sub == AppModel.WHOLE_STEP, app.layerProperty().get(),
                app.selectedUnitProperty().get(), v.notationProperty().get().name(), v.themeProperty().get().name(),
                v.paletteProperty().get().name(), v.zoomProperty().get(), v.presenterProperty().get(),
                filled == null ? 0 : window.frames().indexOf(filled) + 1, currentView(),
                window.splits().stream().map(SplitPane::getDividerPositions).toArray(double[][]::new),
                hasClamp ? ClampSpec.of(clamp.clamp(), app.modelProperty().get().kind()).format() : null,
                hasClamp ? clamp.holding() : null, window.gradients().preset() == null ? null : window.gradients().preset().id(),
                window.training().formSettings().orElse(null), extra);
    }

    /**
     * Puts {@code s} on screen; {@code folder} resolves relative model paths. Returns why a part could not
     * be restored (the rest is), or empty; {@code done} runs on the FX thread once the cursor is in place.
     */
    Optional<String> restore(Scene s, Path folder, Runnable done) {
        this.folder = folder;
        var v = app.view();
        if (s.presenter() != null) v.presenterProperty().set(s.presenter());
        if (s.theme() != null) v.setTheme(UiTheme.parse(s.theme(), v.themeProperty().get()));
        if (s.zoom() != null) v.setZoom(s.zoom());
        if (s.palette() != null) v.paletteProperty().set(ColourScales.Palette.valueOf(s.palette()));
        if (s.notation() != null) v.notationProperty().set(Notation.valueOf(s.notation()));
        if (s.gradientPreset() != null) window.gradients().choosePreset(GradientPreset.fromId(s.gradientPreset()));
        if (s.training() != null) window.training().showSettings(s.training());
        String problem = null;
        if (s.model() != null) {
            ModelChoice choice = choice(s.model(), folder);
            if (choice == null) {
                problem = "no shipped model " + s.model();
            } else if (!choice.equals(app.modelChoiceProperty().get())) {
                modelPending = true;
                ChangeListener<Object> arrival = new ChangeListener<>() {
                    @Override public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                        modelPending = false;
                        app.modelProperty().removeListener(this);
                        app.modelErrorProperty().removeListener(this);
                        if (waiting != null) waiting.changed(null, null, null);
                    }
                };
                app.modelProperty().addListener(arrival);
                app.modelErrorProperty().addListener(arrival);
                app.modelChoiceProperty().set(choice);
            }
        }
        if (s.input() != null) {
            AdditionTask.Parsed p = AdditionTask.parse(s.input());
            if (p.ok()) app.inputTextProperty().set(s.input());
            else problem = "input " + s.input() + ": " + p.error();
        }
        String layoutProblem = layout(s);
        if (problem == null) problem = layoutProblem;
        stopWaiting();
        String[] late = {problem};
        waiting = (o, a, b) -> {
            if (!loaded(s)) return;
            stopWaiting();
            String clampProblem = applyClamp(s);
            if (clampProblem != null && late[0] == null) late[0] = clampProblem;
            if (!arrived(s)) {                     // the clamp changed the trace: wait for that one
                waitFor(s, done);
                return;
            }
            cursor(s);
            done.run();
        };
        app.cursorProperty().addListener(waiting);
        app.busyProperty().addListener(waiting);
        waiting.changed(null, null, null);
        return Optional.ofNullable(late[0]);
    }

    private void waitFor(Scene s, Runnable done) {
        waiting = (o, a, b) -> {
            if (!arrived(s)) return;
            stopWaiting();
            cursor(s);
            done.run();
        };
        app.cursorProperty().addListener(waiting);
        app.busyProperty().addListener(waiting);
        waiting.changed(null, null, null);
    }

    private void stopWaiting() {
        if (waiting == null) return;
        app.cursorProperty().removeListener(waiting);
        app.busyProperty().removeListener(waiting);
        waiting = null;
    }

    /** Whether the trace on screen is the scene's, clamp included. */
    private boolean arrived(Scene s) {
        if (!loaded(s)) return false;
        boolean wantHeld = Boolean.TRUE.equals(s.clampOn()) && !app.modelProperty().get().kind().isPlainRnn();
        return s.clampOn() == null || app.clampsProperty().get().isEmpty() != wantHeld;
    }

    /** Whether the trace on screen is of the scene's model and input, nothing pending (the clamp aside). */
    private boolean loaded(Scene s) {
        LoadedModel m = app.modelProperty().get();
        if (m == null || app.busyProperty().get() || app.cursorProperty().get() == null) return false;
        if (app.cursorProperty().get().trace() != app.traceProperty().get()) return false;
        ModelChoice c = app.modelChoiceProperty().get();
        if (s.model() != null && (c == null || !c.key().equals(keyOf(s.model())))) return false;
        if (modelPending) return false;
        if (m instanceof LoadedModel.Addition && s.input() != null) {
            var ex = AdditionTask.parse(s.input()).example();
            if (ex.isPresent() && !ex.get().equals(app.tracedExampleProperty().get())) return false;
        }
        return true;
    }

    private String applyClamp(Scene s) {
        LoadedModel m = app.modelProperty().get();
        if (s.clamp() == null || m == null || m.kind().isPlainRnn()) {
            if (s.clampOn() != null && !s.clampOn() && clamp.holding()) clamp.toggle();
            return null;
        }
        try {
            GateClamp c = ClampSpec.parse(s.clamp()).toClamp(m.kind());
            clamp.restore(c, Boolean.TRUE.equals(s.clampOn()));
            if (Boolean.TRUE.equals(s.clampOn())) clamp.setVisible(true);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void cursor(Scene s) {
        if (s.layer() != null) app.setLayer(s.layer());
        if (s.step() != null) app.goTo(s.step());
        if (s.wholeStep()) app.setSubStep(AppModel.WHOLE_STEP);
        else if (s.subStep() != null) app.setSubStep(s.subStep());
        if (s.unit() != null) app.selectUnit(s.unit());
    }

    /** Puts the scene's view, filled panel and dividers back; returns why a part could not be, or null. */
    private String layout(Scene s) {
        String problem = null;
        if (s.view() != null) {
            javafx.scene.Node view = window.viewsById().get(s.view());
            if (view == null) problem = "no view \"" + s.view() + "\"; the views are " + String.join(", ", window.viewsById().keySet());
            else if (view == window.panelsView()) window.showPanels();
            else window.showView(view);
        }
        if (s.panel() != null) {
            PanelFrame want = s.panel() == 0 ? null : window.frames().get(s.panel() - 1);
            if (window.maximised() != want) {
                // The digit keys' own rows: 1–5 fill the window with a panel, 0 gives the space back.
                String action = want == null ? "Give a filled panel its space back" : "Fill the window with the ";
                window.keys().bindings().stream().filter(b -> b.action().startsWith(action))
                        .skip(want == null ? 0 : s.panel() - 1).findFirst().ifPresent(b -> b.run().run());
            }
        }
        if (s.dividers() != null && window.maximised() == null) {
            var splits = window.splits();
            for (int k = 0; k < splits.size() && k < s.dividers().length; k++) {
                if (s.dividers()[k].length == splits.get(k).getDividers().size()) splits.get(k).setDividerPositions(s.dividers()[k]);
            }
        }
        return problem;
    }

    private String currentView() {
        javafx.scene.Node view = window.viewProperty().get();
        return view == null ? null : view.getId();
    }

    private ModelChoice choice(String key, Path folder) {
        String k = keyOf(key, folder);
        if (k.startsWith("file:")) return new ModelChoice.FromFile(Path.of(k.substring("file:".length())));
        return app.choices().stream().filter(c -> c.key().equals(k)).findFirst().orElse(null);
    }

    private String keyOf(String key) {
        return keyOf(key, folder);
    }

    private static String keyOf(String key, Path folder) {
        if (!key.startsWith("file:")) return key;
        Path p = Path.of(key.substring("file:".length()));
        return new ModelChoice.FromFile(p.isAbsolute() ? p : folder.resolve(p)).key();
    }
}
