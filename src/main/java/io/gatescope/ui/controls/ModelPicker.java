package io.gatescope.ui.controls;

import atlantafx.base.theme.Styles;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.model.ModelChoice;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * Which model is shown: the shipped addition models and recent files in one list, Open… for any
 * Gatescope or PyTorch file, and a badge that says plainly when a model is an untrained stand-in.
 */
public final class ModelPicker extends HBox {
    public static final String COMBO_ID = "modelPicker";
    public static final String BADGE_ID = "modelBadge";
    public static final String UNTRAINED = "untrained-badge";

    private final AppModel app;
    private final ComboBox<ModelChoice> combo = new ComboBox<>();
    private final Label caption;

    /** The "Model" caption, which may leave when the text is large (see {@link TopBar}). */
    public Label caption() { return caption; }

    public ModelPicker(AppModel app) {
        this.app = app;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("model-picker");
        Label caption = new Label("_Model");
        caption.setMnemonicParsing(true);
        caption.setLabelFor(combo);
        combo.setId(COMBO_ID);
        combo.setItems(app.choices());
        combo.valueProperty().bindBidirectional(app.modelChoiceProperty());
        combo.setCellFactory(l -> new ChoiceCell());
        combo.setButtonCell(new ChoiceCell());
        combo.setTooltip(new Tooltip("The shipped addition models and recently opened files"));
        combo.setPrefWidth(250);
        combo.setMinWidth(120);   // gives way before the view options on the right when the text is large
        caption.setMinWidth(USE_PREF_SIZE);   // whole, or left out by the TopBar when space is short
        this.caption = caption;

        Button open = new Button("Open…");
        open.setTooltip(new Tooltip("Open a Gatescope model file or PyTorch weights (JSON) — Ctrl+O; or drop a file on the window"));
        open.setOnAction(e -> openDialog());

        Label badge = new Label();
        badge.setId(BADGE_ID);
        badge.textProperty().bind(Bindings.createStringBinding(this::badgeText, app.modelProperty()));
        app.modelProperty().addListener((o, a, m) -> {
            boolean untrained = m != null && !m.trained();
            badge.getStyleClass().removeAll(UNTRAINED, Styles.WARNING);
            if (untrained) badge.getStyleClass().addAll(UNTRAINED, Styles.WARNING);
            badge.setTooltip(m == null ? null : new Tooltip(m.origin()));
        });
        // The badge ("LSTM · 128 units") asks for no width and fills what is left: in full at the desk,
        // shortened with an ellipsis when large text needs the room for the controls.
        badge.setMinWidth(0);
        badge.setPrefWidth(0);
        badge.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(badge, javafx.scene.layout.Priority.ALWAYS);
        open.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(caption, combo, open, badge);
    }

    /** Shows the file chooser; the chosen file loads in the background. */
    public void openDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Gatescope models and PyTorch weights (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (!app.recentFiles().isEmpty()) {
            File dir = app.recentFiles().get(0).getParent().toFile();
            if (dir.isDirectory()) chooser.setInitialDirectory(dir);
        }
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) app.open(file.toPath());
    }

    /** "LSTM · 32 units · untrained" — the facts a lecturer states before stepping through. */
    private String badgeText() {
        LoadedModel m = app.modelProperty().get();
        if (m == null) return "loading…";
        String layers = m.layers() > 1 ? " · " + m.layers() + " layers" : "";
        return m.kind().title() + " · " + m.hiddenSize() + " units" + layers + (m.trained() ? "" : " · UNTRAINED");
    }

    private static final class ChoiceCell extends ListCell<ModelChoice> {
        @Override protected void updateItem(ModelChoice item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
