package io.gatescope.ui;

import io.gatescope.ui.cell.CellPanel;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.equations.EquationsPanel;
import io.gatescope.ui.gradients.GradientsView;
import io.gatescope.ui.heatmap.HeatmapPanel;
import io.gatescope.ui.strips.StripPanel;
import io.gatescope.ui.training.TrainingPanel;
import io.gatescope.ui.unrolled.UnrolledPanel;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;

/**
 * What the window's add-ons (the lecture tools, the exports) use of the main window: its model, its
 * menus and keys, the views in its centre and its panels. {@link MainWindow} implements it and installs
 * them; they know only this, so the dependencies point one way (the window on its add-ons, both on
 * this) and an add-on can be built on a window that is not the whole application.
 */
public interface WindowHooks {
    AppModel app();

    /** The menu bar; an add-on adds its menu here. */
    WindowMenus menus();

    /** The keyboard table; an add-on adds its keys here. */
    KeyBindings keys();

    /** The scene the window is in (for dialogs' owner), null while in none. */
    Scene getScene();

    /** A filter on the events reaching the window (e.g. to know which chart is under the mouse). */
    <T extends Event> void addEventFilter(EventType<T> type, EventHandler<? super T> filter);

    // ---- the views in the centre

    /** Registers a view that can fill the centre instead of the panels, with its View menu item. */
    RadioMenuItem addView(String title, Node view);

    /** Shows {@code view} in the centre. */
    void showView(Node view);

    /** Gives the centre back to the panels. */
    void showPanels();

    /** What the centre shows: {@link #panelsView()} or a view shown with {@link #showView}. */
    ReadOnlyObjectProperty<Node> viewProperty();

    /** The panel layout as a view, the centre's default. */
    Node panelsView();

    /** The centre views by their stable ids ({@code panels}, {@code gradients}, ...). */
    Map<String, Node> viewsById();

    GradientsView gradients();

    TrainingPanel training();

    // ---- the panels

    /** The panels in the order the digit keys name them (1 unrolled, 2 cell, 3 vectors, 4 equations, 5 heatmaps). */
    List<PanelFrame> frames();

    /** The split panes of the layout on screen. */
    List<SplitPane> splits();

    /** The panel filling the window, or null when the panels share it. */
    PanelFrame maximised();

    UnrolledPanel unrolled();

    CellPanel cell();

    StripPanel strips();

    EquationsPanel equations();

    HeatmapPanel heatmaps();
}
