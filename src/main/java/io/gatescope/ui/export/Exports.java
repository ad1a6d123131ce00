package io.gatescope.ui.export;

import io.gatescope.chart.Figures;
import io.gatescope.chart.Heatmap;
import io.gatescope.chart.Quantity;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.KeyBindings.Binding;
import io.gatescope.ui.WindowHooks;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.model.TraceCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;

/**
 * Puts Export… on every view of the window: a right-click on any chart, Ctrl+E for the chart under
 * the mouse (or the cell diagram), and the View and File menus. The window's own panels export as
 * figures (title, step line, legends; every step; GIF); any other canvas (a view another part adds)
 * exports what it shows, with no code of its own.
 */
public final class Exports {
    private final WindowHooks window;
    private final AppModel app;
    private Node hovered;

    private Exports(WindowHooks window) {
        this.window = window;
        this.app = window.app();
    }

    /** Installs the menus, the key and the context menus on {@code window}. */
    public static Exports install(WindowHooks window) {
        Exports exports = new Exports(window);
        Binding key = window.keys().add(new Binding(KeyBindings.Section.FILE, List.of(KeyBindings.ctrl(KeyCode.E)),
                "Export the chart under the mouse (or the cell diagram)…", true, () -> true, exports::exportHovered));
        window.menus().view().getItems().addAll(new SeparatorMenuItem(), WindowMenus.item("Export…", key));
        window.menus().file().getItems().addAll(0, List.of(WindowMenus.item("Export…", key),
                item("Export the trace as CSV…", () -> exports.saveTrace(TraceExport.Kind.CSV)),
                item("Export the trace as JSON…", () -> exports.saveTrace(TraceExport.Kind.JSON)), new SeparatorMenuItem()));
        window.addEventFilter(MouseEvent.MOUSE_MOVED, e -> exportableAt(e.getPickResult().getIntersectedNode()).ifPresent(n -> exports.hovered = n));
        window.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, exports::contextMenu);
        ContextMenu equations = window.equations().getContextMenu();
        equations.getItems().addAll(new SeparatorMenuItem(),
                item("Export the equations…", () -> exports.open(exports.figure(Figures.View.EQUATIONS))));
        return exports;
    }

    /** Opens the export dialog for {@code target}; returns it (tests drive it). */
    public ExportDialog open(ExportTarget target) {
        ExportDialog dialog = new ExportDialog(app, target, window.getScene() == null ? null : window.getScene().getWindow());
        dialog.show();
        return dialog;
    }

    /** Asks where, then writes the trace on screen there on the compute thread; says how it went. */
    private void saveTrace(TraceExport.Kind kind) {
        FileChooser chooser = new FileChooser();
        String ext = kind.name().toLowerCase(java.util.Locale.ROOT);
        chooser.setInitialFileName("gatescope-trace." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.name(), "*." + ext));
        java.io.File file = chooser.showSaveDialog(window.getScene() == null ? null : window.getScene().getWindow());
        if (file != null) saveTrace(kind, file.toPath());
    }

    /** Writes the trace on screen to {@code file} on the compute thread and says how it went in an alert; returns the alert's task. */
    public Optional<Task<String>> saveTrace(TraceExport.Kind kind, Path file) {
        Optional<Task<String>> task = TraceExport.task(app, kind, file);
        if (task.isEmpty()) {
            tell(Alert.AlertType.WARNING, "There is no trace to export yet.");
            return task;
        }
        Task<String> t = task.get();
        t.setOnSucceeded(e -> tell(Alert.AlertType.INFORMATION, t.getValue()));
        t.setOnFailed(e -> tell(Alert.AlertType.ERROR, String.valueOf(t.getException().getMessage())));
        app.computeExecutor().execute(t);
        return task;
    }

    private void tell(Alert.AlertType type, String message) {
        Alert alert = new Alert(type, message);
        alert.setHeaderText(null);
        alert.setTitle("Export the trace");
        if (window.getScene() != null) alert.initOwner(window.getScene().getWindow());
        alert.show();
    }

    /**
     * What Ctrl+E exports: the chart last under the mouse if it is still on screen, else the first
     * chart of the view in the centre (the cell diagram when the panels are shown).
     */
    public ExportTarget hoveredTarget() {
        Node n = onScreen(hovered) ? hovered : null;
        if (n == null && window.viewProperty().get() != window.panelsView()) n = firstExportable(window.viewProperty().get()).orElse(null);
        return targets(n == null ? window.cell().canvas() : n).get(0);
    }

    /** Whether {@code n} is in the window's scene and shown: a view the window hid stays in its scene. */
    private boolean onScreen(Node n) {
        if (n == null || n.getScene() != window.getScene()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private void exportHovered() {
        open(hoveredTarget());
    }

    /**
     * The targets a view offers, the one Ctrl+E takes first: a view with an {@link ExportHook} its
     * figure; a heatmap itself and all heatmaps; any other canvas what it shows.
     */
    public List<ExportTarget> targets(Node node) {
        Optional<ExportHook> hook = ExportHook.of(node);
        if (hook.isPresent()) return List.of(ExportTarget.hooked(app, hook.get()));
        if (!(node instanceof ChartCanvas canvas)) throw new IllegalArgumentException("not a view that exports: " + node);
        List<ExportTarget> out = new ArrayList<>();
        if (canvas == window.cell().canvas()) out.add(figure(Figures.View.CELL));
        else if (canvas == window.unrolled().canvas()) out.add(figure(Figures.View.UNROLLED));
        else if (canvas == window.equations().canvas()) out.add(figure(Figures.View.EQUATIONS));
        else if (isInside(canvas, window.strips())) out.add(figure(Figures.View.VECTORS));
        else if (window.heatmaps().canvases().contains(canvas)) {
            Quantity q = window.heatmaps().quantities().get(window.heatmaps().canvases().indexOf(canvas));
            out.add(heatmap(q));
            out.add(figure(Figures.View.HEATMAP));
        } else {
            out.add(ExportTarget.canvas(titleOf(canvas), canvas));
        }
        return out;
    }

    /** One of the window's panels as a figure. */
    public ExportTarget figure(Figures.View view) {
        String title = switch (view) {
            case CELL -> "the cell diagram";
            case UNROLLED -> "the unrolled view";
            case HEATMAP -> "all heatmaps";
            case VECTORS -> "the vectors";
            case EQUATIONS -> "the equations";
        };
        return ExportTarget.figure(app, view, title);
    }

    private ExportTarget heatmap(Quantity q) {
        TraceCursor c = app.cursorProperty().get();
        String name = c == null ? "heatmap" : io.gatescope.chart.Notation.plain(app.view().notationProperty().get().title(c.kind(), q));
        return ExportTarget.chart(app, "this heatmap (" + name + ")", "heatmap-" + name.split(" ")[0], style -> {
            TraceCursor now = app.cursorProperty().get();
            return Heatmap.of(now.trace(), now.layer(), q, style);
        });
    }

    private void contextMenu(ContextMenuEvent e) {
        Optional<Node> view = exportableAt(e.getPickResult().getIntersectedNode());
        if (view.isEmpty() || view.get() == window.equations().canvas()) return;     // the equations have their own menu
        ContextMenu menu = new ContextMenu();
        for (ExportTarget t : targets(view.get())) menu.getItems().add(item("Export " + t.title() + "…", () -> open(t)));
        menu.show(view.get(), e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The view {@code node} is part of that can be exported (one with an {@link ExportHook}, or a chart canvas), if any. */
    private static Optional<Node> exportableAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (ExportHook.of(n).isPresent() || n instanceof ChartCanvas) return Optional.of(n);
        }
        return Optional.empty();
    }

    /** The first view inside {@code root}, in layout order, that can be exported. */
    private static Optional<Node> firstExportable(Node root) {
        if (root == null) return Optional.empty();
        if (ExportHook.of(root).isPresent() || root instanceof ChartCanvas) return Optional.of(root);
        if (root instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Optional<Node> found = firstExportable(child);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) if (n == ancestor) return true;
        return false;
    }

    /** A foreign canvas's name: what it tells screen readers, or its panel's title. */
    private static String titleOf(ChartCanvas canvas) {
        if (canvas.getAccessibleText() != null && !canvas.getAccessibleText().isBlank()) return canvas.getAccessibleText();
        for (Node n = canvas; n != null; n = n.getParent()) {
            if (n instanceof PanelFrame f && !f.header().getChildren().isEmpty() && f.header().getChildren().get(0) instanceof Label l) {
                return l.getText();
            }
        }
        return "chart";
    }
}
