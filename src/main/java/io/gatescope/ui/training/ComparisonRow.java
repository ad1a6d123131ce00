package io.gatescope.ui.training;

import io.gatescope.chart.ComparisonTable;
import io.gatescope.train.Comparison;
import io.gatescope.train.TrainingSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One line of the comparison's table while the comparison runs: a model that is done (its result,
 * in the exported table's columns, {@link ComparisonTable#COLUMNS}), the one training now (its epochs,
 * time and validation accuracy so far) or one still waiting (the seeds' figure already beside it).
 * Values, so the table is refreshed only when a line really changed.
 *
 * @param cells one per column of {@link ComparisonTable#COLUMNS}
 */
record ComparisonRow(List<String> cells) {
    static final String TRAINING = "training…";
    static final String WAITING = "waiting";
    static final String VERDICT = "Verdict";

    ComparisonRow {
        cells = List.copyOf(cells);
    }

    static ComparisonRow done(Comparison.Result r) {
        return new ComparisonRow(ComparisonTable.COLUMNS.stream().map(c -> c.value().apply(r)).toList());
    }

    /** The model training now; {@code s} is its latest snapshot (null before its first batch). */
    static ComparisonRow training(String cell, TrainingSnapshot s) {
        return of(cell, header -> switch (header) {
            case "Epochs" -> s == null ? "0" : Integer.toString((int) Math.floor(s.epochProgress()));
            case "Time" -> s == null ? "—" : String.format(Locale.ROOT, "%.1f s", s.elapsedSeconds());
            case "Validation" -> s == null ? "—" : percent(s.validationSequences());
            case VERDICT -> TRAINING;
            default -> "…";   // known when the model is done: its accuracy on the unseen sums
        });
    }

    static ComparisonRow waiting(String cell) {
        return of(cell, header -> header.equals(VERDICT) ? WAITING : "—");
    }

    /** A line whose model name and seeds' figure are known, the other cells given by {@code rest}. */
    private static ComparisonRow of(String cell, Function<String, String> rest) {
        var seeds = Comparison.seedsFigure(cell);
        return new ComparisonRow(ComparisonTable.COLUMNS.stream().map(c -> switch (c.header()) {
            case "Model" -> Comparison.title(cell);
            case "Seeds" -> seeds.isPresent() ? percent(seeds.getAsDouble()) : "—";
            default -> rest.apply(c.header());
        }).toList());
    }

    /** The cell under {@code header}. */
    String cell(String header) {
        for (int i = 0; i < ComparisonTable.COLUMNS.size(); i++) if (ComparisonTable.COLUMNS.get(i).header().equals(header)) return cells.get(i);
        throw new IllegalArgumentException("the comparison table has no column '" + header + "'");
    }

    String verdict() { return cell(VERDICT); }

    /** As the exported table writes a share; "—" before there is one. */
    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "—";
    }
}
