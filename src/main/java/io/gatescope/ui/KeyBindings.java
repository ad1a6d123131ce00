package io.gatescope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard as one table: each row says which keys, what they do and where they work.
 * The key handler and the shortcut sheet (F1) both read this table, so a key is declared once and
 * the sheet can never disagree with what the keys do. Other parts of the window add their rows with
 * {@link #add}.
 *
 * <p>Time keys (Space, arrows, Home/End) drive time whatever has the focus, a button included,
 * except where they edit text: in a text field and an editable spinner. An open list and a focused
 * list or table (in a dialog) keep their navigation keys.
 */
public final class KeyBindings {
    /** Headings of the shortcut sheet, in order. */
    public enum Section {
        TIME("Time"), UNITS("Units"), PANELS("Panels and views"), VIEW("View"), LECTURE("Lecture"), FILE("File and input"), HELP("Help");

        private final String title;

        Section(String title) { this.title = title; }

        public String title() { return title; }
    }

    /** A key that triggers a binding: a key combination pressed, or a character typed ({@code ?}). */
    public sealed interface Trigger {
        boolean matches(KeyEvent e);

        /** How the sheet writes it: "→", "Ctrl+O", "?". */
        String text();
    }

    /** A key pressed, with exactly the given modifiers. */
    public record Press(KeyCodeCombination combination) implements Trigger {
        @Override public boolean matches(KeyEvent e) {
            return e.getEventType() == KeyEvent.KEY_PRESSED && combination.match(e);
        }

        @Override public String text() {
            KeyCode code = combination.getCode();
            boolean shift = combination.getShift() == KeyCombination.ModifierValue.DOWN;
            String name = shift && code == KeyCode.EQUALS ? "+" : name(code);   // Shift+= is + on most layouts
            return (combination.getShortcut() == KeyCombination.ModifierValue.DOWN ? "Ctrl+" : "")
                    + (shift && code != KeyCode.EQUALS ? "Shift+" : "") + name;
        }
    }

    /** A character typed, whatever keys produce it on the user's layout. */
    public record Typed(String character) implements Trigger {
        @Override public boolean matches(KeyEvent e) {
            return e.getEventType() == KeyEvent.KEY_TYPED && character.equals(e.getCharacter());
        }

        @Override public String text() { return character; }
    }

    /**
     * One row of the table.
     *
     * @param whileTyping whether it acts even when a text field has the focus (function keys, Ctrl+…)
     * @param when        whether the row applies now (Esc leaves presenter mode only in presenter mode)
     */
    public record Binding(Section section, List<Trigger> keys, String action, boolean whileTyping,
                          BooleanSupplier when, Runnable run) {
        public Binding {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) throw new IllegalArgumentException("a binding needs at least one key: " + action);
        }

        /** The keys as the sheet shows them: "↓ or PageDown". */
        public String keyText() {
            Set<String> names = new LinkedHashSet<>();
            for (Trigger t : keys) names.add(t.text());
            return String.join(" or ", names);
        }

        /** The first pressed combination, for a menu item's accelerator. */
        public KeyCombination accelerator() {
            for (Trigger t : keys) if (t instanceof Press p) return p.combination();
            return null;
        }
    }

    /** What the keys act on besides the app model. */
    public interface Actions {
        void togglePresenter();

        void leavePresenter();

        void openFile();

        void focusInput();

        int subStepCount();
    }

    /** The keys an open list or a focused table moves with; the window leaves them to it. */
    private static final Set<KeyCode> NAVIGATION = EnumSet.of(KeyCode.UP, KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT,
            KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.SPACE);

    private final AppModel app;
    private final List<Binding> table = new ArrayList<>();

    public KeyBindings(AppModel app, Actions actions) {
        this.app = app;
        ViewOptions view = app.view();
        add(Section.TIME, "Next step", () -> app.stepBy(1), key(KeyCode.RIGHT));
        add(Section.TIME, "Previous step", () -> app.stepBy(-1), key(KeyCode.LEFT));
        add(Section.TIME, "First step", app::goToStart, key(KeyCode.HOME));
        add(Section.TIME, "Last step", app::goToEnd, key(KeyCode.END));
        add(Section.TIME, "Play or pause", () -> app.playingProperty().set(!app.playingProperty().get()), key(KeyCode.SPACE));
        add(Section.TIME, "Next sub-step: reveal the flow through the cell one stage at a time",
                () -> app.nextSubStep(actions.subStepCount()), key(KeyCode.DOWN), key(KeyCode.PAGE_DOWN));
        add(Section.TIME, "Previous sub-step", () -> app.previousSubStep(actions.subStepCount()),
                key(KeyCode.UP), key(KeyCode.PAGE_UP));
        add(Section.TIME, "Play faster", () -> view.speedBy(1), key(KeyCode.PLUS), key(KeyCode.ADD),
                new Press(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_DOWN)));
        add(Section.TIME, "Play slower", () -> view.speedBy(-1), key(KeyCode.MINUS), key(KeyCode.SUBTRACT));
        add(Section.UNITS, "Select the next hidden unit", () -> stepUnit(1), key(KeyCode.CLOSE_BRACKET));
        add(Section.UNITS, "Select the previous hidden unit", () -> stepUnit(-1), key(KeyCode.OPEN_BRACKET));
        add(new Binding(Section.VIEW, List.of(key(KeyCode.ESCAPE)), "Leave presenter mode", true,
                () -> view.presenterProperty().get(), actions::leavePresenter));
        add(new Binding(Section.UNITS, List.of(key(KeyCode.ESCAPE)), "Clear the unit selection (show means)", false,
                () -> app.selectedUnitProperty().get() >= 0, () -> app.selectUnit(-1)));
        add(new Binding(Section.VIEW, List.of(key(KeyCode.F5)), "Presenter mode on or off", true, () -> true,
                actions::togglePresenter));
        add(Section.VIEW, "Presenter mode on or off", actions::togglePresenter, key(KeyCode.P));
        add(Section.VIEW, "Next notation", this::cycleNotation, key(KeyCode.N));
        add(new Binding(Section.VIEW, List.of(ctrl(KeyCode.EQUALS), ctrl(KeyCode.PLUS), ctrl(KeyCode.ADD)),
                "Larger text", true, () -> true, () -> view.zoomBy(1)));
        add(new Binding(Section.VIEW, List.of(ctrl(KeyCode.MINUS), ctrl(KeyCode.SUBTRACT)),
                "Smaller text", true, () -> true, () -> view.zoomBy(-1)));
        add(new Binding(Section.VIEW, List.of(ctrl(KeyCode.DIGIT0), ctrl(KeyCode.NUMPAD0)),
                "Actual text size", true, () -> true, () -> view.setZoom(1.0)));
        add(new Binding(Section.FILE, List.of(ctrl(KeyCode.O)), "Open a model file", true, () -> true, actions::openFile));
        add(new Binding(Section.FILE, List.of(ctrl(KeyCode.L)), "Go to the input field", true, () -> true,
                actions::focusInput));
    }

    /** Adds a row that acts only outside text fields (plain keys type text there). */
    public Binding add(Section section, String action, Runnable run, Trigger... keys) {
        return add(new Binding(section, List.of(keys), action, false, () -> true, run));
    }

    /** Adds a row; earlier rows win when two match the same key and both apply. */
    public Binding add(Binding binding) {
        table.add(binding);
        return binding;
    }

    /**
     * Adds a row before every other: while it applies it takes its keys over from the rows added
     * earlier (an open lecture's PageDown moves to the next scene instead of the next sub-step).
     */
    public Binding addFirst(Binding binding) {
        table.add(0, binding);
        return binding;
    }

    /** Every row, in the order added (the sheet groups them by section). */
    public List<Binding> bindings() { return Collections.unmodifiableList(table); }

    /** The scene whose keys this table handles (installed once). */
    private Scene installedOn;

    /** A plain key, no modifiers. */
    public static Press key(KeyCode code) { return new Press(new KeyCodeCombination(code)); }

    /** The platform's shortcut modifier (Ctrl; ⌘ on a Mac) and a key. */
    public static Press ctrl(KeyCode code) { return new Press(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN)); }

    public void install(Scene scene) {
        // ControlsFX's field decorations (the training form) re-parent the window under a new root of the
        // same scene the first time they show; a second filter would run every key twice.
        if (scene == installedOn) return;
        installedOn = scene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        Node focus = e.getTarget() instanceof Node n ? n : null;
        boolean typing = focus instanceof TextInputControl || insideEditableSpinner(focus);
        // Navigation keys belong to a list only while it is open (or always, for lists and tables in
        // dialogs): a closed model picker that kept the focus after a click must not swap the model
        // when the lecturer presses Down for the next sub-step.
        boolean list = (focus instanceof ComboBoxBase<?> combo && combo.isShowing())
                || (focus instanceof ChoiceBox<?> choice && choice.isShowing())
                || focus instanceof ListView || focus instanceof TableView;
        if (list && NAVIGATION.contains(e.getCode())) return;
        for (Binding b : table) {
            if ((b.whileTyping() || !typing) && b.keys().stream().anyMatch(k -> k.matches(e)) && b.when().getAsBoolean()) {
                b.run().run();
                e.consume();
                return;
            }
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

    static String name(KeyCode code) {
        return switch (code) {
            case RIGHT -> "→";
            case LEFT -> "←";
            case UP -> "↑";
            case DOWN -> "↓";
            case PAGE_UP -> "PageUp";
            case PAGE_DOWN -> "PageDown";
            case ESCAPE -> "Esc";
            case PLUS, ADD -> "+";
            case MINUS, SUBTRACT -> "−";
            case EQUALS -> "=";
            case OPEN_BRACKET -> "[";
            case CLOSE_BRACKET -> "]";
            case NUMPAD0 -> "0";
            default -> code.getName();
        };
    }
}
