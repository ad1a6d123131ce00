package io.gatescope.ui;

import atlantafx.base.theme.Styles;
import io.gatescope.ui.cell.CellPanel;
import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.Player;
import io.gatescope.ui.controls.TimeBar;
import io.gatescope.ui.controls.TopBar;
import io.gatescope.ui.controls.ViewBar;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.help.ShortcutSheet;
import io.gatescope.ui.help.UserGuide;
import io.gatescope.ui.equations.EquationsPanel;
import io.gatescope.ui.export.Exports;
import io.gatescope.ui.gradients.GradientsView;
import io.gatescope.ui.training.TrainingPanel;
import io.gatescope.ui.heatmap.HeatmapPanel;
import io.gatescope.ui.input.InputBar;
import io.gatescope.ui.lecture.LectureTools;
import io.gatescope.ui.strips.StripPanel;
import io.gatescope.ui.theme.UiTheme;
import io.gatescope.ui.unrolled.UnrolledPanel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's content: model and view bars on top, the input row, the panels (unrolled view
 * across the top, cell diagram with the current step's vectors and equations in the middle,
 * heatmaps below) and the time controls at the bottom. Build it from an {@link AppModel}; it works
 * in any scene, which is how the tests show it headless.
 */
public final class MainWindow extends BorderPane implements WindowHooks {
    public static final String STYLE_CLASS = "main-window";
    public static final String MODEL_ERROR_ID = "modelError";
    public static final String PRESENTER_NOTICE_ID = "presenterNotice";
    /** Window heights below this fold the heatmaps at start, so the cell diagram stays legible. */
    static final double FOLD_BELOW_PX = 800;
    /** AtlantaFX's base font size; zoom multiplies it. */
    static final double BASE_FONT_PX = 14;
    private static final javafx.css.PseudoClass PRESENTER = javafx.css.PseudoClass.getPseudoClass("presenter");

    private final AppModel app;
    private final InputBar input;
    private final ModelPicker picker;
    private final StripPanel strips;
    private final HeatmapPanel heatmaps;
    private final EquationsPanel equations;
    private final CellPanel cell;
    private final UnrolledPanel unrolled;
    private final PanelLayout panels;
    private TrainingPanel training;
    private GradientsView gradients;
    private final WindowMenus menus;
    private final KeyBindings keys;
    private final ShortcutSheet shortcutSheet;
    private final UserGuide guide = new UserGuide();
    private final Exports exports;
    private final ReadOnlyObjectWrapper<Node> view = new ReadOnlyObjectWrapper<>(this, "view");
    /** Every view shown so far; one is visible (see {@link #setCentre}). */
    private final StackPane centre = new StackPane();
    private final Map<Node, RadioMenuItem> viewItems = new HashMap<>();
    private final LectureTools lecture;

    public MainWindow(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);

