package io.gatescope.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard: → ← Home End to move in time, Space to play, + and − for speed,
 * Down/Up or PageDown/PageUp for the cell diagram's sub-steps, F5 or P for presenter mode, N for
 * the next notation, [ and ] for the previous and next unit, 1–5 to fill the window with one panel (0 or the same digit restores),
 * Ctrl+plus/minus/0 for zoom, Ctrl+O to open, Ctrl+L for the input field.
 *
 * <p>A key belongs to the focused control first when that control uses it: arrows and Home/End
 * edit text in the input field and in an editable spinner; Space presses a focused button; arrows,
 * Home/End, PageUp/PageDown and Space move in an open list or a focused table (a closed picker leaves
 * them to the window).
 */
final class KeyBindings {
    /** What the keys act on besides the app model. */
    interface Actions {
        void togglePresenter();

        void leavePresenter();

        void openFile();

        void focusInput();

        int subStepCount();

        /** Fills the window with panel {@code n} (1 unrolled, 2 cell, 3 vectors, 4 equations, 5 heatmaps), or restores. */
        void maximise(int n);
    }

    /** The keys an open list or a focused table moves with; the window leaves them to it. */
    private static final java.util.Set<KeyCode> NAVIGATION = java.util.EnumSet.of(KeyCode.UP, KeyCode.DOWN,
            KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.SPACE);

    private final AppModel app;
    private final Actions actions;

    KeyBindings(AppModel app, Actions actions) {
        this.app = app;
        this.actions = actions;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        Node focus = e.getTarget() instanceof Node n ? n : null;
        boolean typing = focus instanceof TextInputControl || insideEditableSpinner(focus);
        if (handleAnywhere(e)) {
            e.consume();
        } else if (!typing && handleOutsideText(e, focus)) {
            e.consume();
        }
    }

    /**
     * True for an editable spinner or anything inside one: the focus owner is the spinner itself
     * (its editor only shows the focus), and digits, letters, arrows and Home/End type into it.
     */
    private static boolean insideEditableSpinner(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Spinner<?> spinner) return spinner.isEditable();
        }
        return false;
    }

    /** Keys that mean the same wherever the focus is. */
    private boolean handleAnywhere(KeyEvent e) {
        ViewOptions view = app.view();
        if (e.getCode() == KeyCode.F5) {
            actions.togglePresenter();
        } else if (e.getCode() == KeyCode.ESCAPE && view.presenterProperty().get()) {
            actions.leavePresenter();
        } else if (e.getCode() == KeyCode.ESCAPE && app.selectedUnitProperty().get() >= 0
                && !(e.getTarget() instanceof TextInputControl)) {
            app.selectUnit(-1);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            view.zoomBy(1);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            view.zoomBy(-1);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
            view.setZoom(1.0);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
            actions.openFile();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.L) {
            actions.focusInput();
        } else {
            return false;
        }
        return true;
    }

    /** Keys that type text in a text field, so they act only when no text field has the focus. */
    private boolean handleOutsideText(KeyEvent e, Node focus) {
        if (e.isShortcutDown() || e.isAltDown()) return false;
        // Navigation keys belong to a list only while it is open (or always, for lists and tables in
        // dialogs): a closed model picker that kept the focus after a click must not swap the model
        // when the lecturer presses Down for the next sub-step.
        boolean list = (focus instanceof ComboBoxBase<?> combo && combo.isShowing())
                || (focus instanceof ChoiceBox<?> choice && choice.isShowing())
                || focus instanceof ListView || focus instanceof TableView;
        if (list && NAVIGATION.contains(e.getCode())) return false;
        switch (e.getCode()) {
            case RIGHT -> app.stepBy(1);
            case LEFT -> app.stepBy(-1);
            case HOME -> app.goToStart();
            case END -> app.goToEnd();
            case SPACE -> {
                if (focus instanceof ButtonBase) return false;     // Space presses the focused button
                app.playingProperty().set(!app.playingProperty().get());
            }
            case PAGE_DOWN -> app.nextSubStep(actions.subStepCount());
            case PAGE_UP -> app.previousSubStep(actions.subStepCount());
            case DOWN -> app.nextSubStep(actions.subStepCount());
            case UP -> app.previousSubStep(actions.subStepCount());
            case ADD, PLUS -> app.view().speedBy(1);
            case SUBTRACT, MINUS -> app.view().speedBy(-1);
            case EQUALS -> {
                if (!e.isShiftDown()) return false;               // Shift+= is '+' on most layouts
                app.view().speedBy(1);
            }
            case P -> actions.togglePresenter();
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5 -> actions.maximise(e.getCode().ordinal() - KeyCode.DIGIT0.ordinal());
            case DIGIT0 -> actions.maximise(0);
            case N -> cycleNotation();
            case OPEN_BRACKET -> stepUnit(-1);
            case CLOSE_BRACKET -> stepUnit(1);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Selects the previous or next hidden unit, so a unit can be picked without a mouse. */
    private void stepUnit(int delta) {
        var cursor = app.cursorProperty().get();
        if (cursor == null) return;
        int h = cursor.hiddenSize(), u = app.selectedUnitProperty().get();
        app.selectUnit(u < 0 ? (delta > 0 ? 0 : h - 1) : Math.floorMod(u + delta, h));
    }

    private void cycleNotation() {
        var n = app.view().notationProperty();
        var all = n.get().getDeclaringClass().getEnumConstants();
        n.set(all[(n.get().ordinal() + 1) % all.length]);
    }
}
