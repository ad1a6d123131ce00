package io.gatescope.ui.lecture.quiz;

import io.gatescope.chart.Notation;
import io.gatescope.chart.TimeAxis;
import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import java.util.Locale;

/**
 * A two-choice question about what the next step or sub-step will show, generated from the trace,
 * whose answer is therefore known before it is revealed. No JavaFX: the questions are plain data.
 *
 * @param text    the question as shown ("Will the forget gate f of unit 17 open (> 0.5) or close?")
 * @param a       choice A
 * @param b       choice B
 * @param answerA whether A is right
 * @param reveal  what the revealed value is, said after the answer ("f = 0.83")
 */
public record Question(String text, String a, String b, boolean answerA, String reveal) {

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
