package io.gatescope.ui.heatmap;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.Heatmap;
import io.gatescope.chart.Quantity;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import java.util.ArrayList;
import java.util.List;
import io.gatescope.chart.Notation;
import io.gatescope.ui.controls.RichText;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Units × time for every gate and state, side by side: the overview of the whole run. The current
 * step's column is outlined and the selected unit's row marked (the chart draws both from the
 * style). Hover a cell for its value and equation at that step; click it to go to that step and
 * select that unit.
 *
 * <p>The cells do not depend on the cursor, so each canvas keeps them as an image keyed by
 * {@link CellsKey}; scrubbing repaints only the outline and the marker on it.
 */
public final class HeatmapPanel extends HBox {
    public static final String STYLE_CLASS = "heatmap-panel";

    /** Everything a heatmap's cells depend on besides the canvas size: the cached image's key. */
    private record CellsKey(ModelTrace trace, int layer, Quantity quantity, ChartStyle look) {
    }

    private final AppModel app;
    private final List<ChartCanvas> canvases = new ArrayList<>();
    private List<Quantity> shown = List.of();
    private Heatmap[] cache = new Heatmap[0];
    private ModelTrace cachedTrace;
    private ChartStyle cachedLook;
    private int cachedLayer = -1;
    private final HBox chooser = new HBox();
    private final ToggleGroup choice = new ToggleGroup();
    private Quantity focus;
    private String chooserKey = "";

    public HeatmapPanel(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setMinSize(0, 0);
        app.cursorProperty().addListener((o, a, c) -> refresh());
        app.chartStyleBinding().addListener((o, a, s) -> refresh());
        chooser.getStyleClass().add("heatmap-chooser");
        chooser.setAlignment(Pos.CENTER_RIGHT);
    }

    /**
     * The panel in a scroll pane: the heatmaps fill the space they are given, but never drop below
     * one pixel per unit and per step (the chart's minimum size), so a 256-unit model scrolls down
     * and six 200-step heatmaps scroll across instead of clipping.
     */
    public ScrollPane inScrollPane() {
        ScrollPane scroll = new ScrollPane(this);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("heatmap-scroll");
        scroll.setMinHeight(0);        // the panel may fold down to its title bar
        return scroll;
    }

    /** Header controls: show every heatmap, or one of them across the whole width. */
    public HBox chooser() { return chooser; }

