package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import java.awt.BasicStroke;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The drawing habits all charts share: quality hints, the background, the two-tone highlight
 * outline and arrows. Kept here so every chart marks "current" and "selected" the same way.
 */
final class Drawing {
    private Drawing() {
    }

    /**
     * The state of a Graphics2D before a chart drew on it. Charts restore it by hand rather than
     * drawing on {@code g.create()}: FXGraphics2D's copies share one JavaFX GraphicsContext, so a
     * transform set on a copy would outlive the copy's {@code dispose()}.
     */
    private record Saved(Graphics2D g, AffineTransform transform, Shape clip, Paint paint, Stroke stroke, Font font,
                 Composite composite, RenderingHints hints) {
        void restore() {
            g.setTransform(transform);
            g.setClip(clip);
            g.setPaint(paint);
            g.setStroke(stroke);
            g.setFont(font);
            g.setComposite(composite);
            g.setRenderingHints(hints);
        }
    }

    /**
     * Runs {@code body} over the theme background on (0, 0, width, height), with antialiasing on, and
     * gives {@code g} back to the caller as it was, whatever {@code body} does.
     */
    static void paint(Graphics2D g, Theme theme, double width, double height, Runnable body) {
        Saved saved = begin(g, theme, width, height);
        try {
            body.run();
        } finally {
            saved.restore();
        }
    }

    /** Runs {@code body} with antialiasing on and no background (a layer over a picture), restoring {@code g}. */
    static void paintOverlay(Graphics2D g, Runnable body) {
        Saved saved = beginOverlay(g);
        try {
            body.run();
        } finally {
            saved.restore();
        }
    }

    /** Saves {@code g}'s state, turns antialiasing on and paints the theme background over (0,0,w,h). */
    private static Saved begin(Graphics2D g, Theme theme, double width, double height) {
        Saved saved = beginOverlay(g);
        g.setPaint(theme.background());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        return saved;
    }

    /** Saves {@code g}'s state and turns antialiasing on, painting nothing: for a layer over a picture. */
    private static Saved beginOverlay(Graphics2D g) {
        Saved saved = new Saved(g, g.getTransform(), g.getClip(), g.getPaint(), g.getStroke(), g.getFont(),
                g.getComposite(), (RenderingHints) g.getRenderingHints().clone());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return saved;
    }

    /**
     * The highlight outline: a wide stroke in the text colour under a narrower one in the highlight
     * colour, so it shows on every fill of every ramp (a single colour vanishes on some cell).
     */
    static void highlight(Graphics2D g, Shape shape, Theme theme, double width) {
        g.setStroke(new BasicStroke((float) (width * 2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(theme.text());
        g.draw(shape);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(theme.highlight());
        g.draw(shape);
    }

    /** A line from (x1,y1) to (x2,y2) with a filled head of size {@code head} at the end. */
    static void arrow(Graphics2D g, double x1, double y1, double x2, double y2, double head) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        arrowHead(g, x1, y1, x2, y2, head);
    }

    /** Just the head of an arrow pointing from (x1,y1) towards (x2,y2), tip at (x2,y2). */
    static void arrowHead(Graphics2D g, double x1, double y1, double x2, double y2, double head) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x2, y2);
        tip.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
        tip.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
        tip.closePath();
        g.fill(tip);
    }

    /** A solid stroke of {@code width} px with round joins. */
    static BasicStroke stroke(double width) {
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke for secondary connections (peepholes). */
    static BasicStroke dashed(double width) {
        float w = (float) width;
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4 * w, 3 * w}, 0f);
    }

    /**
     * A value a plot's axis cannot place (∞, NaN, or 0 on a log axis): a small triangle on the plot's
     * top edge pointing down ({@code top}) or on its bottom edge pointing up, at x.
     */
    static void edgeMark(Graphics2D g, double x, double edgeY, boolean top, double size, Paint fill, Paint outline, double width) {
        Path2D.Double tri = new Path2D.Double();
        tri.moveTo(x, edgeY + (top ? size : -size));
        tri.lineTo(x - size * 0.8, edgeY + (top ? -size * 0.2 : size * 0.2));
        tri.lineTo(x + size * 0.8, edgeY + (top ? -size * 0.2 : size * 0.2));
        tri.closePath();
        g.setPaint(fill);
        g.fill(tri);
        g.setPaint(outline);
        g.setStroke(stroke(width));
        g.draw(tri);
    }
}
