package io.gatescope.ui.controls;

import io.gatescope.chart.Typography;
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

    /** Replaces {@code flow}'s children by {@code rich}'s runs. */
    public static void fill(TextFlow flow, String rich) {
        flow.getChildren().clear();
        for (Typography.Run run : Typography.parse(rich)) {
            Text text = new Text(run.text());
            text.getStyleClass().add(RUN);
            if (run.level() < 0) text.getStyleClass().add(SUB);
            if (run.level() > 0) text.getStyleClass().add(SUPER);
            flow.getChildren().add(text);
        }
        flow.setAccessibleText(plainText(flow));
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
