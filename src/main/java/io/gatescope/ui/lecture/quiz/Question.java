package io.gatescope.ui.lecture.quiz;

import io.gatescope.chart.GradientText;
import io.gatescope.chart.Notation;
import io.gatescope.chart.TimeAxis;
import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.train.Comparison;
import io.gatescope.train.TrainingConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A two-choice question about what the next step or sub-step will show, generated from the trace,
 * whose answer is therefore known before it is revealed (a comparison's, once its results are computed).
 * No JavaFX: the questions are plain data.
 *
 * @param text    the question as shown ("Will the forget gate f of unit 17 open (> 0.5) or close?")
 * @param a       choice A
 * @param b       choice B
 * @param answerA whether A is right; null while the answer is still being computed (a comparison that
 *                is training) or when neither choice is right
 * @param reveal  what the revealed value is, said after the answer ("f = 0.83")
 */
public record Question(String text, String a, String b, Boolean answerA, String reveal) {
    /** The gradients view's question compares ‖∂L/∂h‖ at these two steps (h_1 and h_5, as the window numbers them). */
    static final int EARLY = 1, LATE = 5;

    /** Whether the answer is known: a question asked before a comparison is not, until its results are in. */
    public boolean answered() { return answerA != null || !reveal.isEmpty(); }

    /**
     * The gradients view's question: is ‖∂L/∂h_k‖ of {@code p} at step 1 larger or smaller than at step 5
     * (or the last step, when the input is shorter)? k counts the states h_k, so step 1 is h_1.
     */
    public static Question forGradient(GradientProfile p) {
        int late = Math.min(LATE, p.steps());
        double early = p.gradH()[EARLY], later = p.gradH()[late];
        return new Question("In the " + p.kind().title() + ", will ‖∂L/∂h‖ at step " + EARLY + " be larger or smaller than at step "
                + late + "?", "larger", "smaller", early > later, "‖∂L/∂h" + sub(EARLY) + "‖ = " + GradientText.number(early)
                + ", ‖∂L/∂h" + sub(late) + "‖ = " + GradientText.number(later));
    }

    /**
     * The training panel's question, asked when Compare is pressed: which of the comparison's two gated
     * cells reaches its target accuracy first? Its answer comes with the results ({@link #comparisonAnswer}).
     */
    public static Question forComparison(TrainingConfig base) {
        List<String> gated = GATED.stream().filter(Comparison.SEEDS_CELLS::contains).toList();
        String a = gated.get(0), b = gated.get(1);
        return new Question("Which cell will reach " + percent(new Comparison(base, List.of(a)).config(a).untilAccuracy())
                + " of the validation sums first, in fewer epochs?", Comparison.title(a), Comparison.title(b), null, "");
    }

    /** The comparison question answered: {@code epochs} is, per cell key, the epochs it took to reach the target (NaN: never). */
    public static Question comparisonAnswer(Question asked, Map<String, Double> epochs) {
        String a = GATED.stream().filter(c -> Comparison.title(c).equals(asked.a())).findFirst().orElseThrow();
        String b = GATED.stream().filter(c -> Comparison.title(c).equals(asked.b())).findFirst().orElseThrow();
        double ea = epochs.getOrDefault(a, Double.NaN), eb = epochs.getOrDefault(b, Double.NaN);
        Boolean answerA = Double.isNaN(ea) && Double.isNaN(eb) ? null : Double.isNaN(eb) || (!Double.isNaN(ea) && ea <= eb);
        String reveal = asked.a() + ": " + reached(ea) + ", " + asked.b() + ": " + reached(eb);
        return new Question(asked.text(), asked.a(), asked.b(), answerA, answerA == null ? "neither reached it — " + reveal : reveal);
    }

    /** The gated cells a comparison question chooses between, in the order the choices show them. */
    private static final List<String> GATED = List.of("lstm", "gru");

    private static String reached(double epochs) {
        if (Double.isNaN(epochs)) return "not reached";
        String n = epochs == Math.rint(epochs) ? Long.toString((long) epochs) : String.format(Locale.ROOT, "%.1f", epochs);
        return "after " + n + (epochs == 1 ? " epoch" : " epochs");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    private static String sub(int k) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(k).toCharArray()) sb.append((char) ('₀' + ch - '0'));
        return sb.toString();
    }

    /**
     * A question about the whole of step {@code t} (0 over encoder then decoder steps): the digit the
     * decoder writes when the model has a head, otherwise whether a gate of unit {@code unit} opens.
     */
    public static Question forStep(ModelTrace trace, int t, int layer, int unit, Notation notation) {
        TimeAxis axis = new TimeAxis(trace);
        if (axis.isDecoder(t) && trace.probabilities().length > 0) return digit(trace, axis.localIndex(t));
        LayerTrace l = axis.layer(t, layer);
        CellAnatomy anatomy = l.kind().anatomy();
        if (anatomy.isPlainRnn()) return sign(l, axis.localIndex(t), pick(l, axis.localIndex(t), -1, unit), notation);
        CellAnatomy.Block gate = anatomy.find("f").orElse(anatomy.gates().get(0));
        return gate(l, axis.localIndex(t), gate, unit, notation);
    }

    /**
     * A question about sub-step {@code subStep} of step {@code t}: whether the first gate it computes
     * opens, or null when that sub-step computes no gate (the inputs, a state update).
     */
    public static Question forSubStep(ModelTrace trace, int t, int subStep, int layer, int unit, Notation notation) {
        TimeAxis axis = new TimeAxis(trace);
        LayerTrace l = axis.layer(t, layer);
        var steps = l.kind().anatomy().subSteps();
        if (subStep < 0 || subStep >= steps.size()) return null;
        return steps.get(subStep).blocks().stream().filter(CellAnatomy.Block::isGate).findFirst()
                .map(g -> gate(l, axis.localIndex(t), g, unit, notation)).orElse(null);
    }

    private static Question gate(LayerTrace l, int local, CellAnatomy.Block gate, int unit, Notation notation) {
        CellKind kind = l.kind();
        int u = pick(l, local, gate.index(), unit);
        double v = l.step(local).gate(gate.index(), u);
        String name = notation.longName(kind, gate.index()) + " " + Notation.plain(notation.symbol(kind, gate.index()));
        return new Question("Will the " + name + " of unit " + u + " open (> 0.5) or close?", "open", "close", v > 0.5,
                Notation.plain(notation.symbol(kind, gate.index())) + " = " + two(v));
    }

    private static Question sign(LayerTrace l, int local, int u, Notation notation) {
        double v = l.step(local).h(u);
        return new Question("Will h of unit " + u + " be positive or negative?", "positive", "negative", v > 0, "h = " + two(v));
    }

    private static Question digit(ModelTrace trace, int local) {
        double[] p = trace.probabilities()[local];
        int best = 0, second = -1;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        for (int k = 0; k < p.length; k++) if (k != best && (second < 0 || p[k] > p[second])) second = k;
        String right = shown(trace.vocabulary().get(best)), other = shown(trace.vocabulary().get(second));
        // Which side the right answer is on alternates with the step, so "always A" does not win.
        boolean rightIsA = local % 2 == 0;
        return new Question("Which character will the decoder write at this step?", rightIsA ? right : other,
                rightIsA ? other : right, rightIsA, "“" + right + "” with p = " + two(p[best]));
    }

    /** The selected unit, or else the one whose value at this step is most decided (furthest from 0.5, or 0). */
    private static int pick(LayerTrace l, int local, int block, int unit) {
        if (unit >= 0 && unit < l.hiddenSize()) return unit;
        int best = 0;
        double far = -1;
        for (int u = 0; u < l.hiddenSize(); u++) {
            double v = block < 0 ? Math.abs(l.step(local).h(u)) : Math.abs(l.step(local).gate(block, u) - 0.5);
            if (v > far) {
                far = v;
                best = u;
            }
        }
        return best;
    }

    private static String shown(String symbol) { return symbol.equals(" ") ? "␣ (blank)" : symbol; }

    private static String two(double v) { return String.format(Locale.ROOT, "%.2f", v).replace('-', '−'); }
}