    /**
     * The height the heatmaps need to show every unit row and their character row (their minimum),
     * in px, 0 before a trace: the window's layout gives them at least this where the screen allows.
     */
    public double neededHeight() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return 0;
        ChartStyle style = app.chartStyleBinding().get();
        Quantity q = Quantities.shown(c.kind(), style.notation()).get(0);
        return Heatmap.of(c.trace(), c.layer(), q, style).minimumSize().height();
    }

    /** The heatmap canvases in display order. */
    public List<ChartCanvas> canvases() { return List.copyOf(canvases); }

    /** The quantities shown, in the order of {@link #canvases()}. */
    public List<Quantity> quantities() { return shown; }

    private void refresh() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return;
        List<Quantity> wanted = Quantities.shown(c.kind(), app.view().notationProperty().get());
        if (!wanted.equals(shown)) rebuild(wanted);
        for (int i = 0; i < canvases.size(); i++) {
            Chart.Size minimum = data(i).minimumSize();
            canvases.get(i).setMinSize(minimum.width(), minimum.height());
        }
        String key = c.kind() + " " + app.view().notationProperty().get();
        if (!key.equals(chooserKey)) {
            chooserKey = key;
            rebuildChooser(c);
        }
        canvases.forEach(ChartCanvas::invalidate);
    }

    private void rebuild(List<Quantity> wanted) {
        shown = wanted;
        cache = new Heatmap[wanted.size()];
        cachedTrace = null;
        canvases.clear();
        for (int i = 0; i < wanted.size(); i++) {
            int index = i;
            Quantity q = wanted.get(i);
            ChartCanvas canvas = new ChartCanvas(() -> heatmap(index));
            canvas.setOnHover((chart, p) -> ((Heatmap) chart).hitTest(p.getX(), p.getY()).map(cell -> {
                TraceCursor c = app.cursorProperty().get();
                TraceCursor at = new TraceCursor(c.trace(), cell.step(), c.layer());
                return Quantities.describeUnit(app.view().notationProperty().get(), at, q, cell.unit(),
                        Quantities.peepholes(app.modelProperty().get(), at));
            }).orElse(null));
            canvas.setHoverArea((chart, p) -> ((Heatmap) chart).hitTest(p.getX(), p.getY())
                    .map(cell -> ((Heatmap) chart).cellBounds(cell.step(), cell.unit())).orElse(null));
            canvas.setOnChartClick((chart, p) -> ((Heatmap) chart).hitTest(p.getX(), p.getY()).ifPresent(cell -> {
                app.goTo(cell.step());
                app.selectUnit(cell.unit());
            }));
            canvas.setCachedBase(() -> {
                TraceCursor c = app.cursorProperty().get();
                return new CellsKey(c.trace(), c.layer(), q, app.chartStyleBinding().get().withoutCursor());
            });
            HBox.setHgrow(canvas, Priority.ALWAYS);
            canvases.add(canvas);
        }
        showFocus();
    }

    private void rebuildChooser(TraceCursor c) {
        var n = app.view().notationProperty().get();
        List<ToggleButton> buttons = new ArrayList<>();
        ToggleButton all = new ToggleButton("All");
        all.setUserData(null);
        all.setTooltip(new Tooltip("Show every gate and state side by side"));
        buttons.add(all);
        for (Quantity q : shown) {
            ToggleButton b = new ToggleButton(null, RichText.label(n.label(c.kind(), q)));
            b.setAccessibleText(Notation.plain(n.label(c.kind(), q)));
            b.setUserData(q);
            b.setTooltip(new Tooltip("Show only " + Notation.plain(n.title(c.kind(), q)) + " across the whole width"));
            buttons.add(b);
        }
        choice.getToggles().clear();
        for (ToggleButton b : buttons) {
            b.setToggleGroup(choice);
            b.setSelected(java.util.Objects.equals(b.getUserData(), focus));
            b.setOnAction(e -> {
                focus = (Quantity) b.getUserData();
                b.setSelected(true);      // a segmented choice: clicking the chosen one keeps it chosen
                showFocus();
            });
            b.getStyleClass().add("heatmap-choice");
        }
        if (choice.getSelectedToggle() == null) {
            focus = null;
            all.setSelected(true);
        }
        chooser.getChildren().setAll(buttons);
    }

    private void showFocus() {
        int i = focus == null ? -1 : shown.indexOf(focus);
        getChildren().setAll(i < 0 ? canvases : List.of(canvases.get(i)));
    }

    /** The heatmap of quantity {@code index} at the current cursor, or null before the first trace. */
    private Heatmap heatmap(int index) {
        Heatmap data = data(index);
        return data == null ? null : data.withCursorOf(app.chartStyleBinding().get());
    }

    /**
     * The heatmap of quantity {@code index} as last built: its values are read from the trace only
     * when trace, layer or look changed, and a cursor move reuses them (see {@link Heatmap#withCursorOf}).
     */
    private Heatmap data(int index) {
        TraceCursor c = app.cursorProperty().get();
        // A canvas of a quantity the new model lacks (LSTM → RNN) may still be due a redraw in this pulse.
        if (c == null || index >= shown.size()) return null;
        ChartStyle style = app.chartStyleBinding().get();
        if (c.trace() != cachedTrace || c.layer() != cachedLayer || !style.withoutCursor().equals(cachedLook)) {
            cache = new Heatmap[shown.size()];
            cachedTrace = c.trace();
            cachedLayer = c.layer();
            cachedLook = style.withoutCursor();
        }
        if (cache[index] == null) cache[index] = Heatmap.of(c.trace(), c.layer(), shown.get(index), style);
        return cache[index];
    }
}
