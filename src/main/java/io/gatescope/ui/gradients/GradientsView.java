package io.gatescope.ui.gradients;

import atlantafx.base.theme.Styles;
import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.Figures;
import io.gatescope.chart.GradientCharts;
import io.gatescope.chart.GradientText;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientStudy;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.export.ExportHook;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.compute.LatestWins;
import io.gatescope.ui.training.TrainedWeights;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The vanishing and exploding gradient, live: the same loss L = g·h_T back through a plain RNN, an
 * LSTM and a GRU. On top, ‖∂L/∂h_k‖ of the three on a log axis with the readout (how many steps back
 * each stays above the threshold) and each cell's slope; below, one detail at a time: the per-step
 * factor with the step Jacobians' largest singular values, the LSTM's two paths, the per-unit
 * heatmap, or the spectral-radius sweep.
 *
 * <p>Threading: every computation runs on the application's compute thread through
 * {@link LatestWins} lanes, so the newest control value wins and the FX thread never waits. The
 * norms come first (a few milliseconds); the step Jacobians' SVDs, one per step and cell, follow in
 * their own lane and fill in the dashed lines when they arrive. Nothing is computed until the view
 * is first shown. Following a training run, {@link RunFollower} recomputes at most
 * {@link RunFollower#FOLLOWS_PER_SECOND} times a second, the last weights of a burst always.
 */
public final class GradientsView extends BorderPane {
    public static final String READOUT_ID = "gradientReadout";
    public static final String STATUS_ID = "gradientStatus";

    /** The detail charts under the norms; the norms themselves are one too when the view is compact. */
    enum Detail { NORMS("Norms"), FACTOR("Factor per step"), PATHS("LSTM paths"), UNITS("Per unit"), SWEEP("Sweep ρ");
        final String title;

        Detail(String title) { this.title = title; }
    }

    private final AppModel app;
    private final GradientControls controls;
    private final LatestWins studyLane;
    private final LatestWins jacobianLane;
    private final LatestWins sweepLane;
    private final Map<CellKind, LoadedModel.Addition> shipped = new ConcurrentHashMap<>();
    private final RunFollower run;
    private final Label readout = new Label();
    private final VBox slopes = new VBox(2);
    private final Label status = new Label();
    private final ToggleGroup details = new ToggleGroup();
    private final ChoiceBox<String> unitCell = new ChoiceBox<>();
    private final ChartCanvas norms;
    private final ChartCanvas detail;
    private GradientStudy study;
    private final List<Runnable> studyShown = new java.util.ArrayList<>();
    /** Covers the charts while a prediction is asked about them (the quiz). */
    private final Label cover = new Label("Predict first: vote A or B — → reveals the chart.");
    private VBox charts;
    private GradientRequest shown;
    private GradientRequest latest;
    private GradientStudy.Sweep sweep;
    private boolean active;
    /** Kept in a field: a binding nobody holds would be collected and stop listening. */
    private final BooleanBinding compact;

    public GradientsView(AppModel app) {
        this.app = app;
        getStyleClass().add("gradients-view");
        studyLane = new LatestWins(app.computeExecutor());
        jacobianLane = new LatestWins(app.computeExecutor());
        sweepLane = new LatestWins(app.computeExecutor());
        run = new RunFollower(this::followsRun, this::recompute);
        controls = new GradientControls(this::additionExample, run::latest, this::recompute);
        ScrollPane side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefViewportWidth(280);
        side.setMinWidth(200);
        setLeft(side);

        readout.setId(READOUT_ID);
        readout.getStyleClass().add(Styles.TITLE_4);
        readout.setWrapText(true);
        status.setId(STATUS_ID);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        slopes.setId("gradientSlopes");
        norms = new ChartCanvas(() -> normsChart(shownStyle()));
        norms.setId("gradientNorms");
        norms.setShrinkToFit(true);
        detail = new ChartCanvas(() -> detailChart(shownStyle()));
        detail.setId("gradientDetail");
        detail.setShrinkToFit(true);
        for (ChartCanvas c : List.of(norms, detail)) c.setOnHover(this::hover);
        // Export… offers these in any theme, the print theme too: built again in the style chosen.
        ExportHook.set(norms, "the gradient charts", "gradients", s -> study == null ? null
                : Figures.gradients(study, inputLabel(shown), shown.threshold(), withoutCursor(s)));
        ExportHook.set(detail, "this gradient chart", "gradients-detail", s -> detailChart(withoutCursor(s)));
        FlowPane tabs = new FlowPane(6, 4);              // wraps rather than cutting the buttons short at large text
        tabs.setAlignment(Pos.CENTER_LEFT);
        for (Detail d : Detail.values()) {
            ToggleButton b = new ToggleButton(d.title);
            b.setUserData(d);
            b.setId("detail-" + d.name().toLowerCase());
            b.setToggleGroup(details);
            tabs.getChildren().add(b);
        }
        ToggleButton normsButton = (ToggleButton) tabs.getChildren().get(0);
        normsButton.managedProperty().bind(normsButton.visibleProperty());
        details.getToggles().get(1).setSelected(true);
        details.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) a.setSelected(true);        // one detail is always shown
            else if (detail() == Detail.SWEEP) requestSweep();
            detail.invalidate();
        });
        unitCell.getItems().addAll("RNN", "LSTM", "GRU");
        unitCell.setValue("LSTM");
        unitCell.setId("unitCell");
        unitCell.valueProperty().addListener((o, a, v) -> detail.invalidate());
        Label of = new Label("per unit of");
        of.managedProperty().bind(of.visibleProperty());
        tabs.getChildren().addAll(of, unitCell);
        readout.setMinHeight(Region.USE_PREF_SIZE);           // wrap rather than cut the readout short
        VBox centre = new VBox(6, readout, slopes, status, norms, tabs, detail);
        charts = centre;
        centre.setPadding(new Insets(8));
        VBox.setVgrow(norms, Priority.ALWAYS);
        VBox.setVgrow(detail, Priority.ALWAYS);
        norms.setMinHeight(120);
        detail.setMinHeight(120);
        cover.getStyleClass().add(Styles.TITLE_3);
        cover.setWrapText(true);
        cover.setVisible(false);
        setCenter(new javafx.scene.layout.StackPane(centre, cover));

        // With presenter-sized text or a short window one chart at a time, each as large as the space.
        compact = app.view().zoomProperty().greaterThanOrEqualTo(1.5).or(heightProperty().lessThan(420));
        compact.addListener((o, a, on) -> compact(on, normsButton));
        compact(compact.get(), normsButton);
        app.chartStyleBinding().addListener((o, a, s) -> {
            norms.invalidate();
            detail.invalidate();
        });
        app.tracedExampleProperty().addListener((o, a, e) -> {
            if (active && GradientControls.ADDITION.equals(controls.input.getValue())) recompute();
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && !active) {
                active = true;
                recompute();
            }
        });
    }

    private void compact(boolean on, ToggleButton normsButton) {
        for (var n : List.of(norms, slopes, status)) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        normsButton.setVisible(on);
        if (on && detail() == Detail.FACTOR) normsButton.setSelected(true);
        if (!on && detail() == Detail.NORMS) details.getToggles().get(1).setSelected(true);
        detail.invalidate();
    }

    /** Follows a training run's latest weights when "current training run" is chosen (null: no run). */
    public void follow(ReadOnlyObjectProperty<TrainedWeights> weights) {
        run.bind(weights);
    }

    /** Whether the view is on screen following the training run's weights. */
    private boolean followsRun() { return active && controls.followsTraining(); }

    /** The preset the controls hold, or null when they were set by hand ("custom"). */
    public GradientPreset preset() {
        String id = controls.preset.getValue();
        return id == null || id.equals(GradientControls.CUSTOM) ? null : GradientPreset.fromId(id);
    }

    /** Sets the controls to preset {@code p}, as choosing it in the list does (a saved scene coming back). */
    public void choosePreset(GradientPreset p) {
        controls.preset.setValue(p.id());
    }

    /** The controls, for tests and presets. */
    GradientControls controls() { return controls; }

    /** Runs {@code r} on the FX thread each time a study comes on screen (the quiz asks about it). */
    public void onStudyShown(Runnable r) { studyShown.add(r); }

    /** Hides the charts and the readout behind a "predict first" line, or shows them again. */
    public void setConcealed(boolean on) {
        charts.setVisible(!on);
        cover.setVisible(on);
    }

    /**
     * The profile a question is about: the cell the preset names (rnn-… the RNN, lstm-… the LSTM), else
     * the one the per-unit chart shows; null before the first study.
     */
    public GradientProfile askedProfile() {
        if (study == null) return null;
        GradientPreset p = preset();
        if (study.profiles().size() > 1 && p != null && !p.trained()) {
            CellKind kind = p.id().startsWith("rnn") ? CellKind.RNN_TANH : CellKind.LSTM;
            return study.profiles().stream().filter(g -> g.kind() == kind).findFirst().orElse(unitProfile());
        }
        return unitProfile();
    }

    /** The study on screen, or null before the first result. */
    public GradientStudy study() { return study; }

    /** The sweep on screen, or null before one was asked for. */
    public GradientStudy.Sweep sweep() { return sweep; }

    public ChartCanvas normsCanvas() { return norms; }

    /** Whether the latest request's whole result, step Jacobians included, is on screen and nothing is pending. */
    public boolean settled() {
        return study != null && shown == latest && !studyLane.busyProperty().get() && !jacobianLane.busyProperty().get()
                && !sweepLane.busyProperty().get() && study.profiles().get(0).jacobianNorm().length > 0;
    }

    public ChartCanvas detailCanvas() { return detail; }

    private void recompute() {
        var request = controls.request();
        if (request.isEmpty()) return;                         // a field shows its message; the chart stays
        GradientRequest r = request.get();
        String cannot = controls.followsTraining() && r.run() == null
                ? "No training run yet: start one in the training panel (T) and this view follows its weights as it learns."
                : r.run() != null && r.run().config().isDense()
                ? "The training run is the dense baseline: it has no recurrent cell whose gradient to follow." : null;
        if (cannot != null) {
            studyLane.cancel();                                // an older request's result would overwrite the message
            jacobianLane.cancel();
            latest = shown;                                    // the last chart stays, and counts as settled
            status.setText(cannot);
            return;
        }
        latest = r;
        jacobianLane.cancel();                                 // the Jacobians of an older request would overwrite this one
        Function<CellKind, LoadedModel.Addition> encoders = k -> shipped.computeIfAbsent(k, kind -> GradientRequest.shippedModel(app.loader(), kind));
        status.setText("computing…");
        studyLane.submit(() -> r.study(encoders, false), s -> {
            if (r != latest) return;
            show(r, s);
            status.setText("measuring the step Jacobians' largest singular values (one SVD per step and cell)…");
            jacobianLane.submit(() -> r.study(encoders, true), withJacobians -> {
                if (r != latest) return;
                show(r, withJacobians);
                status.setText(describe(r));
            }, this::failed);
        }, this::failed);
        if (detail() == Detail.SWEEP) requestSweep();
    }

    private void show(GradientRequest r, GradientStudy s) {
        shown = r;
        study = s;
        readout.setText("Steps back above " + GradientText.threshold(r.threshold()) + " × the last step's ‖∂L/∂h‖:  "
                + GradientText.readout(s, r.threshold()));
        slopes.getChildren().clear();
        for (GradientProfile p : s.profiles()) {
            Label l = new Label(GradientText.cellTitle(p) + ": slope of log₁₀‖∂L/∂hₖ‖ " + GradientText.slope(p)
                    + (r.clip() > 0 ? " · clipping ×" + GradientText.number(p.clipFactor(r.clip())) : ""));
            l.setId("slope-" + GradientText.cellId(p));
            slopes.getChildren().add(l);
        }
        controls.showWeights(s.profiles().get(0));
        norms.invalidate();
        detail.invalidate();
        studyShown.forEach(Runnable::run);
    }

    /** Hovering a line chart: every line's value at the step (or radius) under the mouse; a heatmap cell: its value. */
    private String hover(Chart chart, javafx.geometry.Point2D p) {
        if (chart instanceof io.gatescope.chart.GradientPlot plot) return plot.describe(p.getX(), p.getY()).orElse(null);
        if (chart instanceof io.gatescope.chart.Heatmap map) {
            return map.hitTest(p.getX(), p.getY()).map(c -> "k = " + c.step() + ", unit " + c.unit() + "\n|∂L/∂h_k| = "
                    + GradientText.number(unitProfile().unitGradH()[c.step()][c.unit()])).orElse(null);
        }
        return null;
    }

    private void requestSweep() {
        var request = controls.request();
        if (request.isEmpty()) return;
        GradientRequest r = request.get();
        if (!r.canSweep()) {
            sweep = null;
            status.setText("The sweep redraws random weights at each spectral radius: choose random weights and a random input.");
            detail.invalidate();
            return;
        }
        sweepLane.submit(r::sweep, s -> {
            sweep = s;
            detail.invalidate();
        }, this::failed);
    }

    private void failed(Throwable e) {
        status.setText("Could not compute the gradients: " + e.getMessage());
    }

    private String describe(GradientRequest r) {
        String weights = r.run() != null ? "the training run's encoder, " + r.run().label()
                : r.trained() ? "the shipped trained encoders" : "random weights, seed " + r.setup().seed();
        return "L = g·h at the last step T, g all ones; " + weights
                + " on " + (r.addition() != null ? "the addition input " + inputLabel(r)
                : "a random input of " + r.setup().steps() + " steps") + ".";
    }

    private Detail detail() {
        return details.getSelectedToggle() == null ? Detail.FACTOR : (Detail) details.getSelectedToggle().getUserData();
    }

    /** What the shown study read, as a figure's subtitle names it: "67+60", "06+76 (67+60 reversed)", or null for a random input. */
    private String inputLabel(GradientRequest r) {
        return r.inputLabel(shipped.values().stream().anyMatch(LoadedModel.Addition::reversed));
    }

    private ChartStyle shownStyle() {
        return withoutCursor(app.chartStyleBinding().get());
    }

    /** No cursor in this view: no step outlined, no unit marked. */
    private static ChartStyle withoutCursor(ChartStyle style) {
        return style.withSelectedUnit(ChartStyle.NO_UNIT).withCurrentStep(Integer.MAX_VALUE - 1);
    }

    private Chart normsChart(ChartStyle style) {
        return study == null ? null : GradientCharts.norms(study, shown.threshold(), shown.clip(), style);
    }

    private Chart detailChart(ChartStyle style) {
        if (study == null) return null;
        return switch (detail()) {
            case NORMS -> normsChart(style);
            case FACTOR -> GradientCharts.factors(study, style);
            case PATHS -> study.profiles().stream().filter(GradientProfile::hasCellState).findFirst()
                    .map(p -> (Chart) GradientCharts.paths(p, style)).orElse(null);
            case UNITS -> GradientCharts.units(unitProfile(), style);
            case SWEEP -> sweep == null ? null : GradientCharts.sweep(sweep, style);
        };
    }

    /** The profile the per-unit heatmap shows: the cell chosen beside the buttons (a training run has only its own). */
    private GradientProfile unitProfile() {
        if (study.profiles().size() == 1) return study.profiles().get(0);
        return study.profiles().get(List.of("RNN", "LSTM", "GRU").indexOf(unitCell.getValue()));
    }

    private AdditionTask.Example additionExample() {
        AdditionTask.Example e = app.tracedExampleProperty().get();
        return e != null ? e : AdditionTask.parse("67+60").example().orElseThrow();
    }
}
