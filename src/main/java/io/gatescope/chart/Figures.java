package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.train.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The window's views as stand-alone figures: the same charts the panels draw, at one step of a
 * trace, with a title, a line saying what is shown and the legends of their colour scales. The
 * command line's {@code export} and the window's series and animations build their pictures here.
 */
public final class Figures {
    private Figures() {
    }

    /** A view that can be exported, by its command-line name. */
    public enum View {
        CELL("cell", "the cell diagram at the step (and sub-step)"),
        UNROLLED("unrolled", "the cells across time, with what they read and predict"),
        HEATMAP("heatmap", "every gate and state, units × time, side by side"),
        VECTORS("vectors", "the step's vectors as strips of units, with their legends"),
        EQUATIONS("equations", "the equations, and one unit's with the step's numbers");

        private final String id;
        private final String description;

        View(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** The name on the command line. */
        public String id() { return id; }

        /** One line for {@code export --list}. */
        public String description() { return description; }

        /** Whether the picture changes from one sub-step to the next (a series then has one image per sub-step). */
        public boolean followsSubSteps() { return this == CELL || this == EQUATIONS; }

        /** The view called {@code id}, if any. */
        public static Optional<View> byId(String id) {
            for (View v : values()) if (v.id.equals(id)) return Optional.of(v);
            return Optional.empty();
        }

        /** Every name, for messages: "cell, unrolled, heatmap, vectors, equations". */
        public static String ids() {
            return String.join(", ", java.util.Arrays.stream(values()).map(View::id).toList());
        }
    }

    /**
     * {@code view} of layer {@code layer} at the style's current step, sub-step and unit.
     *
     * @param peepholes whether the trace's LSTM reads c_{t−1} into its gates
     */
    public static Figure of(View view, ModelTrace trace, int layer, boolean peepholes, ChartStyle style) {
        TimeAxis axis = new TimeAxis(trace);
        int t = Math.min(style.currentStep(), axis.length() - 1);
        CellKind kind = axis.layer(t, layer).kind();
        boolean peep = peepholes && kind.anatomy().takesPeepholes();
        List<Quantity> shown = ShownQuantities.of(kind, style.notation());
        String title = kind.title() + switch (view) {
            case CELL -> " cell";
            case UNROLLED -> " unrolled over time";
            case HEATMAP -> ": every gate and state over time";
            case VECTORS -> ": the vectors of one step";
            case EQUATIONS -> " equations";
        };
        String subtitle = subtitle(view, trace, kind, t, layer, style);
        return switch (view) {
            case CELL -> new Figure(title, subtitle, List.of(CellDiagram.of(trace, layer, peep, style)),
                    Figure.Arrangement.ROW, legends(trace, layer, kind, shown, style), style);
            case UNROLLED -> new Figure(title, subtitle, List.of(UnrolledView.of(trace, layer, style)),
                    Figure.Arrangement.ROW, List.of(), style);
            case HEATMAP -> new Figure(title, subtitle,
                    shown.stream().map(q -> Heatmap.of(trace, layer, q, style)).toList(),
                    Figure.Arrangement.ROW, List.of(), style);
            case VECTORS -> new Figure(title, subtitle, shown.stream()
                    .map(q -> UnitStrip.of(kind, axis.step(t, layer), q, ShownQuantities.extent(trace, layer, q), style))
                    .toList(), Figure.Arrangement.COLUMN, legends(trace, layer, kind, shown, style), style);
            case EQUATIONS -> new Figure(title, subtitle, List.of(EquationSheet.of(trace, layer, peep, style, null)),
                    Figure.Arrangement.ROW, List.of(), style);
        };
    }

    /**
     * The gradient view's first two pictures for one model: how far back ‖∂L/∂h_k‖ reaches, and the
     * factor per step against 1, as the gradients view draws them (see {@link GradientCharts}).
     *
     * @param input     what the model read ("67+60"), or null
     * @param threshold the readout's fraction of the last step's norm
     */
    public static Figure gradients(GradientStudy study, String input, double threshold, ChartStyle style) {
        String kinds = String.join(", ", study.profiles().stream().map(p -> p.kind().title()).toList());
        String subtitle = (input == null ? "" : "Input " + input + " · ") + "L = g·h_T with g all ones · "
                + style.notation().title() + " notation";
        return new Figure(kinds + " gradients back through time", subtitle,
                List.of(GradientCharts.norms(study, threshold, 0, style), GradientCharts.factors(study, style)),
                Figure.Arrangement.COLUMN, List.of(), style);
    }

