package io.gatescope.ui.lecture;

import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.WindowHooks;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import io.gatescope.ui.lecture.quiz.QuizBar;
import io.gatescope.ui.lecture.saturation.SaturationView;
import io.gatescope.ui.lecture.scene.LecturePlayer;
import io.gatescope.ui.theme.UiTheme;
import java.io.File;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The lecture tools in the main window: the what-if clamp bar, the scene bar and the question bar
 * (the window places them below the input row, {@link #bars()}), the Lecture menu and their keys. One
 * call from the window wires them through its {@link WindowHooks}; each tool is its own package.
 */
public final class LectureTools {
    public static final String CLAMP_MENU_ITEM = "What-if: hold a gate";

    private final WindowHooks window;
    private final ClampPanel clamp;
    private final LecturePlayer lecture;
    private final SaturationView saturation;
    private final QuizBar quiz;

    private LectureTools(WindowHooks window) {
        this.window = window;
        clamp = new ClampPanel(window.app());
        clamp.setVisible(false);
        clamp.managedProperty().bind(clamp.visibleProperty());
        lecture = new LecturePlayer(window, clamp);
        quiz = new QuizBar(window, lecture::isOpen);
        String css = LectureTools.class.getResource("lecture.css").toExternalForm();
        for (var bar : List.of(clamp, lecture.bar(), quiz)) {
            bar.getStylesheets().add(css);
            bar.getStyleClass().add(UiTheme.HALL_TEXT);      // the back row reads them in presenter mode
        }

        Menu menu = window.menus().menu("Lecture");
        CheckMenuItem show = new CheckMenuItem(CLAMP_MENU_ITEM);
        show.selectedProperty().bindBidirectional(clamp.visibleProperty());
        KeyBindings.Binding hold = window.keys().add(KeyBindings.Section.LECTURE,
                "What-if: hold the chosen gate, or let it run free again", this::toggleHold, KeyBindings.key(KeyCode.C));
        MenuItem open = new MenuItem("Open lecture…");
        open.setOnAction(e -> chooseAndOpen());
        MenuItem save = new MenuItem("Save lecture as…");
        save.setOnAction(e -> chooseAndSave());
        save.disableProperty().bind(lecture.indexProperty().lessThan(0));
        MenuItem add = new MenuItem("Add this view as a scene…");
        add.setOnAction(e -> askNoteAndAdd());
        MenuItem update = new MenuItem("Update this scene to the view");
        update.setOnAction(e -> lecture.updateScene());
        update.disableProperty().bind(lecture.indexProperty().lessThan(0));
        MenuItem close = new MenuItem("Close lecture");
        close.setOnAction(e -> lecture.close());
        close.disableProperty().bind(lecture.indexProperty().lessThan(0));
        saturation = new SaturationView(window.app());
        saturation.setId("saturation");
        KeyBindings.Binding saturationKey = window.keys().add(KeyBindings.Section.PANELS,
                "Show how often each unit's gates are saturated (again: the panels)",
                () -> window.showView(window.viewProperty().get() == saturation ? window.panelsView() : saturation),
                KeyBindings.key(KeyCode.S));
        window.addView("Gate saturation   (" + saturationKey.keyText() + ")", saturation);
        CheckMenuItem predict = new CheckMenuItem("Predict before reveal   (Q)");
        predict.selectedProperty().bindBidirectional(quiz.onProperty());
        menu.getItems().addAll(show, predict, WindowMenus.item("Hold the gate on or off   (" + hold.keyText() + ")", hold),
                new SeparatorMenuItem(), open, save, add, update, close);
    }

    /** Builds the lecture tools for {@code window}: their menu, keys and views; the window places {@link #bars()}. */
    public static LectureTools install(WindowHooks window) {
        return new LectureTools(window);
    }

    /** The bars, in their order below the input row, for the window to place: what-if, the scene's note, the question. */
    public List<Region> bars() { return List.of(clamp, lecture.bar(), quiz); }

    public ClampPanel clamp() { return clamp; }

    public LecturePlayer lecture() { return lecture; }

    public SaturationView saturation() { return saturation; }

    public QuizBar quiz() { return quiz; }

    /** C: shows the clamp bar if hidden and toggles between the clamped and the free run. */
    private void toggleHold() {
        clamp.setVisible(true);
        clamp.toggle();
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Gatescope lecture (*.json)", "*.json"));
        return c;
    }

    private void chooseAndOpen() {
        File f = chooser("Open a lecture").showOpenDialog(window.getScene().getWindow());
        if (f != null) lecture.open(f.toPath());
    }

    private void chooseAndSave() {
        File f = chooser("Save the lecture").showSaveDialog(window.getScene().getWindow());
        if (f != null) lecture.save(f.toPath(), problem -> { });
    }

    private void askNoteAndAdd() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Add a scene");
        d.setHeaderText("A short note shown with this scene (what to look at, what to ask)");
        d.initOwner(window.getScene().getWindow());
        d.showAndWait().ifPresent(lecture::addScene);
    }
}
