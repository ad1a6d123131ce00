package io.gatescope.chart;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where {@link Heatmap} puts its parts for one size: the grid of units down and steps across with
 * the encoder–decoder divider, the unit axis on the left, the time axis's characters below (every
 * k-th when they would overlap) and the current step's badge among them, the colour bar on the
 * right. Every length is in px at the chart's font scale.
 */
final class HeatmapGeometry {
    private final int steps;
    private final int units;
    private final int encoderLength;
    private final List<String> timeLabels;
    private final Legend legend;
    private final ChartStyle style;

    HeatmapGeometry(int steps, int units, int encoderLength, List<String> timeLabels, Legend legend, ChartStyle style) {
        this.steps = steps;
        this.units = units;
        this.encoderLength = encoderLength;
        this.timeLabels = timeLabels;
        this.legend = legend;
        this.style = style;
    }

    /** The grid's geometry for one size. */
    record Layout(double left, double top, double columnWidth, double rowHeight, double divider,
                  int encoderLength, double legendLeft) {
        double x(int step) { return left + step * columnWidth + (step >= encoderLength ? divider : 0); }

        double y(int unit) { return top + unit * rowHeight; }
    }

    /** The current step's badge: its character with a margin, under its column, kept within the grid's width. */
    Rectangle2D badgeBounds(Layout l, int t) {
        Font font = style.boldFont();
        double w = Typography.width(timeLabels.get(t), font) + style.px(10), h = Typography.lineHeight(font) + style.px(2);
        double gridRight = l.x(steps - 1) + l.columnWidth();
        double cx = Math.max(l.left() + w / 2, Math.min(gridRight - w / 2, l.x(t) + l.columnWidth() / 2));
        double cy = l.y(units) + style.px(6) + Typography.lineHeight(style.bodyFont()) / 2;
        return new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
    }

    /** Where step {@code n}'s character is printed on the time axis (with a pixel of margin). */
    Rectangle2D labelBounds(Layout l, int n) {
        double w = Typography.width(timeLabels.get(n), style.bodyFont()) + 2, h = Typography.lineHeight(style.bodyFont());
        double cx = l.x(n) + l.columnWidth() / 2, top = l.y(units) + style.px(6) - style.px(1);
        return new Rectangle2D.Double(cx - w / 2, top, w, h + style.px(2));
    }

    /** Every how many columns the time axis prints its character (1 when they all fit). */
    int timeEvery(Layout l) {
        return labelEvery((widestLabel() + style.px(4)) / l.columnWidth());
    }

    private double widestLabel() {
        double widest = 0;
        for (String s : timeLabels) widest = Math.max(widest, Typography.width(s, style.bodyFont()));
        return widest;
    }

    Layout layout(double width, double height) {
        double left = pad() + axisWidth();
        double top = headerHeight();
        double legendW = legend.preferredSize().width();
        double gridW = Math.max(steps, width - left - legendGap() - legendW - pad() - dividerWidth());
        double gridH = Math.max(units, height - top - footerHeight() - pad());
        double columnWidth = gridW / steps;
        double rowHeight = gridH / Math.max(1, units);
        double legendLeft = left + columnWidth * steps + dividerWidth() + legendGap();
        return new Layout(left, top, columnWidth, rowHeight, dividerWidth(), encoderLength, legendLeft);
    }

    /** Label every k-th row or column, with k from 1, 2, 5, 10, 20, 50 ... so labels never overlap. */
    static int labelEvery(double needed) {
        int k = 1;
        int[] steps = {1, 2, 5};
        for (int decade = 1; ; decade *= 10) {
            for (int s : steps) {
                k = s * decade;
                if (k >= needed) return k;
            }
        }
    }

    private boolean hasDecoder() { return encoderLength > 0 && encoderLength < steps; }

    double dividerWidth() { return hasDecoder() ? style.px(10) : 0; }

    double axisWidth() {
        return Math.max(Typography.width(Integer.toString(Math.max(0, units - 1)), style.smallFont()),
                Typography.width("unit", style.smallFont())) + style.px(16);
    }

    double headerHeight() {
        return pad() + Typography.lineHeight(style.titleFont()) + Typography.lineHeight(style.smallFont()) + style.px(6);
    }

    double footerHeight() { return Typography.lineHeight(style.bodyFont()) + style.px(10); }

    double legendGap() { return style.px(14); }

    double pad() { return style.px(8); }
}
