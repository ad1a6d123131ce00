package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import io.gatescope.train.Comparison;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The seeds' comparison as a table: one row per model, the columns of {@link #COLUMNS}. The training
 * panel's table takes its columns from the same list, so the slide says exactly what the window
 * says; the verdict is green where the model reached the seeds' verdict and red where it did not.
 */
public final class ComparisonTable implements Chart {
    /** One column: its header and what a model's row shows in it. */
    public record Column(String header, Function<Comparison.Result, String> value) {
    }

    /** The columns, in order: the window's table and this chart both read them. */
    public static final List<Column> COLUMNS = List.of(
            new Column("Model", r -> Comparison.title(r.cell())),
            new Column("Epochs", r -> Integer.toString(r.last().epoch())),
            new Column("Time", r -> String.format(Locale.ROOT, "%.1f s", r.last().elapsedSeconds())),
            new Column("Validation", r -> percent(r.last().validationSequences())),
            new Column("Test", r -> percent(r.test().sequences())),
            new Column("Seeds", r -> r.seedsFigure().isPresent() ? percent(r.seedsFigure().getAsDouble()) : "—"),
            new Column("Verdict", Comparison.Result::verdictText));

    /** Okabe and Ito's bluish green and vermillion: told apart with any colour vision, legible on white and on dark. */
    private static final Color PASSED = new Color(0x009E73), FAILED = new Color(0xD55E00);

    private final List<List<String>> rows;
    private final List<Boolean> passed;
    private final ChartStyle style;

    /**
     * @param rows   each row's cells, one per column of {@link #COLUMNS}
     * @param passed per row, whether the model reached the seeds' verdict
     */
    ComparisonTable(List<List<String>> rows, List<Boolean> passed, ChartStyle style) {
        if (rows.isEmpty()) throw new IllegalArgumentException("a comparison table needs at least one model");
        if (rows.size() != passed.size()) throw new IllegalArgumentException("one verdict per row, got " + passed.size() + " for " + rows.size());
        for (List<String> row : rows) {
            if (row.size() != COLUMNS.size()) throw new IllegalArgumentException("a row has " + COLUMNS.size() + " cells, got " + row);
        }
        this.rows = rows.stream().map(List::copyOf).toList();
        this.passed = List.copyOf(passed);
        this.style = style;
    }

    /** The table of {@code results}, in their order. */
    public static ComparisonTable of(List<Comparison.Result> results, ChartStyle style) {
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Result r : results) rows.add(COLUMNS.stream().map(c -> c.value().apply(r)).toList());
        return new ComparisonTable(rows, results.stream().map(Comparison.Result::verdict).toList(), style);
    }

    /** The cells as drawn, row by row. */
    public List<List<String>> rows() { return rows; }

    @Override
    public Size preferredSize() {
        double w = 0;
        for (int c = 0; c < COLUMNS.size(); c++) w += columnWidth(c);
        return new Size(Math.ceil(w + 2 * pad()), Math.ceil((rows.size() + 1) * rowHeight() + 2 * pad()));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
            double x0 = pad(), right = width - pad(), y = pad();
            g.setPaint(theme.panel());
            g.fill(new Rectangle2D.Double(x0, y, right - x0, rowHeight()));
            paintRow(g, COLUMNS.stream().map(Column::header).toList(), style.boldFont(), y, theme.text(), null);
            g.setStroke(Drawing.stroke(style.px(1.2)));
            g.setPaint(theme.text());
            g.draw(new Line2D.Double(x0, y + rowHeight(), right, y + rowHeight()));
            for (int r = 0; r < rows.size(); r++) {
                y += rowHeight();
                paintRow(g, rows.get(r), style.bodyFont(), y, theme.text(), passed.get(r) ? PASSED : FAILED);
                g.setStroke(Drawing.stroke(style.px(0.6)));
                g.setPaint(theme.grid());
                g.draw(new Line2D.Double(x0, y + rowHeight(), right, y + rowHeight()));
            }
        });
    }

    /** One row: text columns left-aligned, numbers right-aligned, the verdict (last) in {@code verdict} when given. */
    private void paintRow(Graphics2D g, List<String> cells, Font font, double top, Color text, Color verdict) {
        double x = pad();
        double middle = top + rowHeight() / 2;
        for (int c = 0; c < cells.size(); c++) {
            double w = columnWidth(c);
            boolean number = c > 0 && c < cells.size() - 1;
            boolean last = c == cells.size() - 1;
            g.setPaint(last && verdict != null ? verdict : text);
            Font f = last && verdict != null ? style.boldFont() : font;
            if (number) Typography.drawMiddle(g, cells.get(c), f, x + w - cellPad(), middle, Align.RIGHT);
            else Typography.drawMiddle(g, cells.get(c), f, x + cellPad(), middle, Align.LEFT);
            x += w;
        }
    }

    private double columnWidth(int c) {
        double w = Typography.width(COLUMNS.get(c).header(), style.boldFont());
        for (List<String> row : rows) w = Math.max(w, Typography.width(row.get(c), style.boldFont()));
        return w + 2 * cellPad();
    }

    private double rowHeight() { return Typography.lineHeight(style.bodyFont()) * 1.7; }

    private double cellPad() { return style.px(10); }

    private double pad() { return style.px(8); }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
