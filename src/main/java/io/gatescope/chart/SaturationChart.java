package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * Gate saturation as Karpathy, Johnson and Fei-Fei (2015) plot it: one small square plot per gate, one
 * dot per unit at (fraction of steps the gate was shut, below 0.1; fraction it was open, above 0.9).
 * Units saturated one way at least {@link #ALWAYS} of the time are drawn large in their own colour: a
 * forget gate that is always open is a long-term memory cell. The selected unit is ringed in every plot.
 */
public final class SaturationChart implements Chart {
    /** Saturated one way this often counts as "always". */
    public static final double ALWAYS = 0.95;
    /** Okabe–Ito blue and vermilion: told apart by every common colour vision. */
    public static final Color OPEN = new Color(0x0072B2);
    public static final Color SHUT = new Color(0xD55E00);
    private static final double PLOT = 220;

    /** One gate's dots. */
    public record Panel(String title, double[] left, double[] right) {
        public Panel {
            if (left.length != right.length) throw new IllegalArgumentException("one left and one right fraction per unit");
            left = left.clone();
            right = right.clone();
        }
    }

    private final String title;
    private final List<Panel> panels;
    private final ChartStyle style;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);

    public SaturationChart(String title, List<Panel> panels, ChartStyle style) {
        if (panels.isEmpty()) throw new IllegalArgumentException("a saturation chart needs at least one gate");
        this.title = title;
        this.panels = List.copyOf(panels);
        this.style = style;
    }

    /** The heading drawn above the scatters: which cell, stack and inputs (and a what-if run) they count. */
    public String title() { return title; }

    @Override
    public Size preferredSize() {
        double w = pad() + panels.size() * (axisLeft() + style.px(PLOT) + pad());
        return new Size(Math.max(w, Typography.width(title, style.titleFont()) + 2 * pad()),
                top() + style.px(PLOT) + axisBottom() + legendHeight() + pad());
    }

    @Override
    public Size minimumSize() {
        Size p = preferredSize();
        return new Size(p.width() * 0.6, p.height() * 0.6);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
            g.setPaint(theme.text());
            Typography.drawMiddle(g, title, style.titleFont(), pad(), pad() + Typography.lineHeight(style.titleFont()) / 2, Align.LEFT);
            for (int p = 0; p < panels.size(); p++) paintPanel(g, p, plot(p, width, height), theme);
            paintLegend(g, theme, height);
        });
    }

    /** The unit whose dot is under (x, y) in the last drawn size, or −1. */
    public int unitAt(double x, double y) {
        double best = style.px(8);
        int unit = -1;
        for (int p = 0; p < panels.size(); p++) {
            Rectangle2D r = plot(p, drawn.width(), drawn.height());
            Panel panel = panels.get(p);
            for (int u = 0; u < panel.left().length; u++) {
                double d = Math.hypot(x - dotX(r, panel.left()[u]), y - dotY(r, panel.right()[u]));
                if (d < best) {
                    best = d;
                    unit = u;
                }
            }
        }
        return unit;
    }

    /** Where unit {@code unit}'s dot of panel {@code panel} sits in the last drawn size. */
    public java.awt.geom.Point2D dot(int panel, int unit) {
        Rectangle2D r = plot(panel, drawn.width(), drawn.height());
        return new java.awt.geom.Point2D.Double(dotX(r, panels.get(panel).left()[unit]), dotY(r, panels.get(panel).right()[unit]));
    }

    private void paintPanel(Graphics2D g, int p, Rectangle2D r, Theme theme) {
        Panel panel = panels.get(p);
        g.setPaint(theme.panel());
        g.fill(r);
        g.setStroke(Drawing.stroke(1));
        g.setPaint(theme.grid());
        for (double v : new double[] {0, 0.5, 1}) {
            g.draw(new Line2D.Double(dotX(r, v), r.getMinY(), dotX(r, v), r.getMaxY()));
            g.draw(new Line2D.Double(r.getMinX(), dotY(r, v), r.getMaxX(), dotY(r, v)));
        }
        // The diagonal x + y = 1: a unit on it is never in between, always saturated one way or the other.
        g.draw(new Line2D.Double(dotX(r, 0), dotY(r, 1), dotX(r, 1), dotY(r, 0)));
        g.setPaint(theme.text());
        Typography.drawMiddle(g, panel.title(), style.boldFont(), r.getCenterX(), r.getMinY() - style.px(12), Align.CENTRE);
        g.setPaint(theme.mutedText());
        for (double v : new double[] {0, 0.5, 1}) {
            String label = String.format(Locale.ROOT, "%.1f", v);
            Typography.draw(g, label, style.smallFont(), dotX(r, v), r.getMaxY() + Typography.lineHeight(style.smallFont()), Align.CENTRE);
            Typography.drawMiddle(g, label, style.smallFont(), r.getMinX() - style.px(4), dotY(r, v), Align.RIGHT);
        }
        Typography.draw(g, "shut (< 0.1) →", style.smallFont(), r.getCenterX(), r.getMaxY() + 2 * Typography.lineHeight(style.smallFont()), Align.CENTRE);
        Typography.draw(g, "↑ open (> 0.9)", style.smallFont(), r.getMinX(), r.getMinY() - style.px(10), Align.LEFT);
        double radius = style.px(3.5);
        for (int u = 0; u < panel.left().length; u++) {
            double l = panel.left()[u], o = panel.right()[u];
            Color colour = o >= ALWAYS ? OPEN : l >= ALWAYS ? SHUT : theme.wire();
            double rr = colour == theme.wire() ? radius : radius * 1.5;
            g.setPaint(colour);
            g.fill(new Ellipse2D.Double(dotX(r, l) - rr, dotY(r, o) - rr, 2 * rr, 2 * rr));
        }
        int sel = style.selectedUnit();
        if (style.hasSelectedUnit() && sel < panel.left().length) {
            double rr = radius * 2.6, x = dotX(r, panel.left()[sel]), y = dotY(r, panel.right()[sel]);
            Drawing.highlight(g, new Ellipse2D.Double(x - rr, y - rr, 2 * rr, 2 * rr), theme, style.px(2));
            g.setPaint(theme.text());
            Typography.draw(g, "#" + sel, style.smallFont(), x + rr + style.px(2), y - rr, Align.LEFT);
        }
    }

    private void paintLegend(Graphics2D g, Theme theme, double height) {
        double y = height - pad() - legendHeight() / 2, x = pad(), r = style.px(5);
        Object[][] items = {{OPEN, "always open (> 0.9 in ≥ 95 % of steps)"}, {SHUT, "always shut (< 0.1 in ≥ 95 %)"},
            {theme.wire(), "other units"}};
        for (Object[] item : items) {
            g.setPaint((Color) item[0]);
            g.fill(new Ellipse2D.Double(x, y - r, 2 * r, 2 * r));
            g.setPaint(theme.text());
            Typography.drawMiddle(g, (String) item[1], style.smallFont(), x + 3 * r, y, Align.LEFT);
            x += 3 * r + Typography.width((String) item[1], style.smallFont()) + style.px(18);
        }
    }

    /** Plot {@code p}'s square, as large as the size allows. */
    private Rectangle2D plot(int p, double width, double height) {
        double availableW = (width - pad()) / panels.size() - axisLeft() - pad();
        double availableH = height - top() - axisBottom() - legendHeight() - pad();
        double side = Math.max(10, Math.min(availableW, availableH));
        double x = pad() + p * (width - pad()) / panels.size() + axisLeft();
        return new Rectangle2D.Double(x, top(), side, side);
    }

    private static double dotX(Rectangle2D r, double left) { return r.getMinX() + left * r.getWidth(); }

    private static double dotY(Rectangle2D r, double right) { return r.getMaxY() - right * r.getHeight(); }

    private double top() {
        return pad() + Typography.lineHeight(style.titleFont()) + Typography.lineHeight(style.boldFont()) + style.px(20);
    }

    private double axisLeft() { return Typography.width("0.5", style.smallFont()) + style.px(8); }

    private double axisBottom() { return 2 * Typography.lineHeight(style.smallFont()) + style.px(8); }

    private double legendHeight() { return Typography.lineHeight(style.smallFont()) + style.px(8); }

    private double pad() { return style.px(12); }
}
