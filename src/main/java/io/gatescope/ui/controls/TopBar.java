package io.gatescope.ui.controls;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar on top: the model picker, which takes the width left over, and the view options on the
 * right. When the text is so large that not everything fits, the optional words leave, least
 * useful first (the zoom read-out, then the captions), so the controls keep their size and the
 * model picker keeps room for its name; whatever is shown is shown whole.
 */
public final class TopBar extends HBox {
    public static final String STYLE_CLASS = "top-bar";

    private final List<Node> optional;

    /** @param optionalInOrder nodes that may leave, the first to go first */
    public TopBar(Node left, Node right, List<Node> optionalInOrder) {
        super(left, right);
        this.optional = List.copyOf(optionalInOrder);
        // A ToolBar would never shrink its items and would hide whatever does not fit.
        getStyleClass().addAll("tool-bar", STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        HBox.setHgrow(left, Priority.ALWAYS);
    }

    @Override
    protected void layoutChildren() {
        fit(getWidth());
        super.layoutChildren();
    }

    /** Shows every optional node that fits in {@code width}, dropping them in order until the rest does. */
    private void fit(double width) {
        if (width <= 0) return;
        for (Node n : optional) show(n, true);
        for (Node n : optional) {
            if (prefWidth(-1) <= width) break;
            show(n, false);
        }
    }

    private static void show(Node n, boolean shown) {
        if (n.isManaged() != shown) n.setManaged(shown);
        if (n.isVisible() != shown) n.setVisible(shown);
    }
}
