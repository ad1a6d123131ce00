package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cell's equations in the chosen notation and, below them, one unit's equations at the current
 * step with every number filled in, as a chart: the equations panel shows it on a canvas and the
 * exports write the same drawing, so a slide carries the arithmetic as text.
 *
 * <p>While the diagram walks through a step, the equation being computed is highlighted and those
 * the flow has not reached are faded, as in the diagram. A line too long for the width breaks
 * before an "=" or a "+", and its continuation is indented. A unit equation whose numbers include
 * NaN or ∞ stands on a band of {@link ColourScales#NOT_FINITE}, so the line where a run overflowed is
 * found at a glance.
 */
public final class EquationSheet implements Chart {

    /** How a line is marked while the diagram walks through sub-steps. */
    public enum Mark { PLAIN, CURRENT, PENDING }

    /** What a row is: it decides the font and colour. */
    enum Role { TITLE, CAPTION, EQUATION }

    /** One logical row before breaking. */
    record Row(Role role, String rich, Mark mark) {
    }

    /** One drawn line: a piece of a row at its place, for the given width. */
    record Line(int row, String rich, double x, double top, double height) {
    }

    private final List<Row> rows;
    private final ChartStyle style;

    EquationSheet(List<Row> rows, ChartStyle style) {
        this.rows = List.copyOf(rows);
        this.style = style;
    }

    /**
     * The equations of layer {@code layer} at the style's current step and sub-step, for the
     * selected unit (unit 0 without a selection).
     *
     * @param hint a last line for the screen (how to pick a unit), or null for none (an export)
     */
    public static EquationSheet of(ModelTrace trace, int layer, boolean peepholes, ChartStyle style, String hint) {
        TimeAxis axis = new TimeAxis(trace);
        int t = Math.min(style.currentStep(), axis.length() - 1);
        CellKind kind = axis.layer(t, layer).kind();
        StepTrace step = axis.step(t, layer);
        Notation n = style.notation();
        boolean peep = peepholes && !kind.anatomy().peepholeBlocks().isEmpty();
        int unit = style.hasSelectedUnit() ? Math.min(style.selectedUnit(), step.hiddenSize() - 1) : 0;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Role.TITLE, kind.title() + " — " + n.title() + " notation", Mark.PLAIN));
        for (String line : new Equations(n, kind, peep).lines()) rows.add(new Row(Role.EQUATION, line, Mark.PLAIN));
        String at = axis.describe(t, n);
        rows.add(new Row(Role.CAPTION, "Unit " + unit + " at " + Character.toLowerCase(at.charAt(0)) + at.substring(1)
                + (hint == null ? "" : "  (" + hint + ")"), Mark.PLAIN));
        List<String> seen = new ArrayList<>();
        for (Quantity q : ShownQuantities.of(kind, n)) {
            String line = n.unitEquation(kind, peep, q, step, unit);
            if (seen.contains(line)) continue;        // a plain RNN's pre-activation and h share one equation
            seen.add(line);
            rows.add(new Row(Role.EQUATION, line, mark(q.subStep(kind), style.subStep())));
        }
        return new EquationSheet(rows, style);
    }

    private static Mark mark(int computedAt, int subStep) {
        if (subStep == ChartStyle.WHOLE_STEP) return Mark.PLAIN;
        return computedAt == subStep ? Mark.CURRENT : computedAt > subStep ? Mark.PENDING : Mark.PLAIN;
    }

    /** The vector equations' text with markup, in order. */
    public List<String> vectorEquations() {
        int caption = captionRow();
        return rows.subList(1, caption).stream().map(Row::rich).toList();
    }

    /** The unit equations' text with markup, in order. */
    public List<String> unitEquations() {
        return rows.subList(captionRow() + 1, rows.size()).stream().map(Row::rich).toList();
    }

    /** The unit equations marked as being computed at the current sub-step. */
    public List<String> currentEquations() {
        return rows.stream().filter(r -> r.mark() == Mark.CURRENT).map(Row::rich).toList();
    }

    /** The unit equations the flow has not reached at the current sub-step. */
    public List<String> pendingEquations() {
        return rows.stream().filter(r -> r.mark() == Mark.PENDING).map(Row::rich).toList();
    }

    /** The caption above the unit equations ("Unit 3 at encoder t = 2 of 5 · reads '7'"). */
    public String unitCaption() {
        return rows.get(captionRow()).rich();
    }

    /** Every row's text with markup: what "Copy equations" puts on the clipboard. */
    public List<String> allText() {
        return rows.stream().map(Row::rich).toList();
    }

    @Override
    public Size preferredSize() {
        double widest = 0;
        for (Row r : rows) widest = Math.max(widest, Typography.width(r.rich(), font(r.role())));
        double width = Math.ceil(widest + 2 * pad());
        return new Size(width, heightFor(width));
    }

    /** At this width every equation still breaks into legible pieces. */
    @Override
    public Size minimumSize() {
        double width = Math.min(preferredSize().width(), style.px(280));
        return new Size(width, heightFor(width));
    }

    /** The height the sheet needs at {@code width}, long lines broken. */
    public double heightFor(double width) {
        List<Line> lines = layout(width);
        Line last = lines.get(lines.size() - 1);
        return Math.ceil(last.top() + last.height() + pad());
    }

    /**
     * Where the highlighted (current) equations are at {@code width}: a view scrolls them into
     * sight as the diagram reaches them.
     */
    public Optional<Rectangle2D> currentBounds(double width) {
        Rectangle2D out = null;
        for (Rectangle2D r : rowBounds(width, row -> row.mark() == Mark.CURRENT)) {
            if (out == null) out = r; else out.add(r);
        }
        return Optional.ofNullable(out);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
            for (Rectangle2D r : rowBounds(width, row -> row.mark() == Mark.CURRENT)) {
                g.setPaint(ColourScales.mix(theme.background(), theme.highlight(), 0.16));
                g.fill(r);
                g.setPaint(theme.highlight());
                g.fill(new Rectangle2D.Double(r.getX(), r.getY(), style.px(4), r.getHeight()));
            }
            for (Rectangle2D r : rowBounds(width, EquationSheet::notFinite)) {
                g.setPaint(ColourScales.NOT_FINITE);
                g.fill(new Rectangle2D.Double(r.getX() + style.px(6), r.getY(), r.getWidth() - style.px(6), r.getHeight()));
            }
            for (Line line : layout(width)) {
                Row row = rows.get(line.row());
                Font font = font(row.role());
                g.setPaint(colour(row, theme));
                Typography.draw(g, line.rich(), font, line.x(), line.top() + ascent(font), Align.LEFT);
            }
        });
    }

    /** Whether {@code row} is a unit equation, reached by the flow, that shows a value that is not finite. */
    private static boolean notFinite(Row row) {
        return row.role() == Role.EQUATION && row.mark() != Mark.PENDING && Numbers.showsNonFinite(row.rich());
    }

    /** Where the unit equations showing NaN or ∞ are drawn at {@code width} (their bands). */
    public List<Rectangle2D> notFiniteBounds(double width) {
        return rowBounds(width, EquationSheet::notFinite);
    }

    private Color colour(Row row, Theme theme) {
        if (notFinite(row)) return ColourScales.textOn(ColourScales.NOT_FINITE);
        if (row.role() == Role.CAPTION) return theme.mutedText();
        return row.mark() == Mark.PENDING ? ColourScales.dim(theme.text(), theme) : theme.text();
    }

    /** The rows that pass {@code which}, each as the band behind all its lines. */
    private List<Rectangle2D> rowBounds(double width, java.util.function.Predicate<Row> which) {
        List<Rectangle2D> out = new ArrayList<>();
        List<Line> lines = layout(width);
        for (int i = 0; i < rows.size(); i++) {
            if (!which.test(rows.get(i))) continue;
            double top = Double.MAX_VALUE, bottom = 0;
            for (Line l : lines) {
                if (l.row() != i) continue;
                top = Math.min(top, l.top());
                bottom = Math.max(bottom, l.top() + l.height());
            }
            double gap = style.px(3);
            out.add(new Rectangle2D.Double(pad() / 2, top - gap, Math.max(1, width - pad()), bottom - top + 2 * gap));
        }
        return out;
    }

    /** Every row broken to fit {@code width}, top to bottom. */
    List<Line> layout(double width) {
        List<Line> out = new ArrayList<>();
        double y = pad();
        double available = Math.max(style.px(40), width - 2 * pad());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Font font = font(row.role());
            double lineHeight = Typography.lineHeight(font) * 1.25;
            if (i > 0 && row.role() != Role.EQUATION) y += style.px(10);     // a gap before each heading
            boolean first = true;
            for (String piece : Breaks.fit(row.rich(), font, available, indent())) {
                out.add(new Line(i, piece, pad() + (first ? 0 : indent()), y, lineHeight));
                y += lineHeight;
                first = false;
            }
            if (row.role() != Role.EQUATION) y += style.px(4);
        }
        return out;
    }

    private Font font(Role role) {
        return switch (role) {
            case TITLE -> style.titleFont();
            case CAPTION -> style.smallFont();
            case EQUATION -> style.bodyFont();
        };
    }

    private static double ascent(Font font) {
        return Typography.lineHeight(font) * 0.8;
    }

    private int captionRow() {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).role() == Role.CAPTION) return i;
        throw new IllegalStateException("an equation sheet always has its unit caption");
    }

    private double pad() { return style.px(12); }

    private double indent() { return style.px(28); }

    /** Where a long equation may break: before " = " or " + ", never inside a sub- or superscript. */
    static final class Breaks {
        private Breaks() {
        }

        /** {@code rich} in pieces no wider than {@code width} (the first) or {@code width − indent} (the rest). */
        static List<String> fit(String rich, Font font, double width, double indent) {
            List<String> out = new ArrayList<>();
            if (Typography.width(rich, font) <= width) {
                out.add(rich);
                return out;
            }
            List<Integer> cuts = cuts(rich);
            int start = 0;
            while (start < rich.length()) {
                double room = out.isEmpty() ? width : width - indent;
                int end = rich.length();
                if (Typography.width(rich.substring(start), font) > room) {
                    int best = -1;
                    for (int c : cuts) {
                        if (c <= start) continue;
                        if (Typography.width(rich.substring(start, c), font) <= room) best = c; else break;
                    }
                    if (best < 0) best = firstAfter(cuts, start, rich.length());
                    end = best;
                }
                out.add(rich.substring(start, end).strip());
                start = end;
            }
            return out;
        }

        /** The first cut after {@code start}: a piece wider than the room still breaks as soon as it can. */
        private static int firstAfter(List<Integer> cuts, int start, int otherwise) {
            for (int c : cuts) if (c > start) return c;
            return otherwise;
        }

        /** Indices of the spaces before " = " and " + " outside braces. */
        private static List<Integer> cuts(String rich) {
            List<Integer> out = new ArrayList<>();
            int depth = 0;
            for (int i = 0; i < rich.length(); i++) {
                char ch = rich.charAt(i);
                if (ch == '{') depth++;
                else if (ch == '}') depth--;
                else if (depth == 0 && ch == ' ' && i + 2 < rich.length() && rich.charAt(i + 2) == ' '
                        && (rich.charAt(i + 1) == '=' || rich.charAt(i + 1) == '+')) {
                    out.add(i);
                }
            }
            return out;
        }
    }
}
