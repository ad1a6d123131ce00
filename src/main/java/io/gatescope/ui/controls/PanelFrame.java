package io.gatescope.ui.controls;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled panel: a header line (title, optional controls on the right) above content that takes the rest. */
public final class PanelFrame extends VBox {
    public static final String STYLE_CLASS = "panel";
    public static final String TITLE = "panel-title";
    public static final String HEADER = "panel-header";

    private final HBox header;
    private final Button maximise = new Button(null, Icons.maximise());
    private Runnable onMaximise;

    public PanelFrame(String title, Node content, Node... headerControls) {
        getStyleClass().add(STYLE_CLASS);
        Label label = new Label(title);
        label.getStyleClass().add(TITLE);
        // The title gives way (ellipsis, full text in the tooltip) before the header's controls do.
        label.setMinWidth(0);
        label.setTooltip(new Tooltip(title));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header = new HBox(label, gap);
        header.getChildren().addAll(headerControls);
        maximise.getStyleClass().addAll("panel-maximise", Styles.FLAT);
        maximise.setTooltip(new Tooltip("Fill the window with this panel, or give the space back (or double-click the title bar)"));
        maximise.setAccessibleText("Maximise " + title);
        maximise.setOnAction(e -> maximise());
        header.getChildren().add(maximise);
        header.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && e.getTarget() == header || e.getClickCount() == 2 && e.getTarget() == label) maximise();
        });
        header.getStyleClass().add(HEADER);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
        // The minimum comes from the content: a canvas that must stay legible sets its own.
        setMinWidth(0);
    }

    public HBox header() { return header; }

    /** What the maximise button and a double-click on the title bar do. */
    public void setOnMaximise(Runnable action) { this.onMaximise = action; }

    private void maximise() {
        if (onMaximise != null) onMaximise.run();
    }
}
