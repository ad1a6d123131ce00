package io.gatescope.ui.strips;

import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.Figures;
import io.gatescope.chart.Legend;
import io.gatescope.chart.Quantity;
import io.gatescope.chart.UnitStrip;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The current step's vectors: every gate, the candidate, c_t and h_t as strips of coloured units,
 * with one legend per colour scale underneath. Hover a unit for its value and equation; click it to
 * select it in every view.
 */
public final class StripPanel extends ScrollPane {
    public static final String STYLE_CLASS = "strip-panel";

    private final AppModel app;
    private final VBox strips = new VBox();
    private final FlowPane legends = new FlowPane();
    private final List<ChartCanvas> canvases = new ArrayList<>();
    private final List<ChartCanvas> legendCanvases = new ArrayList<>();
    /** The input x_t of the current step, for a model that reads numbers (not for one-hot characters). */
    private final ChartCanvas inputCanvas = new ChartCanvas(this::inputStrip);
    private double inputMaxAbs = 1;
    private List<Quantity> shown = List.of();
    private Map<Quantity, Double> maxAbs = Map.of();
    private ModelTrace measured;
    private int measuredLayer = -1;
    private LegendsKey legendsFor;

    /** What the legends and the strips' heights depend on: a cursor move changes none of it. */
    private record LegendsKey(ModelTrace trace, int layer, ChartStyle look, List<Quantity> shown, boolean input) {
    }

    public StripPanel(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox content = new VBox(strips, legends);
        content.getStyleClass().add("strip-content");
        setContent(content);
        app.cursorProperty().addListener((o, a, c) -> refresh());
        app.chartStyleBinding().addListener((o, a, s) -> refresh());
        inputCanvas.setOnHover((chart, p) -> {
            int k = ((UnitStrip) chart).unitAt(p.getX(), p.getY());
            return k < 0 ? null : describeInput(k);
        });
        inputCanvas.setHoverArea((chart, p) -> {
            int k = ((UnitStrip) chart).unitAt(p.getX(), p.getY());
            return k < 0 ? null : ((UnitStrip) chart).unitBounds(k);
        });
    }

    /** The input strip's canvas; it is on screen only for a model that reads numbers. */
    public ChartCanvas inputCanvas() { return inputCanvas; }

    /**
     * Whether the model reads numbers (imported weights on a sequence) rather than one-hot characters,
     * whose input is already printed under every step of the unrolled view.
     */
    private boolean readsNumbers() {
        return app.modelProperty().get() instanceof io.gatescope.ui.model.LoadedModel.Stack;
    }

