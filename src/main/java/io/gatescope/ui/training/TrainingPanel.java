package io.gatescope.ui.training;

import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.Figure;
import io.gatescope.chart.Figures;
import io.gatescope.chart.TrainingCurves;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.SequenceModel;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.export.ExportHook;
import io.gatescope.ui.model.LoadedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/**
 * The training panel: the settings form, start/pause/resume/stop/reset/one update, progress, live
 * curves, the predictions table with a snapshot slider, the seeds' comparison, save/load/continue.
 * Layout in TrainingPanel.fxml; the state and the threading in {@link TrainingSession}.
 */
public final class TrainingPanel extends BorderPane {
    public static final String STYLE_CLASS = "training-panel";

    @FXML private GridPane form;
    @FXML private Button defaults, load, save, start, pause, resume, stop, reset, oneUpdate, compare;
    @FXML private ProgressBar progress;
    @FXML private Label progressText, message, hover, momentText;
    @FXML private CheckBox logScale;
    @FXML private Slider smoothing, moment;
    @FXML private StackPane curves;
    @FXML private ScrollPane settingsPane;
    @FXML private ToggleButton showSettings;
    @FXML private SplitPane curvesAndTables, tables;
    @FXML private TableView<TrainingSession.Prediction> predictions;
    @FXML private TableView<ComparisonRow> comparisonTable;

    /** The curves' share of the height above the tables, at the desk and in presenter mode (larger text, fewer rows fit). */
    private static final double DESK_CURVES_SHARE = 0.7, PRESENTER_CURVES_SHARE = 0.6;
    /** The predictions' share of the width beside the comparison, whose seven columns need more at presenter size. */
    private static final double DESK_PREDICTIONS_SHARE = 0.45, PRESENTER_PREDICTIONS_SHARE = 0.36;

