package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.chart.UnrolledGeometry.Layout;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The network unrolled in time, as the seeds' encoder–decoder is drawn on a whiteboard: one cell
 * per encoder step with the character it reads below, the encoder's last state handed to a
 * "repeat" bridge that feeds every decoder step, and each decoder step's predicted character with
 * its softmax probability above. The current step is filled and outlined, so the overview tells
 * where in the sequence the cell diagram is.
 *
 * <p>When every step does not fit legibly (a 200-step sequence), it shows a {@link StepWindow}
 * of full-size cells around the current step, with "… 120 earlier" and "72 later …" at the
 * ends; clicking those goes to the nearest hidden step, which turns the window.
 *
 * <p>{@link #strip} draws the same row in one line for presenter mode, where the cell diagram takes
 * most of a 720 px projector: each step a box holding the character it reads or predicts, at the
 * headline size, so the back row still reads the sequence and where the diagram is in it; "encoder"
 * and "decoder" stand at either end of the row, level with the characters, where the width allows.
 * {@link UnrolledGeometry} places both.
 *
 * <p>A decoder step's prediction comes from its h: while the cell diagram reveals the current step
 * sub-step by sub-step, that step's prediction shows as "?" until h is computed.
 */
public final class UnrolledView implements Chart {
    /** The section names, above the full view's row and beside the strip's. */
    static final String ENCODER = "encoder", DECODER = "decoder";

    private final ModelTrace trace;
    private final int layer;
    private final TimeAxis axis;
    private final CellKind kind;
    private final ChartStyle style;
    private final boolean strip;
    /** Per step, whether a what-if clamp held a gate there. */
    private final boolean[] held;
    private final UnrolledGeometry geometry;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);

    private UnrolledView(ModelTrace trace, int layer, ChartStyle style, boolean strip) {
        this.trace = trace;
        this.layer = layer;
        this.axis = new TimeAxis(trace);
        this.kind = axis.layer(0, layer).kind();
        this.style = style;
        this.strip = strip;
        this.held = HeldMark.steps(trace);
        this.geometry = new UnrolledGeometry(axis, style, strip);
    }

    /** The unrolled run of {@code trace}; {@code layer} picks whose cell kind is named in the boxes. */
    public static UnrolledView of(ModelTrace trace, int layer, ChartStyle style) {
        return new UnrolledView(trace, layer, style, false);
    }

    /** The run in one line of boxes holding the characters read and predicted (presenter mode's view). */
    public static UnrolledView strip(ModelTrace trace, int layer, ChartStyle style) {
        return new UnrolledView(trace, layer, style, true);
    }

    /** Whether this is the one-line {@link #strip}. */
    public boolean isStrip() { return strip; }

    /** The size of the characters read and predicted, in px at full size: the view's headline. */
    public float characterSize() { return style.titleFont().getSize2D(); }

    /** Every step at full size: what an export shows. */
    @Override
    public Size preferredSize() { return geometry.preferredSize(); }

    /** Every step a little narrowed, or a window of a few steps, whichever is narrower. */
    @Override
    public Size minimumSize() { return geometry.minimumSize(); }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
                Layout l = layout(width, height);
                if (!strip || l.labelled()) paintSections(g, l, theme);
                paintElisions(g, l, theme);
                for (int t = l.window().first(); t < l.window().last(); t++) paintStep(g, l, t, theme);
                if (l.bridgeShown()) paintBridge(g, l, theme);
                else if (!strip && axis.encoderLength() < axis.length() && l.window().first() >= axis.encoderLength()) {
                    paintBus(g, l, l.rowStart());       // the bridge is off to the left; its bus still feeds these steps
                }
        });
    }

    /**
     * The step whose column (cell, its input and its output) holds (x, y) in the last drawn size;
     * on a "… earlier" or "later …" marker, the nearest hidden step; otherwise −1.
     */
    public int stepAt(double x, double y) {
        Layout l = layout(drawn.width(), drawn.height());
        boolean off = strip ? y < l.cellTop() || y > l.cellTop() + l.cellH()
                : y < l.outputY() - charLine() / 2 - Typography.lineHeight(style.bodyFont()) || y > l.inputY() + charLine() / 2;
        if (off) return -1;
        StepWindow w = l.window();
        if (w.earlier() > 0 && x < l.rowStart() && x >= l.rowStart() - elisionWidth()) return w.first() - 1;
        if (w.later() > 0 && x > l.rowEnd() && x <= l.rowEnd() + elisionWidth()) return w.last();
        for (int t = w.first(); t < w.last(); t++) {
            if (x >= l.x(t) && x <= l.x(t) + l.cellW()) return t;
        }
        return -1;
    }

    /** The steps drawn in the last drawn size: all of them, or a window holding the current step. */
    public StepWindow window() {
        return layout(drawn.width(), drawn.height()).window();
    }

    /** The box of step {@code t}'s cell in the last drawn size; {@code t} must be in {@link #window()}. */
    public Rectangle2D cellBounds(int t) {
        Layout l = layout(drawn.width(), drawn.height());
        if (!l.window().contains(t)) {
            throw new IllegalArgumentException("step " + t + " is not shown; steps " + l.window().first() + ".."
                    + (l.window().last() - 1) + " are");
        }
        return new Rectangle2D.Double(l.x(t), l.cellTop(), l.cellW(), l.cellH());
    }

    /**
     * "encoder" and "decoder": above each section's steps in the full view; in the strip, at either
     * end of the row, level with the characters, so the one line keeps its height.
     */
    private void paintSections(Graphics2D g, Layout l, Theme theme) {
        g.setPaint(theme.mutedText());
        Font font = geometry.sectionFont();
        StepWindow w = l.window();
        int encoderLast = Math.min(axis.encoderLength(), w.last()) - 1;
        int decoderFirst = Math.max(axis.encoderLength(), w.first());
        if (strip) {
            double y = l.cellTop() + l.cellH() / 2;
            Typography.drawMiddle(g, ENCODER, font, l.x(w.first()) - geometry.labelGap(), y, Align.RIGHT);
            if (decoderFirst < w.last()) {
                Typography.drawMiddle(g, DECODER, font, l.x(w.last() - 1) + l.cellW() + geometry.labelGap(), y, Align.LEFT);
            }
            return;
        }
        double y = pad() + Typography.lineHeight(font) / 2;
        if (encoderLast >= w.first()) {
            double end = l.x(encoderLast) + l.cellW();
            Typography.drawMiddle(g, ENCODER, font, (l.x(w.first()) + end) / 2, y, Align.CENTRE);
        }
        if (decoderFirst < w.last()) {
            double end = l.x(w.last() - 1) + l.cellW();
            Typography.drawMiddle(g, DECODER, font, (l.x(decoderFirst) + end) / 2, y, Align.CENTRE);
        }
    }

    /**
     * Where the strip's section names are drawn in the last drawn size, by name ("encoder",
     * "decoder"); empty for the full view or a strip too narrow for them.
     */
    public java.util.Map<String, Rectangle2D> sectionLabels() {
        Layout l = layout(drawn.width(), drawn.height());
        java.util.Map<String, Rectangle2D> out = new java.util.LinkedHashMap<>();
        if (!strip || !l.labelled()) return out;
        Font font = geometry.sectionFont();
        double h = Typography.lineHeight(font), y = l.cellTop() + l.cellH() / 2 - h / 2;
        double ew = Typography.width(ENCODER, font), dw = Typography.width(DECODER, font);
        out.put(ENCODER, new Rectangle2D.Double(l.x(l.window().first()) - geometry.labelGap() - ew, y, ew, h));
        if (axis.encoderLength() < l.window().last()) {
            out.put(DECODER, new Rectangle2D.Double(l.x(l.window().last() - 1) + l.cellW() + geometry.labelGap(), y, dw, h));
        }
        return out;
    }

    /** "… 120 earlier" and "72 later …" beside the row, level with the recurrent arrows that run on to them. */
    private void paintElisions(Graphics2D g, Layout l, Theme theme) {
        double y = l.cellTop() + l.cellH() / 2;
        g.setPaint(theme.mutedText());
        if (l.window().earlier() > 0) {
            Typography.drawMiddle(g, "… " + l.window().earlier() + " earlier", style.smallFont(), l.rowStart(), y, Align.RIGHT);
        }
        if (l.window().later() > 0) {
            Typography.drawMiddle(g, l.window().later() + " later …", style.smallFont(), l.rowEnd(), y, Align.LEFT);
        }
    }

    private void paintStep(Graphics2D g, Layout l, int t, Theme theme) {
        boolean current = t == style.currentStep();
        double x = l.x(t), cx = x + l.cellW() / 2, cellBottom = l.cellTop() + l.cellH();
        RoundRectangle2D box = new RoundRectangle2D.Double(x, l.cellTop(), l.cellW(), l.cellH(), style.px(12), style.px(12));
        String overflow = overflow(t);
        Color fill = overflow != null ? ColourScales.NOT_FINITE : current ? theme.currentFill() : theme.panel();
        g.setPaint(fill);
        g.fill(box);
        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(1.5)));
        g.draw(box);
        if (held[t]) HeldMark.draw(g, box.getBounds2D(), theme);
        if (strip) {
            paintCharacter(g, t, cx, l.cellTop() + l.cellH() / 2, current, theme);
            if (current) Drawing.highlight(g, box, theme, style.px(2.5));
            g.setPaint(theme.wire());
            g.setStroke(Drawing.stroke(style.px(2)));
            paintRecurrence(g, l, t, theme);
            return;
        }
        g.setPaint(overflow != null ? ColourScales.textOn(fill) : theme.text());
        double line = Typography.lineHeight(style.bodyFont());
        Typography.drawMiddle(g, overflow != null ? "h: " + overflow : kind.family(), style.boldFont(), cx,
                l.cellTop() + l.cellH() / 2 - line / 2, Align.CENTRE);
        g.setPaint(overflow != null ? ColourScales.textOn(fill) : theme.mutedText());
        Typography.drawMiddle(g, axis.stepName(t, style.notation()), style.smallFont(), cx, l.cellTop() + l.cellH() / 2 + line / 2, Align.CENTRE);
        if (current) Drawing.highlight(g, box, theme, style.px(2.5));

        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(2)));
        paintRecurrence(g, l, t, theme);
        if (!axis.isDecoder(t)) {
            Drawing.arrow(g, cx, l.inputY() - charLine() * 0.6, cx, cellBottom, style.px(8));
            paintCharacter(g, t, cx, l.inputY(), current, theme);
        } else {
            Drawing.arrow(g, cx, l.cellTop(), cx, l.outputY() + charLine() * 0.6, style.px(8));
            paintCharacter(g, t, cx, l.outputY(), current, theme);
            if (axis.localIndex(t) < trace.outputSteps() && !pending(t)) {
                Typography.drawMiddle(g, "p = " + Numbers.fixed(axis.probability(t), 2), style.smallFont(), cx,
                        l.outputY() - charLine() / 2 - line / 2, Align.CENTRE);
            }
        }
    }

    /** The character step {@code t} reads or predicts, or "?" for a prediction whose h is not computed yet. */
    private void paintCharacter(Graphics2D g, int t, double cx, double y, boolean current, Theme theme) {
        g.setPaint(current && !pending(t) ? theme.text() : theme.mutedText());
        Typography.drawMiddle(g, pending(t) ? "?" : axis.displayLabel(t), style.titleFont(), cx, y, Align.CENTRE);
    }

    /** Whether {@code t} is the current decoder step and the cell diagram has not yet reached its h. */
    private boolean pending(int t) {
        return t == style.currentStep() && axis.predictionPending(t, style.subStep());
    }

    /** Whether step {@code t}'s prediction is not yet computed at the current sub-step (its hover says so too). */
    public boolean predictionPending(int t) { return pending(t); }

    /**
     * NaN, ∞ or −∞ when step {@code t}'s hidden state (in the layer named in the boxes) holds such a
     * value (NaN first: it says the most), else null. A diverged run shows where it blew up.
     */
    private String overflow(int t) {
        double[] h = axis.step(t, layer).hCopy();
        String word = null;
        for (double v : h) {
            String w = Numbers.nonFinite(v);
            if (Numbers.NAN.equals(w)) return w;
            if (w != null) word = word == null || word.equals(w) ? w : "±∞";
        }
        return word;
    }

    /**
     * The recurrent arrows: the state handed to the next step, and at the window's edges the state
     * arriving from hidden steps and leaving for them (from the "… earlier" marker, to "later …").
     */
    private void paintRecurrence(Graphics2D g, Layout l, int t, Theme theme) {
        double x = l.x(t), y = l.cellTop() + l.cellH() / 2, head = style.px(8);
        StepWindow w = l.window();
        if (t == w.first() && w.earlier() > 0 && t != axis.encoderLength()) {
            Drawing.arrow(g, l.rowStart() + style.px(3), y, x, y, head);
        }
        if (t == w.last() - 1 && w.later() > 0) {
            Drawing.arrow(g, x + l.cellW(), y, l.rowEnd() - style.px(3), y, head);
        } else if (t != axis.encoderLength() - 1 && t != axis.length() - 1) {
            Drawing.arrow(g, x + l.cellW(), y, l.x(t + 1), y, head);
            if (t == w.first() && !strip) {
                g.setPaint(theme.mutedText());
                Typography.draw(g, stateNames(), style.smallFont(), x + l.cellW() + l.gap() / 2, y - style.px(6), Align.CENTRE);
                g.setPaint(theme.wire());
            }
        }
    }

    /** The seeds' RepeatVector: the encoder's final h becomes every decoder step's input. */
    private void paintBridge(Graphics2D g, Layout l, Theme theme) {
        double line = Typography.lineHeight(style.bodyFont());
        double encoderRight = l.x(axis.encoderLength() - 1) + l.cellW();
        double midY = l.cellTop() + l.cellH() / 2;
        double w = Typography.width("repeat", style.smallFont()) + style.px(14), h = line + style.px(4);
        double bx = l.bridgeX() + (l.bridge() - w) / 2 - l.gap() / 2;
        RoundRectangle2D pill = new RoundRectangle2D.Double(bx, midY - h / 2, w, h, h, h);
        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(2)));
        Drawing.arrow(g, encoderRight, midY, bx, midY, style.px(8));
        double px = bx + w / 2;
        if (strip) {
            Drawing.arrow(g, bx + w, midY, l.x(axis.encoderLength()), midY, style.px(8));
        } else {
            g.draw(new Line2D.Double(px, midY + h / 2, px, l.inputY()));
            paintBus(g, l, px);
        }
        g.setPaint(theme.panel());
        g.fill(pill);
        g.setPaint(theme.wire());
        g.draw(pill);
        g.setPaint(theme.text());
        Typography.drawMiddle(g, "repeat", style.smallFont(), px, midY, Align.CENTRE);
    }

    /** The bus under the decoder, from {@code fromX} to the last decoder step in view, up into each decoder cell. */
    private void paintBus(Graphics2D g, Layout l, double fromX) {
        double busY = l.inputY();
        StepWindow w = l.window();
        double lastX = w.later() > 0 ? l.rowEnd() : l.x(w.last() - 1) + l.cellW() / 2;
        g.setStroke(Drawing.stroke(style.px(2)));
        g.setPaint(style.theme().wire());
        g.draw(new Line2D.Double(fromX, busY, lastX, busY));
        for (int t = Math.max(axis.encoderLength(), w.first()); t < w.last(); t++) {
            double cx = l.x(t) + l.cellW() / 2;
            Drawing.arrow(g, cx, busY, cx, l.cellTop() + l.cellH(), style.px(8));
        }
    }

    private Layout layout(double width, double height) { return geometry.layout(width, height); }

    /** What the recurrent arrow carries, in the notation: "c, h", "c, a", or just "h". */
    private String stateNames() {
        Notation n = style.notation();
        String hidden = n.hiddenLetter(kind);
        return kind.hasCellState() ? "c, " + hidden : hidden;
    }

    private double charLine() { return geometry.charLine(); }

    private double elisionWidth() { return geometry.elisionWidth(); }

    private double pad() { return geometry.pad(); }
}
