package io.gatescope.ui.controls;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.ui.ViewOptions;
import io.gatescope.ui.theme.UiTheme;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** How things are shown: notation, palette, theme, zoom and presenter mode. */
public final class ViewBar extends HBox {
    public static final String NOTATION_ID = "notationPicker";
    public static final String PALETTE_ID = "palettePicker";
    public static final String THEME_ID = "themePicker";
    public static final String ZOOM_ID = "zoomLabel";
    public static final String PRESENTER_ID = "presenterToggle";

    public ViewBar(ViewOptions view) {
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("view-bar");

        ChoiceBox<Notation> notation = choice(NOTATION_ID, Notation.values(), Notation::title);
        notation.valueProperty().bindBidirectional(view.notationProperty());
        notation.setTooltip(new Tooltip("Notation of every label, legend, tooltip and equation (N cycles)"));

        ChoiceBox<Palette> palette = choice(PALETTE_ID, Palette.values(), ViewBar::paletteTitle);
        palette.valueProperty().bindBidirectional(view.paletteProperty());
        palette.setTooltip(new Tooltip("Colour palette of the values; Viridis is safe for every colour-vision deficiency"));

        ChoiceBox<UiTheme> theme = choice(THEME_ID, UiTheme.values(), UiTheme::title);
        theme.setValue(view.themeProperty().get());
        view.themeProperty().addListener((o, a, t) -> theme.setValue(t));
        theme.valueProperty().addListener((o, a, t) -> {
            if (t != null) view.setTheme(t);
        });
        theme.setTooltip(new Tooltip("Light, dark or high-contrast theme (remembered separately for presenter mode)"));

        Button smaller = new Button("A−");
        smaller.setTooltip(new Tooltip("Smaller text (Ctrl+−)"));
        smaller.setOnAction(e -> view.zoomBy(-1));
        Label zoom = new Label();
        zoom.setId(ZOOM_ID);
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Math.round(view.zoomProperty().get() * 100) + " %",
                view.zoomProperty()));
        zoom.setTooltip(new Tooltip("Font scale, 100–250 % (Ctrl+0 resets)"));
        Button larger = new Button("A+");
        larger.setTooltip(new Tooltip("Larger text (Ctrl++)"));
        larger.setOnAction(e -> view.zoomBy(1));

        ToggleButton presenter = new ToggleButton("Presenter");
        presenter.setId(PRESENTER_ID);
        presenter.selectedProperty().bindBidirectional(view.presenterProperty());
        presenter.setTooltip(new Tooltip("Full screen, large text and the high-contrast theme for the lecture hall (F5 or P; Esc leaves)"));

        getChildren().addAll(new Label("Notation"), notation, new Label("Palette"), palette, new Label("Theme"), theme,
                smaller, zoom, larger, presenter);
        getChildren().forEach(n -> n.setFocusTraversable(!(n instanceof Label)));
    }

    private static <T> ChoiceBox<T> choice(String id, T[] values, java.util.function.Function<T, String> title) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : title.apply(t); }

            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        });
        return box;
    }

    static String paletteTitle(Palette p) {
        return switch (p) {
            case CLASSIC -> "Classic (blue–red)";
            case VIRIDIS -> "Viridis (colour-blind safe)";
            case HIGH_CONTRAST -> "Inferno (projector)";
        };
    }
}
