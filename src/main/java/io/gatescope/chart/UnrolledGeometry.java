package io.gatescope.chart;

/**
 * Where {@link UnrolledView} puts the network unrolled in time (Goodfellow, Bengio & Courville's
 * "unfolded computational graph"): the row of step cells, the gaps the recurrent arrows cross, the
 * "repeat" bridge between encoder and decoder, the characters above and below, and for the one-line
 * strip the section names "encoder" and "decoder" at either end of the row. Every length is in px
 * at the chart's font scale, so the drawing keeps its proportions at presenter sizes.
 */
final class UnrolledGeometry {
    /** Cells and gaps may narrow this far to show every step; below it a window of steps is shown instead. */
    static final double LEGIBLE_SHRINK = 0.75;
    /** The fewest steps a window shows at the minimum size. */
    private static final int MIN_WINDOW = 5;
    /** The strip's margin above and below its boxes: every pixel of its height is taken from the cell diagram. */
    private static final double STRIP_PAD = 4;
    /** Between a section name and the strip's first or last box. */
    private static final double LABEL_GAP = 10;

    private final TimeAxis axis;
    private final ChartStyle style;
    private final boolean strip;

    UnrolledGeometry(TimeAxis axis, ChartStyle style, boolean strip) {
        this.axis = axis;
        this.style = style;
        this.strip = strip;
    }

    /**
     * Positions of the row of cells for one size; steps outside {@code window} are not drawn.
     * {@code labelled}: the strip has room for "encoder" and "decoder" beside its row.
     */
    record Layout(StepWindow window, double left, double cellW, double gap, double bridge, double cellTop,
                  double cellH, int encoderLength, double outputY, double inputY, boolean labelled) {
        double x(int step) {
            return left + (step - window.first()) * (cellW + gap) + (step >= encoderLength && bridgeShown() ? bridge : 0);
        }

        /** Whether the "repeat" bridge between the encoder's last step and the decoder's first is in view. */
        boolean bridgeShown() { return window.first() < encoderLength && window.last() > encoderLength; }

        double bridgeX() { return x(encoderLength - 1) + cellW + gap; }

        /** Where the marker of the hidden earlier steps ends. */
        double rowStart() { return x(window.first()) - gap / 2; }

        /** Where the marker of the hidden later steps begins. */
        double rowEnd() { return x(window.last() - 1) + cellW + gap / 2; }
    }

    /** Every step at full size, the strip's section names beside it. */
    Chart.Size preferredSize() {
        return new Chart.Size(2 * pad() + naturalWidth() + 2 * labelRoom(), height());
    }

    /** Every step a little narrowed, or a window of a few steps, whichever is narrower. */
    Chart.Size minimumSize() {
        double windowed = 2 * elisionWidth() + MIN_WINDOW * (cellWidth() + gapWidth()) + bridgeWidth();
        return new Chart.Size(2 * pad() + Math.min(LEGIBLE_SHRINK * naturalWidth(), windowed), height());
    }

