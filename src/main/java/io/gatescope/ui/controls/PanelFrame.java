package io.gatescope.ui.controls;

import javafx.geometry.Pos;
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

    public PanelFrame(String title, Node content, Node... headerControls) {
        getStyleClass().add(STYLE_CLASS);
        Label label = new Label(title);
        label.getStyleClass().add(TITLE);
        label.setMinWidth(USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header = new HBox(label, gap);
        header.getChildren().addAll(headerControls);
        header.getStyleClass().add(HEADER);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
        setMinSize(0, 0);
    }

    public HBox header() { return header; }
}
