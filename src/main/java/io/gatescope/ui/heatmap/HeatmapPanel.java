package io.gatescope.ui.heatmap;

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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Units × time for every gate and state, side by side: the overview of the whole run. The current
 * step's column is outlined and the selected unit's row marked (the chart draws both from the
 * style). Hover a cell for its value and equation at that step; click it to go to that step and
 * select that unit.
 */
public final class HeatmapPanel extends HBox {
    public static final String STYLE_CLASS = "heatmap-panel";

    private final AppModel app;
    private final List<ChartCanvas> canvases = new ArrayList<>();
    private List<Quantity> shown = List.of();
    private Heatmap[] cache = new Heatmap[0];
    private ModelTrace cachedTrace;
    private ChartStyle cachedStyle;
    private int cachedLayer = -1;

    public HeatmapPanel(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setMinSize(0, 0);
        app.cursorProperty().addListener((o, a, c) -> refresh());
        app.chartStyleBinding().addListener((o, a, s) -> refresh());
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
                return Quantities.describeUnit(app.view().notationProperty().get(), at, q, cell.unit());
            }).orElse(null));
            canvas.setOnChartClick((chart, p) -> ((Heatmap) chart).hitTest(p.getX(), p.getY()).ifPresent(cell -> {
                app.goTo(cell.step());
                app.selectUnit(cell.unit());
            }));
            canvas.setMinSize(0, 0);
            HBox.setHgrow(canvas, Priority.ALWAYS);
            canvases.add(canvas);
        }
        getChildren().setAll(canvases);
    }

    /**
     * The heatmap of quantity {@code index}, rebuilt only when trace, layer or style changed:
     * scrubbing a long trace changes the style (current step) but every canvas redraws at most once
     * per pulse.
     */
    private Heatmap heatmap(int index) {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return null;
        ChartStyle style = app.chartStyleBinding().get();
        if (c.trace() != cachedTrace || c.layer() != cachedLayer || !style.equals(cachedStyle)) {
            cache = new Heatmap[shown.size()];
            cachedTrace = c.trace();
            cachedLayer = c.layer();
            cachedStyle = style;
        }
        if (cache[index] == null) cache[index] = Heatmap.of(c.trace(), c.layer(), shown.get(index), style);
        return cache[index];
    }
}
