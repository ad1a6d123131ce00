package io.gatescope.ui.training;

import io.gatescope.train.Comparison;
import io.gatescope.train.TrainingSnapshot;
import java.util.Locale;

/**
 * One line of the comparison's table while the comparison runs: a model that is done (its result), the
 * one training now (its epochs and validation accuracy so far), or one still waiting. Values, so the
 * table is refreshed only when a line really changed.
 *
 * @param model      the model as the seeds name it, e.g. "SimpleRNN"
 * @param epochs     epochs done, or "—" before the model starts
 * @param validation full-answer accuracy on the validation sums, or "—"
 * @param unseen     full-answer accuracy on the unseen test sums (known when the model is done), or "…"/"—"
 * @param seeds      what the seeds report, or "—" (they trained no GRU)
 * @param verdict    the verdict, "training…" or "waiting"
 */
record ComparisonRow(String model, String epochs, String validation, String unseen, String seeds, String verdict) {
    static final String TRAINING = "training…";
    static final String WAITING = "waiting";

    static ComparisonRow done(Comparison.Result r) {
        return new ComparisonRow(Comparison.title(r.cell()), Integer.toString(r.last().epoch()),
                percent(r.last().validationSequences()), percent(r.test().sequences()), seeds(r.cell()), r.verdictText());
    }

    /** The model training now; {@code s} is its latest snapshot (null before its first batch). */
    static ComparisonRow training(String cell, TrainingSnapshot s) {
        String epochs = s == null ? "0" : Integer.toString((int) Math.floor(s.epochProgress()));
        String validation = s == null || Double.isNaN(s.validationSequences()) ? "—" : percent(s.validationSequences());
        return new ComparisonRow(Comparison.title(cell), epochs, validation, "…", seeds(cell), TRAINING);
    }

    static ComparisonRow waiting(String cell) {
        return new ComparisonRow(Comparison.title(cell), "—", "—", "—", seeds(cell), WAITING);
    }

    private static String seeds(String cell) {
        var f = Comparison.seedsFigure(cell);
        return f.isPresent() ? percent(f.getAsDouble()) : "—";
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "—";
    }
}
