package io.gatescope.ui.export;

import atlantafx.base.theme.Styles;
import io.gatescope.chart.Animation;
import io.gatescope.chart.ChartExport.Format;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.ui.AppModel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Export…: one view as PNG (at a scale or a width), SVG or PDF, at this step, at every step, or as
 * an animated GIF; in the screen's theme or the white print theme; or copied to the clipboard. The
 * work runs on the compute thread with a progress bar and a Cancel button; a problem is shown here,
 * in the dialog, and the window stays usable.
 */
public final class ExportDialog {
    public static final String PATH_ID = "exportPath";
    public static final String EXPORT_ID = "exportButton";
    public static final String COPY_ID = "exportCopy";
    public static final String STATUS_ID = "exportStatus";
    public static final String SCALE_ID = "exportScale";

    private final AppModel app;
    private final ExportTarget target;
    private final Stage stage = new Stage();
    private final ToggleGroup formats = new ToggleGroup();
    private final RadioButton byScale = new RadioButton("Scale ×");
    private final RadioButton byWidth = new RadioButton("Width px");
    private final Spinner<Double> scale = new Spinner<>(1.0, 4.0, 2.0, 0.5);
    private final Spinner<Integer> width = new Spinner<>(16, 10_000, 1920, 160);
    private final ChoiceBox<String> theme = new ChoiceBox<>();
    private final ToggleGroup what = new ToggleGroup();
    private final RadioButton thisStep = new RadioButton("This step");
    private final RadioButton everyStep = new RadioButton("Every step, one file each, into a folder");
    private final RadioButton gif = new RadioButton("Animated GIF of the steps, each shown");
    private final Spinner<Integer> delay = new Spinner<>(Animation.MIN_DELAY_MS, 10_000, 1000, 100);
    private final CheckBox perSubStep = new CheckBox("One picture per sub-step");
    private final TextField path = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button export = new Button("Export");
    private final Button copy = new Button("Copy as image");
    private final Button close = new Button("Close");
    private Task<?> running;

    private static final String PRINT = "Print: white, black text";

