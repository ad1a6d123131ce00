package io.gatescope.ui;

import io.gatescope.ui.KeyBindings.Binding;
import io.gatescope.ui.KeyBindings.Section;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.WindowMenus;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Fills the main window's menu bar with its own commands and adds the keys that belong to the
 * window's layout (the panel digits, F1) to the keyboard table. Menu items that have a key are made
 * from the table's row, so the menu and the shortcut sheet show the same key.
 */
final class MainMenus {
    /** The panels as the digit keys and the View menu name them, in the window's order. */
    private static final String[] PANEL_NAMES = {"Unrolled view", "Cell diagram", "Vectors", "Equations", "Heatmaps"};

    private MainMenus() {
    }

    static void build(MainWindow window, PanelFrame[] frames) {
        KeyBindings keys = window.keys();
        WindowMenus menus = window.menus();

        Binding quit = keys.add(new Binding(Section.FILE, List.of(KeyBindings.ctrl(KeyCode.Q)), "Quit", true, () -> true,
                () -> quit(window)));
        menus.file().getItems().addAll(WindowMenus.item("Open…", find(keys, "Open a model file")),
                new SeparatorMenuItem(), WindowMenus.item(quit));

        window.addView("Panels", window.panelsView());
        Menu fill = new Menu("Fill the window with");
        for (int i = 0; i < frames.length; i++) {
            PanelFrame f = frames[i];
            Binding b = keys.add(Section.PANELS, "Fill the window with the " + PANEL_NAMES[i].toLowerCase()
                    + " (again: give the space back)", () -> window.toggleMaximised(f),
                    KeyBindings.key(KeyCode.values()[KeyCode.DIGIT1.ordinal() + i]));
            fill.getItems().add(WindowMenus.item(PANEL_NAMES[i] + "   (" + b.keyText() + ")", b));
        }
        Binding restore = keys.add(Section.PANELS, "Give a filled panel its space back", window::restoreIfMaximised,
                KeyBindings.key(KeyCode.DIGIT0));
        fill.getItems().addAll(new SeparatorMenuItem(), WindowMenus.item("All panels   (" + restore.keyText() + ")", restore));
        var viewItems = menus.view().getItems();
        int firstSeparator = viewItems.indexOf(viewItems.stream().filter(m -> m instanceof SeparatorMenuItem).findFirst().orElseThrow());
        viewItems.add(firstSeparator + 1, fill);
        viewItems.addAll(new SeparatorMenuItem(), WindowMenus.item(find(keys, "Larger text")),
                WindowMenus.item(find(keys, "Smaller text")), WindowMenus.item(find(keys, "Actual text size")));

        Binding sheet = keys.add(new Binding(Section.HELP, List.of(KeyBindings.key(KeyCode.F1)), "Keyboard shortcuts", true,
                () -> true, window::showShortcuts));
        keys.add(Section.HELP, "Keyboard shortcuts", window::showShortcuts, new KeyBindings.Typed("?"));   // not while typing
        MenuItem guide = new MenuItem("User guide");
        guide.setOnAction(e -> window.showGuide());
        menus.help().getItems().addAll(WindowMenus.item(sheet), guide);
    }

    private static Binding find(KeyBindings keys, String action) {
        return keys.bindings().stream().filter(b -> b.action().equals(action)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key binding named " + action));
    }

    /** Closes the window as its close box would, so the application saves its settings on the way out. */
    private static void quit(MainWindow window) {
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage stage && window.confirmClose()) {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        }
    }
}
