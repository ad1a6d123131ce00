package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales;
import io.gatescope.chart.Notation;
import io.gatescope.chart.UnitStrip;
import io.gatescope.ui.controls.ViewBar;
import io.gatescope.ui.theme.UiTheme;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The notation switch relabels everything; presenter mode changes font scale and theme, and back. */
class NotationAndPresenterTest extends WindowTestBase {

    @Test
    void switchingNotationChangesEquationsStripsAndTooltips(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        assertThat(window.equations().equationTexts()).first().asString().startsWith("it = σ(Wi·[ht−1, xt] + bi)");
        assertThat(stripLabels()).containsExactly("i", "f", "g", "o", "c_t", "h_t");

        @SuppressWarnings("unchecked")
        ChoiceBox<Notation> picker = robot.lookup("#" + ViewBar.NOTATION_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> picker.setValue(Notation.NG));
        await(() -> stripLabels().get(0).equals("c̃"));

        // Andrew Ng: candidate first, gates as Γ, the hidden state is the activation a⟨t⟩.
        assertThat(stripLabels()).containsExactly("c̃", "Γ_u", "Γ_f", "Γ_o", "c^{⟨t⟩}", "a^{⟨t⟩}");
        assertThat(window.equations().equationTexts()).first().asString().startsWith("c̃ = tanh(");
        assertThat(window.equations().unitEquationTexts()).anySatisfy(l -> assertThat(l).startsWith("Γu₀ = σ("));
        assertThat(window.heatmaps().chooser().getChildren()).hasSize(7);

        robot.clickOn(window.cell().canvas()).type(KeyCode.N);    // N cycles to the interview book's notation
        await(() -> app.view().notationProperty().get() == Notation.INTERVIEW);
        assertThat(picker.getValue()).isEqualTo(Notation.INTERVIEW);
        assertThat(stripLabels()).contains("c′", "u", "f", "o");
    }

    @Test
    void presenterModeScalesFontsAndSwitchesToHighContrastAndBack(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Label zoom = robot.lookup("#" + ViewBar.ZOOM_ID).queryAs(Label.class);
        ToggleButton presenter = robot.lookup("#" + ViewBar.PRESENTER_ID).queryAs(ToggleButton.class);
        assertThat(zoom.getText()).isEqualTo("100 %");
        assertThat(window.getStyle()).contains("-fx-font-size: 14.0px");
        assertThat(window.getStylesheets()).anySatisfy(s -> assertThat(s).endsWith("light.css"));

        robot.clickOn(window.cell().canvas()).type(KeyCode.F5);
        await(() -> app.view().presenterProperty().get());
        assertThat(presenter.isSelected()).isTrue();
        assertThat(zoom.getText()).isEqualTo("175 %");
        // The charts take the zoom; the controls grow only to 125 %, so the charts keep the room.
        assertThat(window.getStyle()).contains("-fx-font-size: 17.5px");
        assertThat(window.getStylesheets()).anySatisfy(s -> assertThat(s).endsWith("high-contrast.css"));
        assertThat(app.chartStyleBinding().get().theme()).isEqualTo(ColourScales.Theme.HIGH_CONTRAST);
        assertThat(app.chartStyleBinding().get().fontScale()).isEqualTo(1.75);
        await(() -> ((UnitStrip) window.strips().canvases().get(0).chart()) != null);

        // Zoom in presenter mode is the presenter's own: 200 % there, 100 % at the desk.
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        await(() -> zoom.getText().equals("200 %"));

        robot.type(KeyCode.F5);
        await(() -> !app.view().presenterProperty().get());
        assertThat(zoom.getText()).isEqualTo("100 %");
        assertThat(window.getStylesheets()).anySatisfy(s -> assertThat(s).endsWith("light.css"));
        assertThat(app.chartStyleBinding().get().theme()).isEqualTo(ColourScales.Theme.LIGHT);
        assertThat(app.view().presenterZoomProperty().get()).isEqualTo(2.0);

        robot.type(KeyCode.P);
        await(() -> app.view().presenterProperty().get() && zoom.getText().equals("200 %"));
        robot.type(KeyCode.ESCAPE);
        await(() -> !app.view().presenterProperty().get());
        assertThat(app.view().themeProperty().get()).isEqualTo(UiTheme.LIGHT);
    }

    private java.util.List<String> stripLabels() {
        return window.strips().canvases().stream().map(c -> c.chart() == null ? "" : ((UnitStrip) c.chart()).label()).toList();
    }
}
