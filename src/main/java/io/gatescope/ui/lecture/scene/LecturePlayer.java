package io.gatescope.ui.lecture.scene;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.io.SceneFiles;
import io.gatescope.io.SceneFiles.Lecture;
import io.gatescope.io.SceneFiles.Scene;
import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.WindowHooks;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import io.gatescope.ui.theme.UiTheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * An open lecture: its scenes, the one on screen and its note in a bar under the input row.
 * While a lecture is open, PageDown and PageUp (what a presenter remote sends) move between scenes;
 * ↓ and ↑ still walk the sub-steps. Without a lecture PageDown and PageUp keep their sub-step meaning.
 * Files are read and written on the compute thread; a bad file is one message in the bar and the
 * lecture on screen (or none) stays.
 */
public final class LecturePlayer {
    public static final String NOTE_ID = "sceneNote";
    public static final String POSITION_ID = "scenePosition";
    public static final String MESSAGE_ID = "lectureMessage";

    private final WindowHooks window;
    private final SceneState state;
    private final LatestWins files;
    private final HBox bar = new HBox(10);
    private final Label position = new Label();
    private final Label note = new Label();
    private final Label message = new Label();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyIntegerWrapper restored = new ReadOnlyIntegerWrapper(this, "restored", 0);
    private String title = "";
    private List<Scene> scenes = new ArrayList<>();
    private Path folder = Path.of(".");

    public LecturePlayer(WindowHooks window, ClampPanel clamp) {
        this.window = window;
        this.state = new SceneState(window, clamp);
        this.files = new LatestWins(window.app().computeExecutor());
        position.setId(POSITION_ID);
        position.getStyleClass().add(Styles.TEXT_MUTED);
        position.setMinWidth(USE_PREF);
        note.setId(NOTE_ID);
        note.getStyleClass().addAll("scene-note", Styles.TITLE_4);
        note.setWrapText(true);
        NoteScroll noteBox = new NoteScroll(note, window.app().view().presenterProperty());
        HBox.setHgrow(noteBox, Priority.ALWAYS);
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Button previous = new Button("◀");
        previous.setOnAction(e -> go(index.get() - 1));
        Button next = new Button("▶");
        next.setOnAction(e -> go(index.get() + 1));
        previous.setFocusTraversable(false);
        next.setFocusTraversable(false);
        bar.getStyleClass().add("scene-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().addAll(previous, position, noteBox, message, next);
        bar.visibleProperty().bind(index.greaterThanOrEqualTo(0).or(message.textProperty().isNotEmpty()));
        bar.managedProperty().bind(bar.visibleProperty());

        window.app().view().presenterProperty().addListener((o, a, on) -> {
            if (index.get() >= 0) showNote();
        });
        KeyBindings keys = window.keys();
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.PAGE_DOWN)),
                "Next scene of the open lecture", false, this::isOpen, () -> go(index.get() + 1)));
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.PAGE_UP)),
                "Previous scene of the open lecture", false, this::isOpen, () -> go(index.get() - 1)));
    }

    private static final double USE_PREF = javafx.scene.layout.Region.USE_PREF_SIZE;

    /** The bar with the scene's note, for the window to place. */
    public HBox bar() { return bar; }

    public boolean isOpen() { return !scenes.isEmpty(); }

    /** The scene on screen (from 0), or −1 without a lecture. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    /** Counts scenes fully restored (the cursor in place after the trace arrived); tests wait on it. */
    public ReadOnlyIntegerProperty restoredProperty() { return restored.getReadOnlyProperty(); }

    public List<Scene> scenes() { return List.copyOf(scenes); }

    /** Reads the lecture off the FX thread and shows its first scene. */
    public void open(Path file) {
        Set<String> themes = Arrays.stream(UiTheme.values()).map(Enum::name).collect(Collectors.toSet());
        files.submit(() -> {
            try {
                return SceneFiles.read(file, themes);
            } catch (io.gatescope.io.FileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, lecture -> {
            message.setText("");
            title = lecture.title();
            scenes = new ArrayList<>(lecture.scenes());
            Path parent = file.toAbsolutePath().getParent();
            folder = parent == null ? Path.of(".") : parent;
            go(0);
        }, e -> message.setText(rootMessage(e)));
    }

    /** Writes the lecture off the FX thread; {@code after} gets null on success, else the message. */
    public void save(Path file, Consumer<String> after) {
        Lecture lecture = new Lecture(title, scenes);
        files.submit(() -> {
            try {
                SceneFiles.write(file, lecture);
                return "";
            } catch (io.gatescope.io.FileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, ok -> {
            message.setText("");
            after.accept(null);
        }, e -> {
            message.setText(rootMessage(e));
            after.accept(rootMessage(e));
        });
    }

    /** The view on screen as a scene would save it (without a note). */
    public Scene capture() { return state.capture("", null); }

    /** Adds the view on screen as a scene after the current one, with {@code text} as its note. */
    public void addScene(String text) {
        int at = index.get() + 1;
        scenes.add(at, state.capture(text, null));
        index.set(at);
        showNote();
    }

    /** Replaces the current scene with the view on screen, keeping its note and unknown fields. */
    public void updateScene() {
        if (!isOpen()) return;
        Scene old = scenes.get(index.get());
        scenes.set(index.get(), state.capture(old.note(), old.extra()));
    }

    /** Closes the lecture; the view stays as it is. */
    public void close() {
        scenes = new ArrayList<>();
        index.set(-1);
        message.setText("");
    }

    /** Shows scene {@code i} (clamped to the lecture). */
    public void go(int i) {
        if (!isOpen()) return;
        int target = Math.max(0, Math.min(scenes.size() - 1, i));
        index.set(target);
        showNote();
        Scene s = scenes.get(target);
        message.setText(state.restore(s, folder, () -> restored.set(restored.get() + 1)).orElse(""));
    }

    private void showNote() {
        int i = index.get();
        // In presenter mode the note gets the line: the position shrinks to "3/8", the title to its tooltip.
        String full = (title.isEmpty() ? "" : title + " · ") + "scene " + (i + 1) + " of " + scenes.size();
        position.setText(window.app().view().presenterProperty().get() ? (i + 1) + "/" + scenes.size() : full);
        position.setTooltip(new javafx.scene.control.Tooltip(full));
        note.setText(i < 0 ? "" : scenes.get(i).note());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof io.gatescope.io.FileException)) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
