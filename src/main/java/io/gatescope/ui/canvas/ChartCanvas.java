package io.gatescope.ui.canvas;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartExport;
import io.gatescope.chart.LayeredChart;
import io.gatescope.ui.controls.RichText;
import java.awt.geom.AffineTransform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;

/**
 * Shows one chart from the chart package on a JavaFX canvas through FXGraphics2D: the very drawing
 * code that exports to PNG, SVG and PDF, never a second copy in JavaFX shapes.
 *
 * <p>The canvas fills the region. {@link #invalidate()} asks for a redraw on the next pulse (many
 * invalidations, one redraw). Hover and click are answered by the panel from the last drawn chart's
 * hit tests, in the same coordinates the chart drew in. A {@link LayeredChart}'s base can be kept
 * as an image ({@link #setCachedBase}), so that moving the cursor repaints only the overlay.
 */
public final class ChartCanvas extends Region {
    public static final String STYLE_CLASS = "chart-canvas";

    private final Canvas canvas = new Canvas();
    private final FXGraphics2D graphics = new FXGraphics2D(canvas.getGraphicsContext2D());
    private final Supplier<Chart> factory;
    private final HoverPopup popup = new HoverPopup();
    private final ReadOnlyIntegerWrapper redraws = new ReadOnlyIntegerWrapper(this, "redraws");
    private final ReadOnlyIntegerWrapper baseRenders = new ReadOnlyIntegerWrapper(this, "baseRenders");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private BiFunction<Chart, Point2D, String> hover;
    private BiFunction<Chart, Point2D, java.awt.geom.Rectangle2D> hoverArea;
    private java.util.function.Function<Chart, java.util.List<java.awt.geom.Rectangle2D>> neighbours = c -> java.util.List.of();
    private BiConsumer<Chart, Point2D> click;
    private Chart chart;
    private Supplier<Object> baseKey;
    private BaseKey cachedKey;
    private WritableImage baseImage;
    private boolean shrinkToFit;
    private double drawScale = 1;

    /** What a cached base image was rendered from: the panel's key for the data and look, and the size. */
    private record BaseKey(Object data, double width, double height, double scale) {
    }

