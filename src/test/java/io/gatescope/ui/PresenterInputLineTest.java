package io.gatescope.ui;

import static io.gatescope.ui.PresenterLectureBarsTest.assertHallSizedText;
import static io.gatescope.ui.PresenterLectureBarsTest.inScene;
import static io.gatescope.ui.PresenterLectureBarsTest.inputLine;
import static io.gatescope.ui.PresenterLectureBarsTest.settle;
import static io.gatescope.ui.PresenterLectureBarsTest.shownIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.ui.theme.UiTheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The input line on a 1280×720 projector in presenter mode, read by the hall like the lecture bars:
 * the typed input, the model's answer or the bad input's message, and a sequence model's buttons and
 * spinners at 20 px or more, each whole and on the screen beside the presenter notice.
 */
class PresenterInputLineTest extends WindowTestBase {

    @Test
    void theInputLineIsHallSizedAndWholeBesideTheNotice(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        awaitTrace("67+60");
        presenterOnProjector(robot);
        await(() -> !inputLine(window).lookupAll("#" + io.gatescope.ui.input.InputBar.ANSWER_ID).isEmpty());
        settle(window);
        javafx.scene.control.TextField field = robot.lookup("#" + io.gatescope.ui.input.InputBar.FIELD_ID).queryAs(javafx.scene.control.TextField.class);
        assertThat(field.getFont().getSize()).as("the typed input's text size in px").isGreaterThanOrEqualTo(UiTheme.HALL_TEXT_PX);
        assertInputLineWhole("addition, 67+60");
        // A wrong answer's line is as long; a bad input's message wraps beside the field, which stays whole.
        robot.interact(() -> app.inputTextProperty().set("99+99"));
        awaitTrace("99+99");
        settle(window);
        assertInputLineWhole("addition, 99+99");
        robot.interact(() -> app.inputTextProperty().set("67+6x"));
        await(() -> !app.inputErrorProperty().get().isEmpty());
        settle(window);
        assertInputLineWhole("addition, bad input");

        // A model that reads a sequence of numbers: its buttons, spinners and summary as large, and whole.
        Path file = dir.resolve("lstm-3.json");
        var stack = new io.gatescope.engine.RecurrentStack("", io.gatescope.engine.CellKind.LSTM, 3, 4, 1, false);
        for (var layer : stack.layers()) io.gatescope.engine.Initialisers.pytorchDefault(layer, new java.util.SplittableRandom(5));
        io.gatescope.io.ModelFiles.save(file, new io.gatescope.io.ModelFile.Stack(stack, io.gatescope.io.ModelFile.Metadata.NONE));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof io.gatescope.ui.model.LoadedModel.Stack && app.cursorProperty().get() != null);
        settle(window);
        assertInputLineWhole("sequence model");
    }

    /** The input line at 1280×720 in presenter mode: its text at hall size, every control and the notice on screen and whole. */
    private void assertInputLineWhole(String what) {
        Region line = inputLine(window);
        assertHallSizedText(line);
        Label notice = (Label) window.lookup("#" + MainWindow.PRESENTER_NOTICE_ID);
        assertThat(notice.isVisible()).as("the notice shown [%s]", what).isTrue();
        assertThat(notice.getText()).contains("Esc");
        List<Node> texts = new ArrayList<>();
        for (Node n : line.lookupAll("*")) {
            if (shownIn(n, line) && (n instanceof javafx.scene.control.Labeled l && !l.getText().isEmpty()
                    || n instanceof javafx.scene.control.TextInputControl)) texts.add(n);
        }
        assertThat(texts).as("texts in the input line [%s]", what).contains(notice).hasSizeGreaterThan(2);
        for (Node n : texts) {
            Bounds b = inScene(n);
            assertThat(b.getMinX()).as("%s on the screen [%s]", n, what).isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as("%s on the screen [%s]", n, what).isLessThanOrEqualTo(1280.5);
            assertThat(b.getMinY()).as("%s on the screen [%s]", n, what).isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxY()).as("%s above the strip [%s]", n, what).isLessThanOrEqualTo(inScene(line).getMaxY() + 0.5);
            if (n instanceof javafx.scene.control.Labeled l && !l.isWrapText()) {
                String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
                assertThat(shownText(l)).as("\"%s\" shown whole, not cut to \"…\" [%s]", text, what).isEqualTo(text);
            } else if (n instanceof javafx.scene.control.TextInputControl t && !t.getText().isEmpty()) {
                Bounds typed = inScene(t.lookup(".text"));
                assertThat(typed.getMinX()).as("\"%s\" inside its field [%s]", t.getText(), what).isGreaterThanOrEqualTo(b.getMinX());
                assertThat(typed.getMaxX()).as("\"%s\" inside its field [%s]", t.getText(), what).isLessThanOrEqualTo(b.getMaxX());
            }
        }
        System.out.printf("presenter 1280x720, input line [%s]: %.0f px high, notice at x %.0f–%.0f%n", what,
                line.getHeight(), inScene(notice).getMinX(), inScene(notice).getMaxX());
    }

    /** The text a label or button draws: its own text, or cut short with "…" when it has too little width. */
    private static String shownText(javafx.scene.control.Labeled l) {
        return l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text)
                .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
    }
}
