package io.gatescope.ui.lecture;

import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.MainWindow;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The lecture tools in the main window: the what-if clamp bar (below the input row), its menu item in
 * the Lecture menu and its key. One call from the window wires them; each tool is its own package.
 */
public final class LectureTools {
    public static final String CLAMP_MENU_ITEM = "What-if: hold a gate";

    private final ClampPanel clamp;

    private LectureTools(MainWindow window) {
        clamp = new ClampPanel(window.app());
        clamp.setVisible(false);
        clamp.managedProperty().bind(clamp.visibleProperty());
        if (window.getTop() instanceof VBox top) top.getChildren().add(clamp);

        Menu lecture = window.menus().menu("Lecture");
        CheckMenuItem show = new CheckMenuItem(CLAMP_MENU_ITEM);
        show.selectedProperty().bindBidirectional(clamp.visibleProperty());
        KeyBindings.Binding hold = window.keys().add(KeyBindings.Section.VIEW,
                "What-if: hold the chosen gate, or let it run free again", this::toggleHold, KeyBindings.key(KeyCode.C));
        lecture.getItems().addAll(show, WindowMenus.item("Hold the gate on or off   (" + hold.keyText() + ")", hold));
    }

    /** Adds the lecture tools to {@code window}. */
    public static LectureTools install(MainWindow window) {
        return new LectureTools(window);
    }

    public ClampPanel clamp() { return clamp; }

    /** C: shows the clamp bar if hidden and toggles between the clamped and the free run. */
    private void toggleHold() {
        clamp.setVisible(true);
        clamp.toggle();
    }
}