    public ExportDialog(AppModel app, ExportTarget target, Window owner) {
        this.app = app;
        this.target = target;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export " + target.title());

        HBox formatButtons = new HBox(4);
        for (Format f : Format.values()) {
            ToggleButton b = new ToggleButton(f.extension().toUpperCase(Locale.ROOT));
            b.setUserData(f);
            b.setToggleGroup(formats);
            formatButtons.getChildren().add(b);
        }
        formats.selectToggle(formats.getToggles().get(0));
        formats.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) a.setSelected(true);       // always one format
            update();
        });

        ToggleGroup sizes = new ToggleGroup();
        byScale.setToggleGroup(sizes);
        byWidth.setToggleGroup(sizes);
        byScale.setSelected(true);
        scale.setId(SCALE_ID);
        scale.setEditable(true);
        width.setEditable(true);
        scale.setPrefWidth(90);
        width.setPrefWidth(110);
        sizes.selectedToggleProperty().addListener((o, a, t) -> update());

        String screen = "As on screen (" + app.view().themeProperty().get().title() + ")";
        theme.getItems().addAll(screen, PRINT);
        theme.setValue(screen);
        theme.setDisable(!target.rethemable());

        thisStep.setToggleGroup(what);
        everyStep.setToggleGroup(what);
        gif.setToggleGroup(what);
        thisStep.setSelected(true);
        boolean series = target.snapshot(null, false).flatMap(ExportTarget.Snapshot::series).isPresent();
        everyStep.setDisable(!series);
        gif.setDisable(!series);
        delay.setEditable(true);
        delay.setPrefWidth(110);
        what.selectedToggleProperty().addListener((o, a, t) -> update());

        path.setId(PATH_ID);
        path.setPrefColumnCount(32);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Format"), formatButtons);
        grid.addRow(1, new Label("Size (PNG, GIF)"), new HBox(8, byScale, scale, byWidth, width));
        grid.addRow(2, new Label("Theme"), theme);
        grid.addRow(3, new Label("What"), new VBox(6, thisStep, everyStep, new HBox(8, gif, delay, new Label("ms")), perSubStep));
        grid.addRow(4, new Label("Save to"), new HBox(8, path, browse));

        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        status.setId(STATUS_ID);
        status.setWrapText(true);
        export.setId(EXPORT_ID);
        export.setDefaultButton(true);
        export.setOnAction(e -> export());
        copy.setId(COPY_ID);
        copy.setOnAction(e -> copy());
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (running != null) running.cancel();
            else stage.close();
        });
        HBox buttons = new HBox(8, copy, new javafx.scene.layout.Region(), export, close);
        HBox.setHgrow(buttons.getChildren().get(1), Priority.ALWAYS);

        Label heading = new Label("Export " + target.title());
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox root = new VBox(12, heading, grid, progress, status, buttons);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("export-dialog");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());       // the window's text size
        }
        stage.setScene(scene);
        path.setText(defaultPath().toString());
        update();
    }

    /** Shows the dialog (it is not modal for the computation: the window keeps redrawing). */
    public void show() {
        stage.show();
    }

    /** The dialog's window; tests look up its controls in it. */
    public Stage stage() { return stage; }

    /** Enables what applies to the choices made, and keeps the file name's extension in step with them. */
    private void update() {
        boolean animated = gif.isSelected();
        boolean bitmap = animated || format() == Format.PNG;
        for (var t : formats.getToggles()) ((ToggleButton) t).setDisable(animated);
        byScale.setDisable(!bitmap);
        byWidth.setDisable(!bitmap);
        scale.setDisable(!bitmap || !byScale.isSelected());
        width.setDisable(!bitmap || !byWidth.isSelected());
        delay.setDisable(!animated);
        perSubStep.setDisable(thisStep.isSelected() || !target.followsSubSteps());
        copy.setDisable(running != null);
        export.setDisable(running != null);
        String text = path.getText();
        if (text == null || text.isBlank()) return;
        Path p = Path.of(text.strip());
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String wanted = everyStep.isSelected() ? stem : stem + "." + (animated ? "gif" : format().extension());
        path.setText(p.resolveSibling(wanted).toString());
    }

    private Format format() {
        return formats.getSelectedToggle() == null ? Format.PNG : (Format) formats.getSelectedToggle().getUserData();
    }

    private ExportJob.Size size() {
        return byWidth.isSelected() ? new ExportJob.Size(1, width.getValue()) : new ExportJob.Size(scale.getValue(), 0);
    }

    private Optional<ExportTarget.Snapshot> snapshot() {
        Theme chosen = PRINT.equals(theme.getValue()) ? Theme.PRINT : null;
        return target.snapshot(chosen, perSubStep.isSelected() && !perSubStep.isDisabled());
    }

    private Path defaultPath() {
        String stem = snapshot().map(ExportTarget.Snapshot::stem).orElse("chart");
        return Path.of(System.getProperty("user.home"), "gatescope-" + stem + ".png");
    }

    private void browse() {
        Path current = Path.of(path.getText().strip());
        File folder = current.toAbsolutePath().getParent() == null ? null : current.toAbsolutePath().getParent().toFile();
        File chosen;
        if (everyStep.isSelected()) {
            DirectoryChooser chooser = new DirectoryChooser();
            if (folder != null && folder.isDirectory()) chooser.setInitialDirectory(folder);
            chosen = chooser.showDialog(stage);
        } else {
            FileChooser chooser = new FileChooser();
            if (folder != null && folder.isDirectory()) chooser.setInitialDirectory(folder);
            chooser.setInitialFileName(current.getFileName() == null ? "" : current.getFileName().toString());
            chosen = chooser.showSaveDialog(stage);
        }
        if (chosen != null) {
            path.setText(chosen.getPath());
            update();
        }
    }

    private void export() {
        String text = path.getText() == null ? "" : path.getText().strip();
        if (text.isEmpty()) {
            fail("Give a file to save to.");
            return;
        }
        Optional<ExportTarget.Snapshot> snap = snapshot();
        if (snap.isEmpty()) {
            fail("There is nothing to export yet: the view has not drawn a trace.");
            return;
        }
        ExportJob.What w = gif.isSelected() ? ExportJob.What.GIF : everyStep.isSelected() ? ExportJob.What.EVERY_STEP
                : ExportJob.What.STEP;
        Format f = gif.isSelected() ? Format.PNG : format();
        ExportJob job = new ExportJob(snap.get(), w, f, size(), delay.getValue(), Path.of(text));
        job.setOnSucceeded(e -> finish(job.getValue(), false));
        run(job);
    }

    private void copy() {
        Optional<ExportTarget.Snapshot> snap = snapshot();
        if (snap.isEmpty()) {
            fail("There is nothing to copy yet: the view has not drawn a trace.");
            return;
        }
        Task<BufferedImage> job = ExportJob.image(snap.get(), size());
        job.setOnSucceeded(e -> {
            BufferedImage image = job.getValue();
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(image, null));
            Clipboard.getSystemClipboard().setContent(content);
            finish("Copied a " + image.getWidth() + " × " + image.getHeight() + " px image to the clipboard", false);
        });
        run(job);
    }

    /** Runs {@code job} on the compute thread, the progress bar and the status line bound to it. */
    private void run(Task<?> job) {
        running = job;
        status.getStyleClass().remove(Styles.DANGER);
        progress.setVisible(true);
        progress.progressProperty().bind(job.progressProperty());
        status.textProperty().bind(job.messageProperty());
        close.setText("Cancel");
        job.setOnFailed(e -> finish(message(job.getException()), true));
        job.setOnCancelled(e -> finish("Cancelled; no file was written", false));
        update();
        app.computeExecutor().execute(job);
    }

    private void finish(String message, boolean error) {
        running = null;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        close.setText("Close");
        if (error) fail(message);
        else {
            status.getStyleClass().remove(Styles.DANGER);
            status.setText(message);
        }
        update();
    }

    private void fail(String message) {
        if (!status.getStyleClass().contains(Styles.DANGER)) status.getStyleClass().add(Styles.DANGER);
        status.setText(message);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
