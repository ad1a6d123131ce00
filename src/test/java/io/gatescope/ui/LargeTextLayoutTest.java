package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.ui.controls.ModelPicker;
import io.gatescope.ui.controls.TimeBar;
import io.gatescope.ui.controls.ViewBar;
import io.gatescope.ui.theme.UiTheme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/**
 * On a 1280×720 projector with large text (presenter mode's 175 %, and the largest, 250 %), every
 * control of the top bar and the time bar stays on screen at its full size; words give way instead.
 */
class LargeTextLayoutTest extends WindowTestBase {

    @ParameterizedTest
    @CsvSource({"1.0, LIGHT", "1.75, HIGH_CONTRAST", "1.75, DARK", "2.5, HIGH_CONTRAST", "2.5, LIGHT"})
    void everyBarControlStaysOnScreenAtFullSize(double zoom, UiTheme theme, FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> {
            app.view().setTheme(theme);      // presenter mode's own look, without going full screen
            app.view().setZoom(zoom);
        });
        await(() -> window.getScene() != null);
        robot.interact(() -> {
            window.applyCss();
            window.layout();
        });
        assertThat(window.getScene().getWidth()).isEqualTo(1280);
        assertThat(window.getScene().getHeight()).isEqualTo(720);

        for (String id : new String[] {ViewBar.PRESENTER_ID, ViewBar.NOTATION_ID, io.gatescope.ui.controls.WindowMenus.BAR_ID}) {
            assertFullyShown(robot.lookup("#" + id).queryAs(Control.class), id);
        }
        // The notation picker shows its whole title, not "PyTorch / col…".
        Control notation = robot.lookup("#" + ViewBar.NOTATION_ID).queryAs(Control.class);
        Node title = notation.lookup(".text");
        assertThat(((javafx.scene.text.Text) title).getText()).isEqualTo("PyTorch / colah");
        assertThat(inScene(title).getMaxX()).as("the title ends before the picker's arrow")
                .isLessThanOrEqualTo(inScene(notation.lookup(".open-button")).getMinX() + 1);
        // A caption is either whole or not shown: never "No…" or a lone "…".
        for (Node n : robot.lookup(".view-bar > .label, .model-picker > .label").queryAll()) {
            Label caption = (Label) n;
            if (caption.isVisible()) {
                assertThat(caption.getWidth()).as(caption.getText() + " shown whole").isGreaterThanOrEqualTo(caption.prefWidth(-1) - 0.5);
            }
        }
        // The input field keeps room for "67+60"; the answer beside it gives way.
        assertFullyShown(robot.lookup("#" + io.gatescope.ui.input.InputBar.FIELD_ID).queryAs(Control.class), "input field");
        // The model picker may narrow (its list opens full width), but stays on screen and usable.
        Control picker = robot.lookup("#" + ModelPicker.COMBO_ID).queryAs(Control.class);
        assertThat(inScene(picker).getMaxX()).isLessThanOrEqualTo(inScene(robot.lookup("#" + ViewBar.NOTATION_ID).queryAs(Control.class)).getMinX());
        assertThat(picker.getWidth()).as("the model picker keeps room for a name").isGreaterThanOrEqualTo(Math.min(250, 8 * 14 * zoom));

        for (String tip : new String[] {"Slower (−)", "Faster (+)", "First step (Home)", "Last step (End)"}) {
            Button b = robot.lookup(".time-button").queryAll().stream()
                    .filter(x -> x instanceof Button && tip.equals(x.getAccessibleText())).map(Button.class::cast).findFirst().orElseThrow();
            assertFullyShown(b, tip);
        }
        assertFullyShown(robot.lookup("#" + TimeBar.PLAY_ID).queryAs(Control.class), "play");
        Label speed = robot.lookup("#" + TimeBar.SPEED_ID).queryAs(Label.class);
        assertFullyShown(speed, "speed");
        assertThat(speed.getText()).isEqualTo("1 step/s");

        Slider scrubber = robot.lookup("#" + TimeBar.SCRUBBER_ID).queryAs(Slider.class);
        assertThat(inScene(scrubber).getWidth()).as("the scrubber keeps room to drag").isGreaterThanOrEqualTo(6 * 14 * zoom - 1);
        // The step's words are on screen, if shortened; the whole sentence is in the tooltip.
        Label where = robot.lookup("#" + TimeBar.STEP_LABEL_ID).queryAs(Label.class);
        assertThat(inScene(where).getMaxX()).isLessThanOrEqualTo(inScene(speed).getMinX());
        assertThat(where.getTooltip().getText()).startsWith("Encoder t = 1 of 5");
    }

    private static void assertFullyShown(Control c, String what) {
        Bounds b = inScene(c);
        assertThat(c.isVisible()).as(what + " visible").isTrue();
        assertThat(b.getMinX()).as(what + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as(what + " top edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(what + " right edge inside the 1280 px scene").isLessThanOrEqualTo(c.getScene().getWidth());
        assertThat(b.getMaxY()).as(what + " bottom edge").isLessThanOrEqualTo(c.getScene().getHeight());
        assertThat(c.getWidth()).as(what + " not squeezed below its preferred width").isGreaterThanOrEqualTo(c.prefWidth(-1) - 0.5);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
