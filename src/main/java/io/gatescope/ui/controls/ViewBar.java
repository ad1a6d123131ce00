package io.gatescope.ui.controls;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.ui.ViewOptions;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * How things are shown. The notation and presenter mode stay in sight because a lecturer switches
 * them in front of the class; palette, theme and text size live in the menu bar's View menu (the
 * text size also on Ctrl++ and Ctrl+−), with the current size shown here.
 */
public final class ViewBar extends HBox {
    public static final String NOTATION_ID = "notationPicker";
    public static final String ZOOM_ID = "zoomLabel";
    public static final String PRESENTER_ID = "presenterToggle";

    private final List<javafx.scene.Node> optionalWords;

    public ViewBar(ViewOptions view) {
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("view-bar");

        ChoiceBox<Notation> notation = new ChoiceBox<>(FXCollections.observableArrayList(Notation.values()));
        notation.setId(NOTATION_ID);
        notation.setConverter(converter(Notation::title));
        notation.valueProperty().bindBidirectional(view.notationProperty());
        notation.setTooltip(new Tooltip("Notation of every label, legend, tooltip and equation (N cycles)"));
        Label notationCaption = new Label("Notation");
        notationCaption.setLabelFor(notation);
        // When the text is large the caption and the zoom read-out leave (see TopBar);
        // the picker, the View menu and the Presenter button keep their full size.
        notationCaption.setMinWidth(USE_PREF_SIZE);
        notation.setMinWidth(USE_PREF_SIZE);

        Label zoom = new Label();
        zoom.setId(ZOOM_ID);
        zoom.setMinWidth(USE_PREF_SIZE);
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Math.round(view.zoomProperty().get() * 100) + " %",
                view.zoomProperty()));
        zoom.setTooltip(new Tooltip("Text size, 100–250 %: Ctrl++ and Ctrl+− (or the View menu), Ctrl+0 resets"));
        zoom.getStyleClass().add("zoom-label");

        ToggleButton presenter = new ToggleButton("Presenter");
        presenter.setId(PRESENTER_ID);
        presenter.selectedProperty().bindBidirectional(view.presenterProperty());
        presenter.setMinWidth(USE_PREF_SIZE);
        presenter.setTooltip(new Tooltip("Full screen, large text and the high-contrast theme for the lecture hall (F5 or P; Esc leaves)"));

        getChildren().addAll(notationCaption, notation, zoom, presenter);
        optionalWords = List.of(zoom, notationCaption);
    }

    /** The words that may leave when space is short, the first to go first: the zoom read-out, the caption. */
    public List<javafx.scene.Node> optionalWords() { return optionalWords; }

    private static <T> StringConverter<T> converter(Function<T, String> title) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : title.apply(t); }

            @Override public T fromString(String s) { throw new UnsupportedOperationException("choices are not typed"); }
        };
    }

    static String paletteTitle(Palette p) {
        return switch (p) {
            case CLASSIC -> "Classic (blue / red)";
            case VIRIDIS -> "Viridis (colour-blind safe)";
            case HIGH_CONTRAST -> "Inferno (projector, colour-blind safe)";
        };
    }
}