    private final AppModel app;
    private final Runnable showMainView;
    /** Saving and loading run here: the training thread may be busy for minutes, the compute thread is the traces'. */
    private final Executor files = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gatescope-model-files");
        t.setDaemon(true);
        return t;
    });
    private final TrainingSession session = new TrainingSession();
    private final SettingsForm settings;
    private final ChartCanvas canvas;
    /** Held in a field: the read-only view listens to the session's list weakly and would stop when collected. */
    private final ObservableList<Comparison.Result> comparisonResults = FXCollections.unmodifiableObservableList(session.comparison());
    private SequenceModel continueFrom;
    /** Whether the curves changed while the panel was hidden and were not drawn since. */
    private boolean curvesStale;
    private final java.util.List<java.util.function.Consumer<TrainingConfig>> beforeCompare = new java.util.ArrayList<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<TrainedWeights> latestWeights = new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "latestWeights");

    /**
     * @param showMainView brings the main view back (after a prediction was opened in it)
     */
    public TrainingPanel(AppModel app, Runnable showMainView) {
        this.app = app;
        this.showMainView = showMainView;
        FXMLLoader loader = new FXMLLoader(TrainingPanel.class.getResource("TrainingPanel.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the training panel's layout is missing from the build", e);
        }
        getStylesheets().add(TrainingPanel.class.getResource("training.css").toExternalForm());
        settings = new SettingsForm(form);
        canvas = new ChartCanvas(this::chart);
        curves.getChildren().add(canvas);
        canvas.setOnHover((c, p) -> ((TrainingCurves) c).describe(p.getX(), p.getY()));
        hover.textProperty().bind(canvas.hoverTextProperty());
        // an empty message or hover line takes no room from the curves
        hover.managedProperty().bind(hover.textProperty().isNotEmpty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        // In presenter mode the hall needs the curves and tables more than the form: the form steps
        // aside (the Settings button brings it back) and returns when presenter mode ends.
        showSettings.selectedProperty().addListener((o, was, shown) -> setLeft(shown ? settingsPane : null));
        // The tables get enough height for the comparison's four lines at presenter size.
        app.view().presenterProperty().addListener((o, was, on) -> {
            showSettings.setSelected(!on);
            curvesAndTables.setDividerPositions(on ? PRESENTER_CURVES_SHARE : DESK_CURVES_SHARE);
            tables.setDividerPositions(on ? PRESENTER_PREDICTIONS_SHARE : DESK_PREDICTIONS_SHARE);
        });
        showSettings.setSelected(!app.view().presenterProperty().get());
        if (app.view().presenterProperty().get()) {
            curvesAndTables.setDividerPositions(PRESENTER_CURVES_SHARE);
            tables.setDividerPositions(PRESENTER_PREDICTIONS_SHARE);
        }
        if (!showSettings.isSelected()) setLeft(null);
        Tables.predictions(predictions, this::open);
        Tables.comparison(comparisonTable);
        comparisonTable.setItems(session.comparisonRows());
        ExportHook.set(canvas, "the training curves", "training-curves", this::curvesFigure);
        ExportHook.set(comparisonTable, "the comparison table", "comparison",
                style -> session.comparison().isEmpty() ? null : Figures.comparison(session.comparison(), style));
        wire();
    }

    private void wire() {
        var active = session.activeProperty();
        var state = Bindings.createObjectBinding(() -> session.snapshotProperty().get() == null ? null
                : session.snapshotProperty().get().state(), session.snapshotProperty());
        start.disableProperty().bind(active.or(settings.validProperty().not()));
        compare.disableProperty().bind(start.disableProperty());
        pause.disableProperty().bind(active.not().or(Bindings.equal(state, Trainer.State.PAUSED)));
        resume.disableProperty().bind(active.not().or(Bindings.notEqual(state, Trainer.State.PAUSED)));
        stop.disableProperty().bind(active.not());
        oneUpdate.disableProperty().bind(settings.validProperty().not()
                .or(active.and(Bindings.notEqual(state, Trainer.State.PAUSED))));
        defaults.disableProperty().bind(active);
        load.disableProperty().bind(active);
        start.setOnAction(e -> { session.start(settings.config(), continueFrom, false); continueFrom = null; });
        pause.setOnAction(e -> session.pause());
        resume.setOnAction(e -> session.resume());
        stop.setOnAction(e -> session.stop());
        reset.setOnAction(e -> { session.reset(); progress.setProgress(0); progressText.setText("Not started."); });
        oneUpdate.setOnAction(e -> session.step(settings.config()));
        compare.setOnAction(e -> {
            beforeCompare.forEach(r -> r.accept(settings.config()));
            session.compare(settings.config());
        });
        defaults.setOnAction(e -> settings.set(TrainingConfig.defaults()));
        save.setOnAction(e -> chooseAndSave());
        load.setOnAction(e -> chooseAndLoad());
        message.textProperty().bind(session.messageProperty());
        // While the window shows another view the panel leaves its live parts alone: a changed label in
        // the hidden panel made the renderer repaint the whole window at every look (seen with
        // -Dprism.showdirty=true). It shows the latest progress and curves when it is shown again.
        session.snapshotProperty().addListener((o, a, s) -> {
            if (isVisible()) showProgress(s);
        });
        session.runs().addListener((javafx.collections.ListChangeListener<TrainingCurves.Series>) c -> redrawCurves());
        visibleProperty().addListener((o, was, shown) -> {
            if (!shown) return;
            showProgress(session.snapshotProperty().get());
            if (curvesStale) redrawCurves();
        });
        logScale.selectedProperty().addListener((o, a, b) -> canvas.invalidate());
        smoothing.valueProperty().addListener((o, a, b) -> canvas.invalidate());
        app.chartStyleBinding().addListener((o, a, b) -> redrawCurves());
        session.moments().addListener((javafx.collections.ListChangeListener<TrainingSession.Moment>) c -> {
            double before = moment.getValue();
            boolean atEnd = before >= moment.getMax() - 0.5;
            moment.setMax(Math.max(0, session.moments().size() - 1));
            if (atEnd) moment.setValue(moment.getMax());
            if (moment.getValue() == before) showMoment();   // a slider that moved has shown its moment already
            TrainingSession.Moment last = session.moments().isEmpty() ? null : session.moments().get(session.moments().size() - 1);
            latestWeights.set(last == null ? null : new TrainedWeights(last.label(), last.config(), last.weights()));
        });
        moment.valueProperty().addListener((o, a, b) -> showMoment());
    }

    /** Redraws the curves, or only notes that they changed while the panel is hidden (see {@link #wire}). */
    private void redrawCurves() {
        curvesStale = !isVisible();
        if (!curvesStale) canvas.invalidate();
    }

    private TrainingCurves chart() {
        ChartStyle style = app.chartStyleBinding().get();
        return new TrainingCurves(session.runs(), logScale.isSelected(), smoothing.getValue(), style);
    }

    /** The curves as Export… writes them: the same chart, titled, in the style asked for. */
    private Figure curvesFigure(ChartStyle style) {
        return session.runs().isEmpty() ? null : Figures.training(session.runs(), logScale.isSelected(), smoothing.getValue(), style);
    }

    private void showProgress(TrainingSnapshot s) {
        if (s == null) return;
        TrainingConfig c = session.trainer() == null ? settings.config() : session.trainer().config();
        progress.setProgress(Math.min(1, s.epochProgress() / c.epochs()));
        progressText.setText(ProgressLine.of(s, c));
    }

    private TrainingSession.Moment selectedMoment() {
        int i = (int) Math.round(moment.getValue());
        return session.moments().isEmpty() ? null : session.moments().get(Math.min(i, session.moments().size() - 1));
    }

    private void showMoment() {
        TrainingSession.Moment m = selectedMoment();
        momentText.setText(m == null ? "no snapshot yet" : m.label());
        predictions.getItems().setAll(m == null ? java.util.List.of() : m.predictions());
    }

    /** Opens a prediction's sum in the main view with the weights of the moment the slider shows. */
    private void open(TrainingSession.Prediction p) {
        TrainingSession.Moment m = selectedMoment();
        if (m == null) return;
        if (m.config().isDense()) {
            session.setMessage("The main view shows recurrent cells; the dense baseline has none to step through.");
            return;
        }
        EncoderDecoder model = (EncoderDecoder) Weights.model(m.config(), m.weights());
        // a run on reversed input is shown reading it reversed, as it was trained
        app.show(new LoadedModel.Addition("Training: " + m.label(), "training run", true, model, m.config().reversed()),
                p.example().question());
        showMainView.run();
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the trained model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Gatescope model", "*.json"));
        chooser.setInitialFileName("addition-" + settings.config().cell() + ".json");
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) save(f.toPath());
    }

    /** Saves the latest weights (atomically, off the FX thread); the message says where or why not. */
    public void save(Path file) {
        Trainer t = session.trainer();
        if (t == null) {
            session.setMessage("Nothing to save yet: train first.");
            return;
        }
        t.requestWeights().thenAccept(w -> files.execute(new Task<Void>() {
            @Override protected Void call() throws Exception {
                TrainingSnapshot s = t.latest();
                ModelFiles.save(file, new ModelFile.Sequence(Weights.model(t.config(), w),
                        ModelFile.Metadata.of(ModelFiles.ADDITION, s.notes(t.config()))));
                return null;
            }

            @Override protected void succeeded() {
                session.markSaved();
                session.setMessage("Saved " + file + ".");
            }

            @Override protected void failed() {
                session.setMessage("Could not save: " + getException().getMessage());
            }
        }));
    }

    private void chooseAndLoad() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a model to continue training");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Gatescope model", "*.json"));
        java.io.File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) load(f.toPath());
    }

    /** Loads a model file (off the FX thread); its settings fill the form and Start continues from its weights. */
    public void load(Path file) {
        files.execute(new Task<ModelFile>() {
            @Override protected ModelFile call() throws Exception { return ModelFiles.load(file); }

            @Override protected void succeeded() {
                if (!(getValue() instanceof ModelFile.Sequence seq) || !seq.metadata().task().map(ModelFiles.ADDITION::equals).orElse(false)) {
                    session.setMessage("Could not continue from " + file.getFileName() + ": it is not an addition model.");
                    return;
                }
                TrainingConfig c = Weights.config(seq);
                settings.set(c);
                continueFrom = seq.model();
                session.setMessage("Loaded " + file.getFileName() + ": Start continues training it with these settings.");
            }

            @Override protected void failed() {
                session.setMessage("Could not load: " + getException().getMessage());
            }
        });
    }

    /**
     * Compiles the training step in the background before the first run (see TrainingSession's warmUp):
     * the form's cell first, then the comparison's others. The application calls it once the window shows.
     */
    public void warmUp() {
        String first = settings.config().cell();
        session.warmUp(java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                Comparison.SEEDS_CELLS.stream().filter(c -> !c.equals(first))).toList());
    }

    /** Takes back autosaved weights after a crash: their settings fill the form, Start continues them, others follow them. */
    public void restore(TrainedWeights w) {
        settings.set(w.config());
        continueFrom = w.model();
        latestWeights.set(w);
        session.setMessage("Restored the autosaved weights of " + w.label() + ": Start continues training them.");
    }

    /** Whether the window may close: asks first while training runs or trained weights are unsaved. */
    public boolean confirmClose() {
        if (!session.activeProperty().get() && !session.unsavedProperty().get()) return true;
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, session.activeProperty().get()
                ? "Training is still running. Close anyway and lose it?"
                : "The trained weights are not saved. Close anyway?", ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Close Gatescope?");
        boolean close = ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        if (close) {
            session.dispose();   // not asked twice: nothing runs and nothing counts as unsaved any more
            session.markSaved();
        }
        return close;
    }

    /**
     * The latest run's weights (each epoch's, or a single update's), null before any run or after Reset.
     * Set on the FX thread at most once per pulse, when moments arrive; followers throttle further.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<TrainedWeights> latestWeightsProperty() { return latestWeights.getReadOnlyProperty(); }

    /**
     * The seeds' comparison in progress, null when none runs: it turns non-null when a comparison
     * starts and null when it ends, so a follower (a quiz asking which cell gets there first) can
     * ask before the first model trains and reveal at the end.
     */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return session.comparingProperty(); }

    /** The comparison's results in the order the models finish, one added as each reaches its verdict (read only). */
    public ObservableList<Comparison.Result> comparisonResults() { return comparisonResults; }

    /** The settings the form holds, or empty while a field holds a value it cannot take (a scene saves them). */
    public java.util.Optional<TrainingConfig> formSettings() {
        return settings.validProperty().get() ? java.util.Optional.of(settings.config()) : java.util.Optional.empty();
    }

    /** Fills the form with {@code config} (a saved scene coming back); a running training is not touched. */
    public void showSettings(TrainingConfig config) { settings.set(config); }

    /** Runs {@code r} with the shared settings each time Compare is pressed, just before the comparison starts. */
    public void beforeCompare(java.util.function.Consumer<TrainingConfig> r) { beforeCompare.add(r); }


    TrainingSession session() { return session; }

    SettingsForm settings() { return settings; }

    ChartCanvas canvas() { return canvas; }

    /** Sets one setting in the form as a user would type it (tests and the lecture tools). */
    void type(TrainingSetting s, String text) {
        if (settings.field(s.key()) instanceof javafx.scene.control.TextField f) f.setText(text);
    }
}
