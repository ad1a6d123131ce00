package io.gatescope.ui.canvas;

import io.gatescope.ui.controls.RichText;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextFlow;
import javafx.stage.Popup;
import javafx.stage.Screen;

/**
 * The exact-value popup of the charts: placed beside the hovered element, sized to its text, inside
 * the screen, never over the element itself.
 *
 * <p>Not a {@code Tooltip}: a tooltip places itself under the pointer and measures a wrapping
 * {@link TextFlow} at whatever width it is offered, which came out as a 1,700 px column at the top of
 * the screen. Here the text's width is measured unwrapped, capped at a reading width, and the
 * height follows from that width; the position is chosen from four sides of the element (right,
 * left, below, above) for the first that fits on the screen.
 */
public final class HoverPopup {
    public static final String STYLE_CLASS = "hover-popup";
    /** Space between the element and the popup, in px. */
    static final double GAP = 10;
    /** The widest a line may run before the text wraps, in em: about 60 characters. */
    private static final double MAX_WIDTH_EM = 34;

    /**
     * Key of the owner scene root's {@code getProperties()} entry giving the charts' text size in px:
     * the popup speaks for the charts, so in presenter mode it is as large as their text, not the controls'.
     */
    public static final String CHART_FONT_PX = "gatescope.chartFontPx";

    private final Popup popup = new Popup();
    private final StackPane root = new StackPane();
    private final TextFlow text = new TextFlow();

    public HoverPopup() {
        root.getStyleClass().addAll("root", STYLE_CLASS);
        root.getChildren().add(text);
        root.setMouseTransparent(true);
        popup.getContent().add(root);
        popup.setAutoFix(false);           // placed here, on the screen, never over the element
        popup.setAutoHide(false);
        // A popup takes its owner's keys while it shows: Esc must stay the window's (it clears the unit).
        popup.setHideOnEscape(false);
        popup.setConsumeAutoHidingEvents(false);
    }

    /** The popup window (tests read its position and size). */
    public Popup window() { return popup; }

    public TextFlow text() { return text; }

    public boolean isShowing() { return popup.isShowing(); }

    public void hide() { popup.hide(); }

    /**
     * Shows {@code rich} beside {@code element} (screen coordinates), near {@code pointerY}/{@code
     * pointerX}, in the look of {@code owner}'s window (its stylesheets and text size).
     */
    public void show(Node owner, String rich, Bounds element, double pointerX, double pointerY) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null) return;
        Parent look = owner.getScene().getRoot();
        if (!root.getStylesheets().equals(look.getStylesheets())) root.getStylesheets().setAll(look.getStylesheets());
        Object px = look.getProperties().get(CHART_FONT_PX);
        root.setStyle(px instanceof Number n ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", n.doubleValue()) : look.getStyle());
        RichText.fill(text, rich);
        root.setPrefWidth(USE_COMPUTED);
        root.applyCss();
        double em = text.getChildren().isEmpty() ? 14 : fontSize();
        Rectangle2D screen = screenAt(pointerX, pointerY);
        double maxWidth = Math.min(MAX_WIDTH_EM * em, screen.getWidth() * 0.5);
        double width = Math.ceil(Math.min(root.prefWidth(-1), maxWidth));
        root.setPrefWidth(width);
        double height = Math.ceil(root.prefHeight(width));
        root.resize(width, height);
        Bounds at = place(element, pointerX, pointerY, width, height, screen);
        if (popup.isShowing()) {
            popup.setX(at.getMinX());
            popup.setY(at.getMinY());
        } else {
            popup.show(owner.getScene().getWindow(), at.getMinX(), at.getMinY());
        }
    }

    private double fontSize() {
        Node first = text.getChildren().get(0);
        if (first instanceof Parent p && !p.getChildrenUnmodifiable().isEmpty()) first = p.getChildrenUnmodifiable().get(0);
        return first instanceof javafx.scene.text.Text t ? t.getFont().getSize() : 14;
    }

    private static final double USE_COMPUTED = javafx.scene.layout.Region.USE_COMPUTED_SIZE;

    private static Rectangle2D screenAt(double x, double y) {
        List<Screen> screens = Screen.getScreensForRectangle(x, y, 1, 1);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /**
     * Where a popup of {@code width}×{@code height} goes: to the right of the element, else left, below,
     * above, whichever fits on the screen first, level with the pointer; if none fits (a text taller
     * than the screen), the side with the most room, kept inside the screen.
     */
    static Bounds place(Bounds element, double pointerX, double pointerY, double width, double height, Rectangle2D screen) {
        double y = clamp(pointerY - height / 2, screen.getMinY(), screen.getMaxY() - height);
        double x = clamp(pointerX - width / 2, screen.getMinX(), screen.getMaxX() - width);
        Bounds[] sides = {
            new BoundingBox(element.getMaxX() + GAP, y, width, height),
            new BoundingBox(element.getMinX() - GAP - width, y, width, height),
            new BoundingBox(x, element.getMaxY() + GAP, width, height),
            new BoundingBox(x, element.getMinY() - GAP - height, width, height),
        };
        for (Bounds b : sides) {
            if (b.getMinX() >= screen.getMinX() && b.getMaxX() <= screen.getMaxX()
                    && b.getMinY() >= screen.getMinY() && b.getMaxY() <= screen.getMaxY()) return b;
        }
        double right = screen.getMaxX() - element.getMaxX(), left = element.getMinX() - screen.getMinX();
        double fx = right >= left ? Math.min(element.getMaxX() + GAP, screen.getMaxX() - width) : Math.max(screen.getMinX(), element.getMinX() - GAP - width);
        return new BoundingBox(fx, clamp(pointerY - height / 2, screen.getMinY(), screen.getMaxY() - height), width, height);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