    /** @param factory builds the chart to draw from the current data and style; null draws nothing */
    public ChartCanvas(Supplier<Chart> factory) {
        this.factory = factory;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        canvas.setManaged(false);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideTooltip());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && click != null && chart != null) {
                click.accept(chart, inChart(e.getX(), e.getY()));
            }
        });
    }

    /**
     * Answers hovering with a rich-text popup beside the pointer ({@code null} for nothing under the
     * mouse): the exact value, what it is, and its equation with the numbers filled in.
     */
    public void setOnHover(BiFunction<Chart, Point2D, String> hover) { this.hover = hover; }

    /**
     * Says where the hovered element is, in chart coordinates, so the popup opens beside it and never
     * over it. Without it the popup keeps clear of a small square around the pointer.
     */
    public void setHoverArea(BiFunction<Chart, Point2D, java.awt.geom.Rectangle2D> area) { this.hoverArea = area; }

    /**
     * Says which other elements (chart coordinates) the popup should keep off where a side with room
     * allows: the cell diagram's boxes, so a gate's value does not hide the gate beside it.
     */
    public void setHoverNeighbours(java.util.function.Function<Chart, java.util.List<java.awt.geom.Rectangle2D>> neighbours) {
        this.neighbours = neighbours;
    }

    /** The hover popup (tests read where it shows and what it says). */
    public HoverPopup hoverPopup() { return popup; }

    /** Runs on a primary click with the position in chart coordinates. */
    public void setOnChartClick(BiConsumer<Chart, Point2D> click) { this.click = click; }

    /**
     * Keeps the base of a {@link LayeredChart} as an image while {@code key} (what the base depends
     * on besides the size: trace, layer, quantity, look) and the canvas size stay the same; a redraw
     * then paints that image and the chart's overlay on it. The base is rendered through Java2D, the
     * PNG export's path, which also keeps tens of thousands of cells out of the JavaFX renderer.
     */
    public void setCachedBase(Supplier<Object> key) { this.baseKey = key; }

    /**
     * Draws the chart scaled down uniformly when the canvas is smaller than the chart's minimum
     * size (its preferred size, unless it can rearrange itself), instead of letting the chart clip:
     * in presenter mode the whole cell stays in view, a little smaller, rather than losing its bottom half.
     */
    public void setShrinkToFit(boolean shrink) { this.shrinkToFit = shrink; }

    /** Counts redraws; tests wait on it, and it proves coalescing. */
    public ReadOnlyIntegerProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    /** The tooltip's text without markup, or empty when none shows. */
    public ReadOnlyStringProperty hoverTextProperty() { return hoverText.getReadOnlyProperty(); }

    /** Counts renders of a cached base (see {@link #setCachedBase}); tests prove the cache with it. */
    public ReadOnlyIntegerProperty baseRendersProperty() { return baseRenders.getReadOnlyProperty(); }

    /** The chart drawn last, or null before the first draw. */
    public Chart chart() { return chart; }

    /** Redraws on the next pulse. */
    public void invalidate() {
        RedrawPulse.request(this);
    }

    void redrawNow() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w < 1 || h < 1) return;
        chart = factory.get();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        drawScale = chart != null && shrinkToFit ? fitScale(chart, w, h) : 1;
        double lw = w / drawScale, lh = h / drawScale;     // the size the chart lays itself out in
        if (chart != null) {
            boolean cached = chart instanceof LayeredChart && baseKey != null;
            if (cached) gc.drawImage(cachedBase((LayeredChart) chart, lw, lh), 0, 0, w, h);
            AffineTransform saved = graphics.getTransform();
            graphics.scale(drawScale, drawScale);
            if (cached) ((LayeredChart) chart).drawOverlay(graphics, lw, lh);
            else chart.draw(graphics, lw, lh);
            graphics.setTransform(saved);
        }
        redraws.set(redraws.get() + 1);
        if (popup.isShowing() && pointer != null) hoverAt(pointer[0], pointer[1], pointer[2], pointer[3]);
    }

    /** The base image for this key and size, rendered only when either changed, at the screen's pixel density. */
    private WritableImage cachedBase(LayeredChart layered, double lw, double lh) {
        double scale = (getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1)
                * drawScale;
        BaseKey key = new BaseKey(baseKey.get(), lw, lh, scale);
        if (!key.equals(cachedKey)) {
            // A new image rather than new pixels in the old one: the renderer may still be showing the old one.
            baseImage = SwingFXUtils.toFXImage(ChartExport.image(layered.base(), lw, lh, scale), null);
            cachedKey = key;
            baseRenders.set(baseRenders.get() + 1);
        }
        return baseImage;
    }

    private static double fitScale(Chart chart, double w, double h) {
        Chart.Size minimum = chart.minimumSize();
        return Math.min(1, Math.min(w / minimum.width(), h / minimum.height()));
    }

    /** Where a point of the last drawn chart (e.g. a hit-test rectangle's centre) is on this canvas. */
    public Point2D chartToLocal(double x, double y) {
        return new Point2D(x * drawScale, y * drawScale);
    }

    /** A mouse position in the coordinates the chart was drawn in. */
    private Point2D inChart(double x, double y) {
        return new Point2D(x / drawScale, y / drawScale);
    }

    @Override protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            invalidate();
        }
    }

    /** Where the pointer was last seen over the canvas: local x, y and screen x, y. */
    private double[] pointer;

    private void onMove(MouseEvent e) {
        pointer = new double[] {e.getX(), e.getY(), e.getScreenX(), e.getScreenY()};
        hoverAt(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
    }

    /** Answers the pointer at these places; a redraw calls it again, so the popup never shows an old step. */
    private void hoverAt(double x, double y, double screenX, double screenY) {
        Point2D p = inChart(x, y);
        String rich = hover == null || chart == null ? null : hover.apply(chart, p);
        setCursor(rich == null ? Cursor.DEFAULT : Cursor.HAND);
        if (rich == null) {
            hideTooltip();
            return;
        }
        java.awt.geom.Rectangle2D area = hoverArea == null ? null : hoverArea.apply(chart, p);
        Bounds element = area == null
                ? new BoundingBox(screenX - POINTER_CLEARANCE, screenY - POINTER_CLEARANCE, 2 * POINTER_CLEARANCE, 2 * POINTER_CLEARANCE)
                : onScreen(area);
        java.util.List<Bounds> others = new java.util.ArrayList<>();
        for (java.awt.geom.Rectangle2D r : neighbours.apply(chart)) others.add(onScreen(r));
        popup.show(this, rich, element, others, screenX, screenY);
        hoverText.set(RichText.plainText(popup.text()));
    }

    private Bounds onScreen(java.awt.geom.Rectangle2D r) {
        return localToScreen(new BoundingBox(r.getX() * drawScale, r.getY() * drawScale, r.getWidth() * drawScale, r.getHeight() * drawScale));
    }

    /** Half the side of the square around the pointer a popup keeps clear of when the element's bounds are not known. */
    private static final double POINTER_CLEARANCE = 12;

    private void hideTooltip() {
        pointer = null;
        hoverText.set("");
        popup.hide();
    }
}
