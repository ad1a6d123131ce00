package io.gatescope.ui.canvas;

import io.gatescope.ui.controls.RichText;
import java.util.ArrayList;
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
 * the screen, never over the element itself and, where the chart names them, not over its neighbours
 * (the other boxes of the cell diagram) when a side with room allows.
 *
 * <p>Not a {@code Tooltip}: a tooltip places itself under the pointer and measures a wrapping
 * {@link TextFlow} at whatever width it is offered, which came out as a 1,700 px column at the top of
 * the screen. Here the text's width is measured unwrapped, capped at a reading width, and the
 * height follows from that width; the position is chosen from four sides of the element (right,
 * left, below, above), each level with the pointer or flush with either end of the element, for the
 * one on the screen that covers the least of the neighbours.
 *
 * <p>Not ControlsFX's {@code PopOver} either (tried for issue 13): its {@code show(owner, x, y)}
 * places the window from the content's size before the content is laid out (the arrow missed its
 * target by the balloon's height), and its window carries a transparent margin for the shadow and
 * the arrow that lay over a 12 px strip unit, so the chart lost the pointer and the popover closed
 * as it opened.
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
    public void show(Node owner, String rich, Bounds element, List<Bounds> neighbours, double pointerX, double pointerY) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null) return;
        Parent look = owner.getScene().getRoot();
        // Set again on every showing, not only when they differ: JavaFX drops a hidden window's cached styles,
        // so applyCss below would style the new runs against ancestors whose styles are gone ("Could not
        // resolve '-color-fg-default'" from the second hover on); new sheets restyle the whole popup.
        if (!popup.isShowing() || !root.getStylesheets().equals(look.getStylesheets())) root.getStylesheets().setAll(look.getStylesheets());
        Object px = look.getProperties().get(CHART_FONT_PX);
        root.setStyle(px instanceof Number n ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", n.doubleValue()) : look.getStyle());
        RichText.fill(text, rich);
        root.setPrefWidth(USE_COMPUTED);
        root.applyCss();
        double em = text.getChildren().isEmpty() ? 14 : fontSize();
        Rectangle2D screen = screenAt(pointerX, pointerY);
        double maxWidth = Math.min(MAX_WIDTH_EM * em, screen.getWidth() * 0.5);
        double width = Math.ceil(Math.min(root.prefWidth(-1), maxWidth));
        double height = Math.ceil(root.prefHeight(width));
        if (root.prefWidth(-1) > maxWidth) width = narrowest(width, height);
        root.setPrefWidth(width);
        root.resize(width, height);
        Bounds at = place(element, neighbours, pointerX, pointerY, width, height, screen);
        if (popup.isShowing()) {
            popup.setX(at.getMinX());
            popup.setY(at.getMinY());
        } else {
            popup.show(owner.getScene().getWindow(), at.getMinX(), at.getMinY());
        }
    }

    /**
     * The narrowest width, to the pixel, at which the text wraps into no more than {@code height}:
     * a wrapped text fills its lines only as far as its longest one, and a popup as wide as the cap
     * would carry a blank column beside it (at presenter sizes 640 px for a 470 px text).
     */
    private double narrowest(double width, double height) {
        double fits = width, tooNarrow = width / 2;
        while (fits - tooNarrow > 1) {
            double mid = (fits + tooNarrow) / 2;
            if (Math.ceil(root.prefHeight(mid)) <= height) fits = mid;
            else tooNarrow = mid;
        }
        return Math.ceil(fits);
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
     * Where a popup of {@code width}×{@code height} goes: right of the element, left, below, above,
     * each level with the pointer or flush with either end of the element; of those on the screen,
     * the one over the least area of {@code neighbours}, the earlier on a tie. If none fits (a text
     * taller than the screen), the side with the most room, kept inside the screen.
     */
    static Bounds place(Bounds element, List<Bounds> neighbours, double pointerX, double pointerY, double width,
                        double height, Rectangle2D screen) {
        double right = element.getMaxX() + GAP, left = element.getMinX() - GAP - width;
        double below = element.getMaxY() + GAP, above = element.getMinY() - GAP - height;
        double[] ys = {pointerY - height / 2, element.getMinY(), element.getMaxY() - height};
        double[] xs = {pointerX - width / 2, element.getMinX(), element.getMaxX() - width};
        List<Bounds> sides = new ArrayList<>();
        for (double y : ys) sides.add(new BoundingBox(right, y, width, height));
        for (double y : ys) sides.add(new BoundingBox(left, y, width, height));
        for (double x : xs) sides.add(new BoundingBox(x, below, width, height));
        for (double x : xs) sides.add(new BoundingBox(x, above, width, height));
        Bounds best = null;
        double least = Double.POSITIVE_INFINITY;
        for (Bounds b : sides) {
            if (!inside(b, screen)) continue;
            double covered = 0;
            for (Bounds n : neighbours) covered += overlap(b, n);
            if (covered < least - 0.5) {
                least = covered;
                best = b;
            }
        }
        if (best != null) return best;
        double roomRight = screen.getMaxX() - element.getMaxX(), roomLeft = element.getMinX() - screen.getMinX();
        double fx = roomRight >= roomLeft ? Math.min(right, screen.getMaxX() - width) : Math.max(screen.getMinX(), left);
        return new BoundingBox(fx, clamp(pointerY - height / 2, screen.getMinY(), screen.getMaxY() - height), width, height);
    }

    private static boolean inside(Bounds b, Rectangle2D screen) {
        return b.getMinX() >= screen.getMinX() && b.getMaxX() <= screen.getMaxX()
                && b.getMinY() >= screen.getMinY() && b.getMaxY() <= screen.getMaxY();
    }

    private static double overlap(Bounds a, Bounds b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
