package io.gatescope.ui.controls;

import io.gatescope.chart.Typography;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Group;
import javafx.scene.Node;
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
     * Shows {@code rich}'s runs in {@code flow}. A number ({@code −0.992}) is one unbreakable piece,
     * held in its own {@link Group}: a TextFlow wraps with {@link java.text.BreakIterator}, which
     * breaks after "−0." or "·0.", and a reader would then see "= −0." on one line and "992" on
     * the next. When the pieces have the same shape as the flow's (a new step's numbers in the same
     * equation) the texts are reused: a new Text costs a CSS pass, and scrubbing refills every unit
     * equation on every step.
     */
    public static void fill(TextFlow flow, String rich) {
        List<Piece> pieces = pieces(rich);
        if (sameShape(flow, pieces)) {
            for (int i = 0; i < pieces.size(); i++) textOf(flow.getChildren().get(i)).setText(pieces.get(i).text());
        } else {
            flow.getChildren().clear();
            for (Piece piece : pieces) {
                Text text = new Text(piece.text());
                text.getStyleClass().add(RUN);
                if (piece.level() < 0) text.getStyleClass().add(SUB);
                if (piece.level() > 0) text.getStyleClass().add(SUPER);
                if (piece.number()) {
                    text.getStyleClass().add(NUMBER);
                    text.setTextOrigin(javafx.geometry.VPos.TOP);   // the group's top is the line's top; its baseline the text's
                    flow.getChildren().add(new Group(text));
                } else {
                    flow.getChildren().add(text);
                }
            }
        }
        flow.setAccessibleText(plainText(flow));
    }

    /** Style class of a number's text, which a line never breaks inside. */
    public static final String NUMBER = "rich-number";

    /** Matches a number as the equations print it: an optional minus (true or ASCII), digits, decimals. */
    private static final Pattern NUMBER_PATTERN = Pattern.compile("[−-]?\\d+(?:\\.\\d+)?(?:[eE][−+-]?\\d+)?");

    private record Piece(String text, int level, boolean number) {
    }

    private static List<Piece> pieces(String rich) {
        List<Piece> out = new ArrayList<>();
        for (Typography.Run run : Typography.parse(rich)) {
            Matcher m = NUMBER_PATTERN.matcher(run.text());
            int at = 0;
            while (m.find()) {
                if (m.start() > at) out.add(new Piece(run.text().substring(at, m.start()), run.level(), false));
                out.add(new Piece(m.group(), run.level(), run.level() == 0));
                at = m.end();
            }
            if (at < run.text().length()) out.add(new Piece(run.text().substring(at), run.level(), false));
        }
        return out;
    }

    private static Text textOf(Node node) {
        return node instanceof Group g ? (Text) g.getChildren().get(0) : (Text) node;
    }

    private static boolean sameShape(TextFlow flow, List<Piece> pieces) {
        if (flow.getChildren().size() != pieces.size()) return false;
        for (int i = 0; i < pieces.size(); i++) {
            Node node = flow.getChildren().get(i);
            Piece piece = pieces.get(i);
            boolean grouped = node instanceof Group g && g.getChildren().size() == 1 && g.getChildren().get(0) instanceof Text;
            if (grouped != piece.number() || !(grouped || node instanceof Text)) return false;
            Text text = textOf(node);
            int level = piece.level();
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
            if (n instanceof Group g) g.getChildren().forEach(c -> {
                if (c instanceof Text t) sb.append(t.getText());
            });
        });
        return sb.toString();
    }
}