        picker = new ModelPicker(app);
        // At 175 % text and up on a 1280 px screen the words give way, the controls keep their size.
        ViewBar viewBar = new ViewBar(app.view());
        List<Node> optional = new ArrayList<>(viewBar.optionalWords());
        optional.add(picker.caption());
        TopBar bar = new TopBar(picker, viewBar, optional);
        input = new InputBar(app);
        Label modelError = new Label();
        modelError.setId(MODEL_ERROR_ID);
        modelError.getStyleClass().addAll(Styles.DANGER, "model-error");
        modelError.setWrapText(true);
        modelError.textProperty().bind(app.modelErrorProperty());
        modelError.visibleProperty().bind(app.modelErrorProperty().isNotEmpty());
        modelError.managedProperty().bind(modelError.visibleProperty());
        menus = new WindowMenus(app.view());
        // Presenter mode is a slideshow: menus and the model bar give their height to the charts (F1 lists the keys).
        menus.bar().visibleProperty().bind(app.view().presenterProperty().not());
        menus.bar().managedProperty().bind(menus.bar().visibleProperty());
        bar.visibleProperty().bind(app.view().presenterProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        VBox top = new VBox(menus.bar(), bar, inputRow(), modelError);
        setTop(top);

        cell = new CellPanel(app);
        unrolled = new UnrolledPanel(app);
        strips = new StripPanel(app);
        heatmaps = new HeatmapPanel(app);
        equations = new EquationsPanel(app);
        PanelFrame cellFrame = new PanelFrame("Cell", cell.canvas(), cell.controls());
        PanelFrame stripFrame = new PanelFrame("Vectors at this step — click a unit", strips);
        PanelFrame equationFrame = new PanelFrame("Equations", equations);
        PanelFrame unrolledFrame = new PanelFrame("Unrolled in time — click a step", unrolled.canvas());
        PanelFrame heatmapFrame = new PanelFrame("Over time: units × steps — click a cell", heatmaps.inScrollPane(),
                heatmaps.chooser());
        panels = new PanelLayout(unrolledFrame, cellFrame, stripFrame, equationFrame, heatmapFrame);
        panels.setId("panels");
        for (PanelFrame f : panels.frames()) f.setOnMaximise(() -> toggleMaximised(f));
        // Presenter mode drops the title bars of its two panels, giving their height to the charts:
        // 1 and 2 fill and restore them, ↑ and ↓ step through the sub-steps, F1 lists the keys.
        for (PanelFrame f : List.of(unrolledFrame, cellFrame)) {
            f.header().visibleProperty().bind(app.view().presenterProperty().not());
            f.header().managedProperty().bind(f.header().visibleProperty());
        }
        panels.setPresenting(app.view().presenterProperty().get());
        setCenter(centre);
        setCentre(panels);

        keys = new KeyBindings(app, actions());
        shortcutSheet = new ShortcutSheet(keys, getStylesheets());
        MainMenus.build(this, panels.frames().toArray(PanelFrame[]::new));
        exports = Exports.install(this);
        gradients = addGradientsView();
        addTrainingView();
        gradients.follow(training.latestWeightsProperty());   // "current training run" in the gradients view
        lecture = LectureTools.install(this);
        top.getChildren().addAll(lecture.bars());

        setBottom(new TimeBar(app));
        // ":presenter" lets the sheet give the bars the hall reads their larger text (UiTheme.HALL_TEXT).
        pseudoClassStateChanged(PRESENTER, app.view().presenterProperty().get());
        app.view().presenterProperty().addListener((o, a, on) -> pseudoClassStateChanged(PRESENTER, on));
        new Player(app, cell::subStepCount);

        applyTheme(app.view().themeProperty().get());
        app.view().themeProperty().addListener((o, a, t) -> applyTheme(t));
        applyZoom(app.view().chromeZoomProperty().get());
        app.view().chromeZoomProperty().addListener((o, a, z) -> applyZoom(z.doubleValue()));
        applyChartZoom(app.view().zoomProperty().get());
        app.view().zoomProperty().addListener((o, a, z) -> applyChartZoom(z.doubleValue()));
        PanelHeights heights = new PanelHeights(this, panels, unrolled, cell, heatmaps);
        app.view().presenterProperty().addListener((o, a, on) -> {
            showPanels();
            panels.setPresenting(on);
            // The bars hide, and with them what had the focus: the keys go to the panels, not to the next text field.
            if (on) panels.requestFocus();
            if (on) heights.arrangeLater();
        });
        FileDrop.install(this, app);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) keys.install(scene);
        });
        // Full screen follows the stage this window is in now, and lets go of one it left: a listener left on a
        // stage that outlives the window (another scene set on it) would keep the window and every trace it showed.
        app.view().presenterProperty().addListener((o, a, on) -> {
            if (stage != null) stage.setFullScreen(on);
        });
        sceneProperty().flatMap(javafx.scene.Scene::windowProperty).addListener((o, a, w) -> followStage(w));
    }

    public AppModel app() { return app; }

    /** The lecture tools: what-if clamps, scenes, questions. */
    public LectureTools lecture() { return lecture; }

    public StripPanel strips() { return strips; }

    public HeatmapPanel heatmaps() { return heatmaps; }

    public EquationsPanel equations() { return equations; }

    public CellPanel cell() { return cell; }

    public UnrolledPanel unrolled() { return unrolled; }

    /** Fills the centre with one panel, or gives the space back (see {@link PanelLayout}). */
    void toggleMaximised(PanelFrame frame) {
        if (view.get() != panels) showPanels();
        panels.toggleMaximised(frame);
    }

    /** The panel filling the window, or null when the panels share it. */
    public PanelFrame maximised() { return panels.maximised(); }

    /** The panels in the order the digit keys name them (1 unrolled, 2 cell, 3 vectors, 4 equations, 5 heatmaps). */
    public List<PanelFrame> frames() { return panels.frames(); }

    /** The split panes of the layout on screen: the desk's outer and middle ones, or the presenter's. */
    public List<SplitPane> splits() { return panels.splits(); }

    // ---- Views in the centre -------------------------------------------------------------------

    /** The gradients through time: a view in the centre, its View menu item and the G key (again: the panels). */
    private GradientsView addGradientsView() {
        GradientsView gradients = new GradientsView(app);
        gradients.setId("gradients");
        KeyBindings.Binding key = keys.add(KeyBindings.Section.PANELS, "Show the gradients through time (again: the panels)",
                () -> showView(view.get() == gradients ? panels : gradients), KeyBindings.key(KeyCode.G));
        addView("Gradients through time   (" + key.keyText() + ")", gradients);
        return gradients;
    }

    /** The training panel: a view in the centre, its View menu item and the T key (again: the panels). */
    private void addTrainingView() {
        training = new TrainingPanel(app, this::showPanels);
        training.setId("training");
        KeyBindings.Binding key = keys.add(KeyBindings.Section.PANELS, "Show the training panel (again: the panels)",
                () -> showView(view.get() == training ? panels : training), KeyBindings.key(KeyCode.T));
        addView("Training   (" + key.keyText() + ")", training);
    }

    /** The training panel (shown with the T key or the View menu). */
    public TrainingPanel training() { return training; }

    /** The gradients through time (shown with the G key or the View menu). */
    public GradientsView gradients() { return gradients; }

    /**
     * The centre views by their stable ids (a scene file names its view so; a reworded menu breaks
     * nothing): {@code panels} and every view added with an id.
     */
    public Map<String, Node> viewsById() {
        Map<String, Node> out = new java.util.TreeMap<>();
        for (Node n : viewItems.keySet()) if (n.getId() != null) out.put(n.getId(), n);
        return out;
    }

    /** Whether the window may close now: the training panel asks first while it trains or holds unsaved weights. */
    public boolean confirmClose() { return training.confirmClose(); }

    /**
     * Registers a view that can fill the centre instead of the panels (a gradient chart, the training
     * dashboard): it gets an item in the View menu, and {@link #showView} shows it. Returns the item,
     * e.g. to give it an accelerator.
     */
    public RadioMenuItem addView(String title, Node view) {
        RadioMenuItem item = menus.addViewItem(title, () -> showView(view));
        viewItems.put(view, item);
        return item;
    }

    /** Shows {@code view} in the centre, in place of the panels (or of a panel filling the window). */
    public void showView(Node view) {
        panels.restore();
        setCentre(view);
    }

    /** Gives the centre back to the panels, with the layout they had. */
    public void showPanels() {
        panels.restore();
        setCentre(panels);
    }

    /** What the centre shows: the panels ({@link #panelsView()}) or a view shown with {@link #showView}. */
    public ReadOnlyObjectProperty<Node> viewProperty() { return view.getReadOnlyProperty(); }

    /** The panel layout as a view, the centre's default. */
    public Node panelsView() { return panels; }

    /** The menu bar; other parts add their commands here (see {@link WindowMenus}). */
    public WindowMenus menus() { return menus; }

    /** The keyboard table; other parts add their keys with {@link KeyBindings#add}. */
    public KeyBindings keys() { return keys; }

    public ShortcutSheet shortcutSheet() { return shortcutSheet; }

    /** Export… for every view (context menus, Ctrl+E, the View and File menus). */
    public Exports exports() { return exports; }

    public UserGuide userGuide() { return guide; }

    /**
     * Shows {@code node} and hides the other views, which stay in the scene. Taking a view out of the
     * scene and putting it back makes JavaFX apply the style sheets to each of its nodes again and lay
     * it out from nothing: 15–20 ms on the JavaFX thread for the panels, a frame over 50 ms when the
     * training threads hold the cores (docs/performance.md). A hidden view is unmanaged, so the
     * centre's layout passes it by, and it keeps its size for when it comes back.
     */
    private void setCentre(Node node) {
        if (!centre.getChildren().contains(node)) centre.getChildren().add(node);
        for (Node n : centre.getChildren()) {
            n.setVisible(n == node);
            n.setManaged(n == node);
        }
        view.set(node);
        RadioMenuItem item = viewItems.get(node);
        if (item != null) item.setSelected(true);
    }

    /** Puts the panel back if one fills the window (the 0 key). */
    void restoreIfMaximised() {
        panels.restore();
    }

    void showShortcuts() {
        if (getScene() != null) shortcutSheet.show(getScene().getWindow(), getStyle());
    }

    void showGuide() {
        if (getScene() != null) guide.show(getScene().getWindow(), getStylesheets(), getStyle());
    }

    private KeyBindings.Actions actions() {
        return new KeyBindings.Actions() {
            @Override public void togglePresenter() {
                app.view().presenterProperty().set(!app.view().presenterProperty().get());
            }

            @Override public void leavePresenter() { app.view().presenterProperty().set(false); }

            @Override public void openFile() { picker.openDialog(); }

            @Override public void focusInput() { input.field().requestFocus(); }

            @Override public int subStepCount() { return cell.subStepCount(); }
        };
    }

    /**
     * The input row, and at its right in presenter mode how to leave it, where it covers nothing. The
     * students read what is typed there, so in presenter mode it is one of the bars the hall reads
     * ({@link UiTheme#HALL_TEXT}); the reminder is short enough that a 1280 px projector holds both whole.
     */
    private HBox inputRow() {
        Label notice = new Label("F1 keys · Esc leaves");
        notice.setId(PRESENTER_NOTICE_ID);
        notice.getStyleClass().add("presenter-notice");
        notice.visibleProperty().bind(app.view().presenterProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMinWidth(USE_PREF_SIZE);
        HBox row = new HBox(input, notice);
        row.getStyleClass().addAll("input-line", UiTheme.HALL_TEXT);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        return row;
    }

    private void applyTheme(UiTheme theme) {
        // AtlantaFX themes are user-agent stylesheets: one per application, so the window sets it.
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        getStylesheets().setAll(theme.stylesheets());
    }

    /** The charts' text size, which the hover popup takes too (see {@link io.gatescope.ui.canvas.HoverPopup#CHART_FONT_PX}). */
    private void applyChartZoom(double zoom) {
        getProperties().put(io.gatescope.ui.canvas.HoverPopup.CHART_FONT_PX, BASE_FONT_PX * zoom);
    }

    private void applyZoom(double zoom) {
        // Every control sizes in em, so one font size on the root scales the whole window's chrome; the
        // charts scale with the zoom itself (ChartStyle.fontScale), which presenter mode lets run ahead.
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * zoom));
    }

    /** The stage showing this window, whose full screen is presenter mode's; null while in none. */
    private Stage stage;
    private final javafx.beans.value.ChangeListener<Boolean> leftFullScreen = this::fullScreenChanged;

    /** Leaving full screen (Esc, the window manager) leaves presenter mode. */
    private void fullScreenChanged(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean full) {
        if (!full) app.view().presenterProperty().set(false);
    }

    /**
     * Presenter mode is full screen; leaving full screen by the system's own key leaves presenter mode.
     * The system's exit hint would float over the panels' title bars, so the window says it in the
     * input line instead ({@link #inputRow}).
     */
    private void followStage(javafx.stage.Window window) {
        if (stage != null) stage.fullScreenProperty().removeListener(leftFullScreen);
        stage = window instanceof Stage s ? s : null;
        if (stage == null) return;
        stage.setFullScreenExitHint("");
        stage.fullScreenProperty().addListener(leftFullScreen);
        if (app.view().presenterProperty().get()) stage.setFullScreen(true);
    }
}