    /**
     * The training panel's curves as a figure: every run overlaid, titled, with a line saying which
     * runs and how the training loss is smoothed; the curves carry their own key to the runs.
     */
    public static Figure training(List<TrainingCurves.Series> runs, boolean logLoss, double smoothing, ChartStyle style) {
        String labels = String.join(", ", runs.stream().map(TrainingCurves.Series::label).toList());
        String subtitle = (labels.isEmpty() ? "No run yet" : labels) + " on the addition task · training loss "
                + (smoothing > 0 ? String.format(Locale.ROOT, "smoothed (%.2f)", smoothing) : "per batch")
                + (logLoss ? " · loss on a log scale" : "");
        return new Figure("Training curves", subtitle, List.of(new TrainingCurves(runs, logLoss, smoothing, style)),
                Figure.Arrangement.ROW, List.of(), style);
    }

    /** The seeds' comparison as a figure: the table of the training panel, titled, with what its columns mean. */
    public static Figure comparison(List<Comparison.Result> results, ChartStyle style) {
        String subtitle = String.format(Locale.ROOT, "Test: full answers right on %,d unseen sums · Seeds: what the seed notebooks report"
                        + " · verdict: Dense below %.0f %%, a recurrent cell at %.0f %% or more", results.get(0).test().examples(),
                100 * Comparison.DENSE_CEILING, 100 * Comparison.RECURRENT_PASS);
        String models = String.join(", ", results.stream().map(r -> Comparison.title(r.cell())).toList());
        return new Figure(models + " on the addition task", subtitle, List.of(ComparisonTable.of(results, style)),
                Figure.Arrangement.ROW, List.of(), style);
    }

    /**
     * One legend per distinct colour scale among {@code shown}, titled with the symbols that use it:
     * gates share [0, 1], tanh outputs [−1, 1], the cell state its own range over the run.
     */
    public static List<Legend> legends(ModelTrace trace, int layer, CellKind kind, List<Quantity> shown, ChartStyle style) {
        Map<String, List<Quantity>> byScale = new LinkedHashMap<>();
        Map<String, ColourScale> scales = new LinkedHashMap<>();
        for (Quantity q : shown) {
            ColourScale s = style.scales().forQuantity(q, kind, ShownQuantities.extent(trace, layer, q));
            byScale.computeIfAbsent(s.toString(), k -> new ArrayList<>()).add(q);
            scales.putIfAbsent(s.toString(), s);
        }
        List<Legend> out = new ArrayList<>();
        for (var e : byScale.entrySet()) {
            String title = String.join(", ", e.getValue().stream().map(q -> style.notation().label(kind, q)).toList());
            out.add(new Legend(title, scales.get(e.getKey()), Legend.Orientation.HORIZONTAL, style));
        }
        return out;
    }

    /** "Input 67+60 · encoder t = 3 of 5 · reads '+' · unit 3 · PyTorch notation". */
    private static String subtitle(View view, ModelTrace trace, CellKind kind, int t, int layer, ChartStyle style) {
        List<String> parts = new ArrayList<>();
        if (trace.inputLabels().stream().allMatch(l -> l.length() == 1)) {
            parts.add("Input " + String.join("", trace.inputLabels())
                    + (trace.outputLabels().isEmpty() ? "" : " → " + String.join("", trace.outputLabels()).strip()));
        }
        if (layer > 0) parts.add("layer " + layer);
        String step = new TimeAxis(trace).describe(t, style.notation());
        parts.add(parts.isEmpty() ? step : step.substring(0, 1).toLowerCase(Locale.ROOT) + step.substring(1));
        if (view.followsSubSteps() && style.subStep() < kind.anatomy().subStepCount()) {
            parts.add("sub-step " + (style.subStep() + 1) + "/" + kind.anatomy().subStepCount() + ": "
                    + style.notation().subStepName(kind, style.subStep()));
        }
        if (style.hasSelectedUnit() || view == View.EQUATIONS) {
            parts.add("unit " + (style.hasSelectedUnit() ? style.selectedUnit() : 0));
        }
        parts.add(style.notation().title() + " notation");
        return String.join(" · ", parts);
    }
}
