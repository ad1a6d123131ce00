package io.gatescope.ui.controls;

import io.gatescope.chart.Typography;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Shows the charts' rich labels ({@code h_{t−1}}, {@code a^{⟨t⟩}}) in JavaFX text, with subscripts
 * and superscripts, so the equations panel and tooltips read exactly as the diagram does while
 * staying selectable text that screen readers and tests can find.
 */
public final class RichText {
    /** Style class of every run; scripts add {@link #SUB} or {@link #SUPER}. */
    public static final String RUN = "rich-run";
    public static final String SUB = "rich-sub";
    public static final String SUPER = "rich-super";

    private RichText() {
    }

    /** A flow of {@code rich}'s runs. */
    public static TextFlow flow(String rich) {
        TextFlow flow = new TextFlow();
        fill(flow, rich);
        return flow;
    }

    /**
     * A one-line label of {@code rich} for buttons and headers: unlike a {@link TextFlow}, its
     * height does not depend on a width, so it sizes like plain text.
     */
    public static javafx.scene.layout.HBox label(String rich) {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox();
        box.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        for (Typography.Run run : Typography.parse(rich)) {
            Text text = new Text(run.text());
            text.getStyleClass().add(RUN);
            if (run.level() < 0) text.getStyleClass().add(SUB);
            if (run.level() > 0) text.getStyleClass().add(SUPER);
            box.getChildren().add(text);
        }
        return box;
    }

    /**
     * Shows {@code rich}'s runs in {@code flow}. When the runs have the same scripts as the flow's
     * texts (a new step's numbers in the same equation) the texts are reused: a new Text costs a
     * CSS pass, and scrubbing refills every unit equation on every step.
     */
    public static void fill(TextFlow flow, String rich) {
        List<Typography.Run> runs = Typography.parse(rich);
        if (sameScripts(flow, runs)) {
            for (int i = 0; i < runs.size(); i++) ((Text) flow.getChildren().get(i)).setText(runs.get(i).text());
        } else {
            flow.getChildren().clear();
            for (Typography.Run run : runs) {
                Text text = new Text(run.text());
                text.getStyleClass().add(RUN);
                if (run.level() < 0) text.getStyleClass().add(SUB);
                if (run.level() > 0) text.getStyleClass().add(SUPER);
                flow.getChildren().add(text);
            }
        }
        flow.setAccessibleText(plainText(flow));
    }

    private static boolean sameScripts(TextFlow flow, List<Typography.Run> runs) {
        if (flow.getChildren().size() != runs.size()) return false;
        for (int i = 0; i < runs.size(); i++) {
            if (!(flow.getChildren().get(i) instanceof Text text)) return false;
            int level = runs.get(i).level();
            if (text.getStyleClass().contains(SUB) != (level < 0) || text.getStyleClass().contains(SUPER) != (level > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The text a flow shows, without markup: what a user would read aloud. */
    public static String plainText(TextFlow flow) {
        StringBuilder sb = new StringBuilder();
        flow.getChildren().forEach(n -> {
            if (n instanceof Text t) sb.append(t.getText());
        });
        return sb.toString();
    }
}
