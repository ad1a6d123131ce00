package io.gatescope.ui.controls;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.ViewOptions;
import io.gatescope.ui.theme.UiTheme;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The window's menu bar: File, View, Help, and any menu another part adds (always before Help).
 *
 * <p>To add a command: {@code window.menus().file().getItems().add(item)}, or
 * {@link #item(KeyBindings.Binding)} for a command that also has a key, so the key is declared once
 * in the {@link KeyBindings} table and the menu shows it. Views for the centre of the window are
 * added by {@code MainWindow.addView}, which puts them in the View menu's first group.
 */
public final class WindowMenus {
    public static final String BAR_ID = "menuBar";

    private final MenuBar bar = new MenuBar();
    private final Menu file = new Menu("_File");
    private final Menu view = new Menu("_View");
    private final Menu help = new Menu("_Help");
    private final ToggleGroup views = new ToggleGroup();
    /** Where the next registered view goes in the View menu: after the views already there. */
    private int viewCount;

    public WindowMenus(ViewOptions options) {
        bar.setId(BAR_ID);
        bar.getMenus().addAll(file, view, help);
        view.getItems().addAll(new SeparatorMenuItem(),
                presenterItem(options),
                radioMenu("Notation", Notation.values(), Notation::title, options.notationProperty()),
                radioMenu("Palette", Palette.values(), ViewBar::paletteTitle, options.paletteProperty()),
                themeMenu(options));
    }

    public MenuBar bar() { return bar; }

    public Menu file() { return file; }

    public Menu view() { return view; }

    public Menu help() { return help; }

    /** The top-level menu with this title (without mnemonic marks), created before Help if there is none. */
    public Menu menu(String title) {
        for (Menu m : bar.getMenus()) {
            if (m.getText().replace("_", "").equals(title)) return m;
        }
        Menu m = new Menu(title);
        bar.getMenus().add(bar.getMenus().indexOf(help), m);
        return m;
    }

    /**
     * A menu item that runs a key binding's action. Its accelerator is shown when the binding also
     * works while typing (Ctrl+…, F-keys); a plain letter is left out, or it would fire in text fields.
     */
    public static MenuItem item(KeyBindings.Binding binding) {
        return item(binding.action(), binding);
    }

    /** The same with a shorter title than the sheet's description. */
    public static MenuItem item(String title, KeyBindings.Binding binding) {
        MenuItem item = new MenuItem(title);
        item.setOnAction(e -> binding.run().run());
        if (binding.whileTyping()) item.setAccelerator(binding.accelerator());
        return item;
    }

    /**
     * Adds a centre view's item to the View menu's first group (radio: one view shows at a time).
     * {@code MainWindow.addView} calls it; the item's action shows the view.
     */
    public RadioMenuItem addViewItem(String title, Runnable show) {
        RadioMenuItem item = new RadioMenuItem(title);
        item.setToggleGroup(views);
        item.setOnAction(e -> show.run());
        view.getItems().add(viewCount++, item);
        if (views.getSelectedToggle() == null) item.setSelected(true);
        return item;
    }

    private static CheckMenuItem presenterItem(ViewOptions options) {
        CheckMenuItem item = new CheckMenuItem("Presenter mode");
        item.selectedProperty().bindBidirectional(options.presenterProperty());
        return item;
    }

    private static Menu themeMenu(ViewOptions options) {
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (UiTheme t : UiTheme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.title());
            item.setToggleGroup(themes);
            item.setSelected(options.themeProperty().get() == t);
            item.setOnAction(e -> options.setTheme(t));
            options.themeProperty().addListener((o, a, now) -> item.setSelected(now == t));
            theme.getItems().add(item);
        }
        return theme;
    }

    private static <T> Menu radioMenu(String title, T[] values, Function<T, String> name, ObjectProperty<T> property) {
        Menu menu = new Menu(title);
        ToggleGroup group = new ToggleGroup();
        for (T v : values) {
            RadioMenuItem item = new RadioMenuItem(name.apply(v));
            item.setToggleGroup(group);
            item.setSelected(property.get() == v);
            item.setOnAction(e -> property.set(v));
            property.addListener((o, a, now) -> item.setSelected(now == v));
            menu.getItems().add(item);
        }
        return menu;
    }
}