    private UnitStrip inputStrip() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null || !readsNumbers() || c.layer() != 0) return null;
        ChartStyle style = app.chartStyleBinding().get();
        return new UnitStrip(inputLabel(c, style), c.step().xCopy(), style.scales().diverging(inputMaxAbs), style);
    }

    private static String inputLabel(TraceCursor c, ChartStyle style) {
        return style.notation().stateSymbol(io.gatescope.chart.Notation.State.INPUT, c.kind());
    }

    /** "x_t, input 2", where, and the exact value: what the step reads, to the last digit. */
    private String describeInput(int k) {
        TraceCursor c = app.cursorProperty().get();
        return inputLabel(c, app.chartStyleBinding().get()) + ", input " + k + "\n" + c.describe(app.chartStyleBinding().get().notation()) + "\nvalue = "
                + io.gatescope.chart.Notation.fullPrecision(c.step().x(k));
    }

    /** The strip canvases in display order (tests hover and click them). */
    public List<ChartCanvas> canvases() { return List.copyOf(canvases); }

    /** The quantities shown, in the same order as {@link #canvases()}. */
    public List<Quantity> quantities() { return shown; }

    private void refresh() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return;
        ChartStyle style = app.chartStyleBinding().get();
        if (measured != c.trace() || measuredLayer != c.layer()) {
            Map<Quantity, Double> m = new LinkedHashMap<>();
            for (Quantity q : Quantities.shown(c.kind(), style.notation())) m.put(q, Quantities.extent(c.trace(), c.layer(), q));
            maxAbs = m;
            measured = c.trace();
            measuredLayer = c.layer();
            inputMaxAbs = 0;
            for (var step : c.trace().encoder().layers().get(0).steps()) {
                inputMaxAbs = Math.max(inputMaxAbs, io.gatescope.chart.ColourScales.maxAbs(step.xCopy()));
            }
            if (!(inputMaxAbs > 0)) inputMaxAbs = 1;
        }
        List<Quantity> wanted = Quantities.shown(c.kind(), style.notation());
        boolean input = inputStrip() != null;
        if (!wanted.equals(shown) || input != strips.getChildren().contains(inputCanvas)) rebuild(wanted, input);
        LegendsKey key = new LegendsKey(c.trace(), c.layer(), style.withoutCursor(), shown, input);
        if (!key.equals(legendsFor)) {
            // New legend canvases cost a CSS pass and a layout: only when the scales or the notation change.
            legendsFor = key;
            rebuildLegends(c, style);
            resize();
        }
        canvases.forEach(ChartCanvas::invalidate);
        inputCanvas.invalidate();
    }

    private void rebuild(List<Quantity> wanted, boolean input) {
        shown = wanted;
        canvases.clear();
        for (Quantity q : wanted) {
            ChartCanvas canvas = new ChartCanvas(() -> strip(q));
            canvas.setOnHover((chart, p) -> {
                int u = ((UnitStrip) chart).unitAt(p.getX(), p.getY());
                TraceCursor c = app.cursorProperty().get();
                if (u >= 0 && c != null && pending(q, c, app.chartStyleBinding().get())) {
                    return app.view().notationProperty().get().title(c.kind(), q) + ", unit " + u + "\nnot yet computed: sub-step "
                            + (q.subStep(c.kind()) + 1) + " computes it";
                }
                return u < 0 || c == null ? null : Quantities.describeUnit(app.view().notationProperty().get(), c, q, u,
                        Quantities.peepholes(app.modelProperty().get(), c));
            });
            canvas.setHoverArea((chart, p) -> {
                int u = ((UnitStrip) chart).unitAt(p.getX(), p.getY());
                return u < 0 ? null : ((UnitStrip) chart).unitBounds(u);
            });
            canvas.setOnChartClick((chart, p) -> {
                int u = ((UnitStrip) chart).unitAt(p.getX(), p.getY());
                if (u >= 0) app.toggleUnit(u);
            });
            canvases.add(canvas);
        }
        strips.getChildren().setAll(canvases);
        if (input) strips.getChildren().add(0, inputCanvas);
    }

    private UnitStrip strip(Quantity q) {
        TraceCursor c = app.cursorProperty().get();
        if (c == null || !q.existsFor(c.kind())) return null;
        ChartStyle style = app.chartStyleBinding().get();
        return UnitStrip.of(c.kind(), c.step(), q, maxAbs.getOrDefault(q, 1.0), style)
                .withHeld(io.gatescope.chart.HeldMark.units(c.layerTrace(), c.localIndex(), q)).withPending(pending(q, c, style));
    }

    /** Whether the cell diagram's walk through the step has not yet reached {@code q} (see {@link Quantity#subStep}). */
    static boolean pending(Quantity q, TraceCursor c, ChartStyle style) {
        return style.subStep() != ChartStyle.WHOLE_STEP && q.subStep(c.kind()) > style.subStep();
    }

    /** The figures' legends (one per colour scale, see {@link Figures#legends}), each on its own canvas. */
    private void rebuildLegends(TraceCursor c, ChartStyle style) {
        legendCanvases.clear();
        for (Legend legend : Figures.legends(c.trace(), c.layer(), c.kind(), shown, style)) {
            ChartCanvas canvas = new ChartCanvas(() -> legend);
            canvas.setPrefSize(legend.preferredSize().width(), legend.preferredSize().height());
            legendCanvases.add(canvas);
        }
        UnitStrip x = inputStrip();
        if (x != null) {
            Legend legend = new Legend(x.label(), style.scales().diverging(inputMaxAbs), Legend.Orientation.HORIZONTAL, style);
            ChartCanvas canvas = new ChartCanvas(() -> legend);
            canvas.setPrefSize(legend.preferredSize().width(), legend.preferredSize().height());
            legendCanvases.add(0, canvas);
        }
        legends.getChildren().setAll(legendCanvases);
    }

    private void resize() {
        UnitStrip x = inputStrip();
        if (x != null) {
            inputCanvas.setPrefHeight(x.preferredSize().height());
            inputCanvas.setMinHeight(x.preferredSize().height());
        }
        for (int i = 0; i < canvases.size(); i++) {
            UnitStrip s = strip(shown.get(i));
            if (s == null) continue;
            // At this height the strip keeps its preferred squares; a narrower panel shrinks them to fit.
            double h = s.preferredSize().height();
            canvases.get(i).setPrefHeight(h);
            canvases.get(i).setMinHeight(h);
        }
    }
}