    Layout layout(double width, double height) {
        double cellW = cellWidth(), gap = gapWidth(), bridge = bridgeWidth();
        double natural = naturalWidth();
        double available = Math.max(1, width - 2 * pad());
        // The strip names its sections beside the row when every step still fits legibly with them.
        double labels = labelRoom() > 0 && available - 2 * labelRoom() >= LEGIBLE_SHRINK * natural ? labelRoom() : 0;
        available -= 2 * labels;
        StepWindow window;
        double shrink, margin, content;
        if (available >= LEGIBLE_SHRINK * natural) {
            // Every step fits: narrow cells and gaps alike when the window is narrow; centre the row when it is wide.
            window = StepWindow.all(axis.length());
            shrink = Math.min(1, available / natural);
            margin = 0;
            content = natural * shrink;
        } else {
            margin = elisionWidth();
            int fit = (int) Math.floor((available - 2 * margin - bridge) / (cellW + gap));
            window = StepWindow.around(style.currentStep(), Math.max(1, fit), axis.length());
            shrink = 1;
            boolean bridged = window.first() < axis.encoderLength() && window.last() > axis.encoderLength();
            content = 2 * margin + window.size() * (cellW + gap) + (bridged ? bridge : 0);
        }
        double left = pad() + labels + Math.max(0, (available - content) / 2) + margin + gap * shrink / 2;
        if (strip) {
            // One line: the boxes in the middle of the height, the characters inside them.
            double top = Math.max(style.px(STRIP_PAD), (height - cellHeight()) / 2), middle = top + cellHeight() / 2;
            return new Layout(window, left, cellW * shrink, gap * shrink, bridge * shrink, top, cellHeight(),
                    axis.encoderLength(), middle, middle, labels > 0);
        }
        double outputY = pad() + Typography.lineHeight(style.smallFont()) + Typography.lineHeight(style.bodyFont())
                + charLine() / 2 + style.px(4);
        double cellTop = outputY + charLine() / 2 + arrowRoom();
        // Spare height goes to the cells (up to 1.6×), never to the margins.
        double cellH = Math.max(cellHeight(), height - cellTop - 2 * arrowRoom() - charLine() - pad());
        cellH = Math.min(cellH, cellHeight() * 1.6);
        double inputY = cellTop + cellH + arrowRoom() + charLine() / 2;
        return new Layout(window, left, cellW * shrink, gap * shrink, bridge * shrink, cellTop, cellH,
                axis.encoderLength(), outputY, inputY, false);
    }

    private double naturalWidth() {
        return axis.length() * (cellWidth() + gapWidth()) + bridgeWidth();
    }

    private double height() {
        if (strip) return 2 * style.px(STRIP_PAD) + cellHeight();
        return 2 * pad() + Typography.lineHeight(style.smallFont()) + Typography.lineHeight(style.bodyFont())
                + 2 * charLine() + style.px(4) + 2 * arrowRoom() + cellHeight();
    }

    /**
     * The strip's room on each side for its section names, the wider of "encoder" and "decoder" and
     * the gap to the row; 0 for the full view, which names its sections above the row.
     */
    private double labelRoom() {
        if (!strip) return 0;
        double widest = Typography.width(UnrolledView.ENCODER, sectionFont());
        if (axis.encoderLength() < axis.length()) widest = Math.max(widest, Typography.width(UnrolledView.DECODER, sectionFont()));
        return widest + style.px(LABEL_GAP);
    }

    /** The section names' font: the full view's small type; in the strip, beside the headline characters, the body size. */
    java.awt.Font sectionFont() { return strip ? style.bodyFont() : style.smallFont(); }

    /** Between a strip's section name and its row. */
    double labelGap() { return style.px(LABEL_GAP); }

    /** Wide enough for the name and the widest step number ("t = 199"). */
    private double cellWidth() {
        if (strip) return charLine() + style.px(16);
        String widest = style.notation().timeLetter() + " = " + "0".repeat(Math.max(2, Integer.toString(axis.length()).length()));
        return Math.max(Typography.width("LSTM", style.boldFont()), Typography.width(widest, style.smallFont())) + style.px(18);
    }

    /** Room beside the row for "… 000 earlier", as many digits as the longest count. */
    double elisionWidth() {
        String widest = "… " + "0".repeat(Integer.toString(axis.length()).length()) + " earlier";
        return Typography.width(widest, style.smallFont()) + style.px(6);
    }

    /** The characters read and predicted are the view's headline: they get the title font. */
    double charLine() { return Typography.lineHeight(style.titleFont()); }

    private double cellHeight() {
        return strip ? charLine() + style.px(10) : 2 * Typography.lineHeight(style.bodyFont()) + style.px(14);
    }

    private double gapWidth() { return style.px(strip ? 24 : 34); }

    private double bridgeWidth() {
        return axis.encoderLength() < axis.length() ? Typography.width("repeat", style.smallFont()) + style.px(40) : 0;
    }

    private double arrowRoom() { return style.px(22); }

    double pad() { return style.px(10); }
}
