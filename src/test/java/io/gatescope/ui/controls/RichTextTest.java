package io.gatescope.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Notation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Rich text as the equations panel shows it: a wrapped line never splits a number. */
@ExtendWith(ApplicationExtension.class)
class RichTextTest {
    private static final Pattern NUMBER = Pattern.compile("−?\\d+\\.\\d+");
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 900, 400));
        stage.getScene().getStylesheets().add(RichTextTest.class.getResource("/io/gatescope/ui/gatescope.css").toExternalForm());
        stage.show();
    }

    @Test
    void aWrappedEquationNeverSplitsANumber(FxRobot robot) {
        List<String> lines = List.of(
                "c₃ = f₃·c_{t−1,3} + i₃·g₃ = 0.602·(−0.113) + 0.871·0.455 = 0.328",
                "f₃ = σ(W_f[3]·[h_{t−1}, x_t] + b_f[3]) = σ(−0.412) = 0.398",
                "h₃ = o₃·tanh(c₃) = 0.871·tanh(−0.992) = −0.992 + 0.5·(−0.113)·0.871");
        int wraps = 0;
        for (String line : lines) {
            TextFlow flow = RichText.flow(line);
            flow.getStyleClass().add("unit-equation");
            robot.interact(() -> root.getChildren().setAll(flow));
            for (double width = 60; width <= 420; width += 6) {
                double w = width;
                List<String> split = new ArrayList<>();
                int[] lineCount = {0};
                robot.interact(() -> {
                    flow.setMaxWidth(w);
                    flow.setPrefWidth(w);
                    root.applyCss();
                    root.layout();
                    split.addAll(splitNumbers(flow));
                    lineCount[0] = lineTops(flow).size();
                });
                if (lineCount[0] > 1) wraps++;
                assertThat(split).as("numbers split across lines at width %s in %s", w, line).isEmpty();
            }
            assertThat(RichText.plainText(flow)).isEqualTo(io.gatescope.chart.Notation.plain(line));
        }
        assertThat(wraps).as("the widths tried do wrap").isGreaterThan(20);
    }

    @Test
    void refillingWithNewNumbersKeepsTheNodesAndShowsTheNewText(FxRobot robot) {
        TextFlow flow = RichText.flow("f₃ = σ(0.412) = 0.602");
        List<Node> before = List.copyOf(flow.getChildren());
        RichText.fill(flow, "f₃ = σ(−1.250) = 0.223");
        assertThat(flow.getChildren()).containsExactlyElementsOf(before);
        assertThat(RichText.plainText(flow)).isEqualTo("f₃ = σ(−1.250) = 0.223");
        assertThat(flow.getAccessibleText()).isEqualTo("f₃ = σ(−1.250) = 0.223");
    }

    /** The numbers whose characters the user sees on more than one line. */
    private static List<String> splitNumbers(TextFlow flow) {
        StringBuilder plain = new StringBuilder();
        List<Double> lineOfChar = new ArrayList<>();
        int index = 0;   // the flow's own character index: a Text's characters, or 1 for an embedded node
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                for (int i = 0; i < t.getText().length(); i++) {
                    plain.append(t.getText().charAt(i));
                    lineOfChar.add(top(flow, index++));
                }
            } else if (n instanceof Group g && g.getChildren().get(0) instanceof Text t) {
                double top = top(flow, index++);
                for (int i = 0; i < t.getText().length(); i++) {
                    plain.append(t.getText().charAt(i));
                    lineOfChar.add(top);
                }
            }
        }
        List<String> split = new ArrayList<>();
        Matcher m = NUMBER.matcher(plain);
        while (m.find()) {
            if (new HashSet<>(lineOfChar.subList(m.start(), m.end())).size() > 1) split.add(m.group());
        }
        return split;
    }

    private static Set<Double> lineTops(TextFlow flow) {
        Set<Double> tops = new HashSet<>();
        int chars = 0;
        for (Node n : flow.getChildren()) chars += n instanceof Text t ? t.getText().length() : 1;
        for (int i = 0; i < chars; i++) tops.add(top(flow, i));
        return tops;
    }

    /** The top of the line holding the flow's character {@code index}: where a caret before it starts. */
    private static double top(TextFlow flow, int index) {
        return flow.caretShape(index, true)[0] instanceof MoveTo move ? Math.rint(move.getY()) : Double.NaN;
    }
}
