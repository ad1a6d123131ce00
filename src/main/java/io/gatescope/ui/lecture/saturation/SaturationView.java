package io.gatescope.ui.lecture.saturation;

import atlantafx.base.theme.Styles;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.Notation;
import io.gatescope.chart.SaturationChart;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.GateClamps;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.GateSaturation;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.SequenceInput;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The gate-saturation view: how often each unit's gates are shut or open over the current input or
 * 1,000 random sums, one scatter per gate (chart/SaturationChart). With a what-if clamp held the counts
 * are of the clamped run, and the status and the chart's title say so. The counting runs on the compute
 * thread (latest wins, cancellable); clicking a dot selects that unit everywhere.
 */
public final class SaturationView extends BorderPane {
    public static final String CANVAS_ID = "saturationChart";
    public static final String SOURCE_ID = "saturationSource";
    public static final String STACK_ID = "saturationStack";
    public static final String STATUS_ID = "saturationStatus";
    public static final String CURRENT = "the current input";
    public static final String RANDOM = "1,000 random sums";
    private static final int RANDOM_COUNT = 1000;
    private static final long RANDOM_SEED = 2015;

    private final AppModel app;
    private final LatestWins lane;
    private final ChoiceBox<String> source = new ChoiceBox<>();
    private final ChoiceBox<String> stack = new ChoiceBox<>();
    private final Label status = new Label();
    private final ChartCanvas canvas;
    private GateSaturation.Result result;
    /** Tells the running count to stop: set by a newer request and by Cancel. */
    private java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean shown;
    /** Whether something the counts depend on changed while the view was hidden. */
    private boolean stale;
    /** " · the what-if run: decoder.f=0 held" when the counts are of a clamped run, else empty. */
    private String heldText = "";
    /** What the counts on screen ran over, as the chart's title says it: "1,000 random sums", "the input 06+76 (67+60 reversed)". */
    private String overText = "";

    public SaturationView(AppModel app) {
        this.app = app;
        this.lane = new LatestWins(app.computeExecutor());
        source.setId(SOURCE_ID);
        source.getItems().setAll(CURRENT, RANDOM);
        source.setValue(RANDOM);
        stack.setId(STACK_ID);
        stack.getItems().setAll("encoder", "decoder");
        stack.setValue("decoder");
        status.setId(STATUS_ID);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(lane.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(lane.busyProperty());
        cancel.setOnAction(e -> {
            stop.set(true);
            lane.cancel();
            status.setText("cancelled");
        });
        HBox controls = new HBox(8, new Label("Gate saturation over"), source, new Label("in the"), stack, busy, cancel, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(8));
        setTop(controls);
        canvas = new ChartCanvas(this::chart);
        canvas.setId(CANVAS_ID);
        canvas.setShrinkToFit(true);
        canvas.setOnChartClick((chart, p) -> {
            int u = ((SaturationChart) chart).unitAt(p.getX(), p.getY());
            if (u >= 0) app.toggleUnit(u);
        });
        setCenter(canvas);

        source.valueProperty().addListener((o, a, v) -> recompute());
        stack.valueProperty().addListener((o, a, v) -> canvas.invalidate());
        app.modelProperty().addListener((o, a, m) -> recompute());
        app.clampsProperty().addListener((o, a, c) -> recompute());     // the what-if run is counted as it ran
        app.traceProperty().addListener((o, a, t) -> {
            if (CURRENT.equals(source.getValue())) recompute();
        });
        app.chartStyleBinding().addListener((o, a, s) -> canvas.invalidate());
        // Counting starts when the view is first shown, not at every start of the window, and what changed
        // while it was hidden is counted when it shows again (a hidden view stays in the scene: MainWindow).
        javafx.beans.InvalidationListener showing = o -> {
            boolean was = shown;
            shown = getScene() != null && isVisible();
            if (shown && !was && (result == null || stale)) recompute();
        };
        sceneProperty().addListener(showing);
        visibleProperty().addListener(showing);
    }

    /** The counts behind the chart on screen, or null before the first arrives. */
    public GateSaturation.Result result() { return result; }

    private void recompute() {
        stale = !shown;
        if (!shown) return;
        LoadedModel m = app.modelProperty().get();
        if (m == null) return;
        boolean random = RANDOM.equals(source.getValue());
        AdditionTask.Example example = app.tracedExampleProperty().get();
        SequenceInput sequence = app.sequenceProperty().get();
        boolean encoderDecoder = m instanceof LoadedModel.Addition;
        stack.setDisable(!encoderDecoder);
        source.setDisable(!encoderDecoder);
        if (m.kind().isPlainRnn()) {
            result = null;
            status.setText("a plain RNN has no gates");
            canvas.invalidate();
            return;
        }
        GateClamps clamps = app.clampsProperty().get();
        String over = !(m instanceof LoadedModel.Addition a) ? "one input"
                : random || example == null ? String.format(Locale.ROOT, "%,d random sums", RANDOM_COUNT) + (a.reversed() ? ", each read reversed" : "")
                : "the input " + example.asRead(a.reversed());
        String run = clamps.isEmpty() ? "" : " · the what-if run: " + held(clamps, m.kind());
        status.setText("counting…");
        stop.set(true);
        java.util.concurrent.atomic.AtomicBoolean halt = stop = new java.util.concurrent.atomic.AtomicBoolean();
        lane.submit(() -> {
            if (m instanceof LoadedModel.Addition a) {
                List<String> inputs = random || example == null ? GateSaturation.randomSums(RANDOM_COUNT, RANDOM_SEED, a.reversed())
                        : List.of(example.input(a.reversed()));
                return GateSaturation.of(a.model(), inputs, clamps, halt::get, p -> { });
            }
            return GateSaturation.of(((LoadedModel.Stack) m).stack(), sequence.rows(), clamps);
        }, r -> {
            if (r == null) return;
            result = r;
            heldText = run;
            overText = over;
            status.setText(String.format(Locale.ROOT, "%s, %,d steps per gate", over, r.gates().get(0).steps()) + run);
            canvas.invalidate();
        }, e -> status.setText("could not count: " + e.getMessage()));
    }

    private SaturationChart chart() {
        if (result == null) return null;
        ChartStyle style = app.chartStyleBinding().get();
        Notation n = style.notation();
        CellKind kind = result.kind();
        String which = result.gates().get(0).stack().isEmpty() ? "" : stack.getValue();
        int layer = Math.min(app.layerProperty().get(), layers(which) - 1);
        List<SaturationChart.Panel> panels = result.gates().stream()
                .filter(g -> g.stack().equals(which) && g.layer() == layer)
                .map(g -> new SaturationChart.Panel(Notation.plain(n.symbol(kind, g.block().index())) + " — "
                        + n.longName(kind, g.block().index()), g.left(), g.right()))
                .toList();
        return new SaturationChart(kind.title() + (which.isEmpty() ? "" : " " + which) + (layers(which) > 1 ? " layer " + layer : "")
                + ": how often each unit's gates are shut or open, over " + overText + heldText, panels, style);
    }

    /** The clamps in the command line's spec form: "decoder.f=0 held". */
    private static String held(GateClamps clamps, CellKind kind) {
        return String.join(", ", clamps.clamps().stream().map(c -> ClampSpec.of(c, kind).format()).toList()) + " held";
    }

    private int layers(String which) {
        return (int) result.gates().stream().filter(g -> g.stack().equals(which)).mapToInt(GateSaturation.Gate::layer).distinct().count();
    }
}
