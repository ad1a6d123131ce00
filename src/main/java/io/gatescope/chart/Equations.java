package io.gatescope.chart;

import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellAnatomy.Activated;
import io.gatescope.engine.CellAnatomy.Block;
import io.gatescope.engine.CellAnatomy.CellUpdate;
import io.gatescope.engine.CellAnatomy.Interpolation;
import io.gatescope.engine.CellAnatomy.Role;
import io.gatescope.engine.CellAnatomy.Update;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cell's equations written in one {@link Notation}, as vector lines for the equations panel and
 * as one unit's line with the step's numbers substituted, so a student can redo the arithmetic:
 * {@code f₃ = σ(W_f[3]·[h_{t−1}, x_t] + b_f[3]) = σ(0.412) = 0.602}.
 *
 * <p>The lines always describe what the engine computes (PyTorch's GRU, the engine's peepholes on
 * c_{t−1}), written with the chosen notation's symbols and its habits: PyTorch, Ng and the
 * interview book multiply one matrix by the concatenation [h, x]; Keras writes x·W + h·U and folds
 * the LSTM candidate into the c line, as its source does. Numbers show 3 decimals; the full value is
 * {@link Notation#fullPrecision(double)}.
 */
public final class Equations {
    private static final String SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";

    private final Notation n;
    private final CellKind kind;
    private final CellAnatomy anatomy;
    private final boolean peepholes;

    /**
     * @param peepholes whether the LSTM's i, f and o also read c_{t−1} (the engine's peephole variant)
     */
    public Equations(Notation notation, CellKind kind, boolean peepholes) {
        if (peepholes && kind.anatomy().peepholeBlocks().isEmpty()) {
            throw new IllegalArgumentException("peephole connections exist only for the LSTM, not " + kind.id());
        }
        this.n = notation;
        this.kind = kind;
        this.anatomy = kind.anatomy();
        this.peepholes = peepholes;
    }

    /** Every equation of the cell, in the notation's display order, then the state updates. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        Update update = anatomy.update();
        if (update instanceof Activated a) {
            lines.add(hidden() + " = " + activation(a.hidden().index()) + "(" + body(a.hidden().index(), -1) + ")");
            return lines;
        }
        for (int b : n.displayOrder(kind)) {
            lines.add(kerasCandidate(b) ? cellLine((CellUpdate) update) : timed(b) + " = " + activation(b) + "(" + body(b, -1) + ")");
        }
        if (update instanceof CellUpdate u) {
            if (n != Notation.KERAS) lines.add(cellLine(u));
            lines.add(hidden() + " = " + timed(u.output().index()) + " ⊙ tanh(" + cell() + ")");
        } else if (update instanceof Interpolation u) {
            lines.add(hidden() + " = " + mix(u, timed(u.gate().index()), timed(u.candidate().index()), previousHidden(), " ⊙ "));
            if (n.hiddenLetter(kind).equals("c")) {
                String output = n == Notation.NG ? "a" : "h";
                lines.add(output + n.currentTime() + " = " + hidden());
            }
        }
        return lines;
    }

    /**
     * One unit's equation with {@code step}'s numbers substituted.
     *
     * @throws IllegalArgumentException when the unit is out of range or the kind has no such quantity
     */
    public String unit(Quantity quantity, StepTrace step, int unit) {
        if (unit < 0 || unit >= step.hiddenSize()) {
            throw new IllegalArgumentException("unit must be in 0.." + (step.hiddenSize() - 1) + ", got " + unit);
        }
        if (!quantity.existsFor(kind)) {
            throw new IllegalArgumentException(kind.title() + " has no " + quantity);
        }
        Update update = anatomy.update();
        return switch (quantity.type()) {
            case GATE, PREACTIVATION -> blockUnit(quantity.block(), step, unit);
            case CELL_STATE -> cellUnit((CellUpdate) update, step, unit);
            case HIDDEN_STATE -> hiddenUnit(update, step, unit);
        };
    }

    private String hiddenUnit(Update update, StepTrace step, int unit) {
        if (update instanceof CellUpdate u) return lstmHiddenUnit(u, step, unit);
        if (update instanceof Interpolation u) return mixedHiddenUnit(u, step, unit);
        return blockUnit(((Activated) update).hidden().index(), step, unit);
    }

    private String blockUnit(int b, StepTrace step, int u) {
        String act = activation(b);
        String lhs = kerasCandidate(b) ? "" : unitSymbol(b, u) + " = ";
        double pre = step.pre(b, u), value = step.gate(b, u), free = free(b, pre);
        // A what-if clamp replaced the activation's value: say what it would have been and what it was held at.
        String result = Math.abs(free - value) > 1e-9 ? number(free) + ", held at " + number(value) : number(value);
        return lhs + act + "(" + body(b, u) + ") = " + act + "(" + number(pre) + ") = " + result;
    }

    /** The block's activation of {@code pre}: the value the gate takes when nothing holds it. */
    private double free(int b, double pre) {
        return switch (anatomy.block(b).activation()) {
            case SIGMOID -> io.gatescope.engine.Activations.sigmoid(pre);
            case TANH -> Math.tanh(pre);
            case RELU -> io.gatescope.engine.Activations.relu(pre);
        };
    }

    private String cellUnit(CellUpdate update, StepTrace s, int u) {
        int i = update.input().index(), f = update.forget().index(), g = update.candidate().index();
        String c = "c" + digits(u);
        String prev = previousUnit("c", u);
        String candidate = n == Notation.KERAS ? "tanh(…)" : unitSymbol(g, u);
        if (inputTermFirst()) {
            return c + " = " + unitSymbol(i, u) + "·" + candidate + " + " + unitSymbol(f, u) + "·" + prev
                    + " = " + factor(s.gate(i, u)) + "·" + factor(s.gate(g, u)) + " + " + factor(s.gate(f, u)) + "·"
                    + factor(s.cPrev(u)) + " = " + number(s.c(u));
        }
        return c + " = " + unitSymbol(f, u) + "·" + prev + " + " + unitSymbol(i, u) + "·" + candidate
                + " = " + factor(s.gate(f, u)) + "·" + factor(s.cPrev(u)) + " + " + factor(s.gate(i, u)) + "·"
                + factor(s.gate(g, u)) + " = " + number(s.c(u));
    }

    private String lstmHiddenUnit(CellUpdate update, StepTrace s, int u) {
        int o = update.output().index();
        return n.hiddenLetter(kind) + digits(u) + " = " + unitSymbol(o, u) + "·tanh(c" + digits(u) + ") = "
                + factor(s.gate(o, u)) + "·tanh(" + number(s.c(u)) + ") = " + number(s.h(u));
    }

    private String mixedHiddenUnit(Interpolation update, StepTrace s, int u) {
        int gate = update.gate().index(), cand = update.candidate().index();
        String letter = n.hiddenLetter(kind);
        String symbols = mix(update, unitSymbol(gate, u), unitSymbol(cand, u), previousUnit(letter, u), "·");
        String numbers = mix(update, number(s.gate(gate, u)), factor(s.gate(cand, u)), factor(s.hPrev(u)), "·");
        return letter + digits(u) + " = " + symbols + " = " + numbers + " = " + number(s.h(u));
    }

    /**
     * A GRU's new state from its gate, candidate and old state. PyTorch's z keeps the old state; the
     * seeds' single-gate GRU's u takes the candidate; Keras writes the old-state term first.
     */
    private String mix(Interpolation update, String gate, String candidate, String old, String times) {
        if (!update.gateKeepsOld()) {
            return gate + times + candidate + " + (1 − " + gate + ")" + times + old;
        }
        if (n == Notation.KERAS) {
            return gate + times + old + " + (1 − " + gate + ")" + times + candidate;
        }
        return "(1 − " + gate + ")" + times + candidate + " + " + gate + times + old;
    }

    private String cellLine(CellUpdate u) {
        int i = u.input().index(), f = u.forget().index(), g = u.candidate().index();
        String candidate = n == Notation.KERAS ? "tanh(" + body(g, -1) + ")" : timed(g);
        if (inputTermFirst()) {
            return cell() + " = " + timed(i) + " ⊙ " + candidate + " + " + timed(f) + " ⊙ " + previousCell();
        }
        return cell() + " = " + timed(f) + " ⊙ " + previousCell() + " + " + timed(i) + " ⊙ " + candidate;
    }

    /** Ng and the interview book write the c update with the written term first: u ⊙ c̃ + f ⊙ c_prev. */
    private boolean inputTermFirst() {
        return n == Notation.NG || n == Notation.INTERVIEW;
    }

    /** Keras never names the LSTM candidate apart: its line is folded into the c line, as its source does. */
    private boolean kerasCandidate(int b) {
        return n == Notation.KERAS && anatomy.update() instanceof CellUpdate u && u.candidate().index() == b;
    }

    /**
     * The argument of a block's nonlinearity; {@code unit} &lt; 0 gives the vector form, otherwise
     * the row of that unit ({@code W_f[3]}; Keras kernels are I×H, so a unit is a column).
     */
    private String body(int b, int unit) {
        String row = unit < 0 ? "" : "[" + unit + "]";
        String column = unit < 0 ? "" : "[:," + unit + "]";
        String key = n.weightKey(kind, b);
        String x = "x" + n.currentTime(), hPrev = previousHidden();
        boolean peep = peepholes && anatomy.peepholeBlocks().contains(anatomy.block(b));
        Optional<Block> reset = anatomy.reset();
        if (reset.isPresent() && anatomy.block(b).role() == Role.CANDIDATE) {
            int r = reset.get().index();
            String gate = unit < 0 ? timed(r) : unitSymbol(r, unit);
            String times = unit < 0 ? " ⊙ " : "·";
            if (n == Notation.KERAS) {
                return x + "·W" + sub(key) + column + " + b" + sub(key) + row + " + " + gate + times + "("
                        + hPrev + "·U" + sub(key) + column + " + b′" + sub(key) + row + ")";
            }
            String xKey = n == Notation.PYTORCH ? "i" + key : key + "x";
            String hKey = n == Notation.PYTORCH ? "h" + key : key + n.hiddenLetter(kind);
            return "W" + sub(xKey) + row + "·" + x + " + b" + sub(xKey) + row + " + " + gate + times + "(W"
                    + sub(hKey) + row + "·" + hPrev + " + b" + sub(hKey) + row + ")";
        }
        if (n == Notation.KERAS) {
            String peephole = peep ? " + " + previousCell() + "·V" + sub(key) + column : "";
            return x + "·W" + sub(key) + column + " + " + hPrev + "·U" + sub(key) + column + peephole
                    + " + b" + sub(key) + row;
        }
        String inputs = (peep ? previousCell() + ", " : "") + hPrev + ", " + x;
        return "W" + sub(key) + row + "·[" + inputs + "] + b" + sub(key) + row;
    }

    private String activation(int b) {
        return anatomy.block(b).activation().symbol();
    }

    /** A block symbol with its time index in the vector equations (Ng leaves gates untimed). */
    private String timed(int b) {
        String symbol = n.symbol(kind, b);
        return n == Notation.NG ? symbol : symbol + n.currentTime();
    }

    private String unitSymbol(int b, int unit) {
        return n.symbol(kind, b) + digits(unit);
    }

    /** A state at t−1 for one unit: c_{t−1,3}, h_{i−1,3}, c^{⟨t−1⟩}₃. */
    private String previousUnit(String letter, int unit) {
        if (n == Notation.NG) return letter + n.previousTime() + digits(unit);
        return letter + "_{" + n.timeLetter() + "−1," + unit + "}";
    }

    private String hidden() { return n.stateSymbol(Notation.State.HIDDEN, kind); }

    private String previousHidden() { return n.stateSymbol(Notation.State.PREVIOUS_HIDDEN, kind); }

    private String cell() { return n.stateSymbol(Notation.State.CELL, kind); }

    private String previousCell() { return n.stateSymbol(Notation.State.PREVIOUS_CELL, kind); }

    private static String sub(String key) {
        if (key.isEmpty()) return "";
        return key.length() == 1 ? "_" + key : "_{" + key + "}";
    }

    /** A unit index as subscript digits: 12 → ₁₂. */
    static String digits(int unit) {
        StringBuilder out = new StringBuilder();
        for (char d : Integer.toString(unit).toCharArray()) out.append(SUBSCRIPT_DIGITS.charAt(d - '0'));
        return out.toString();
    }

    /** 3 decimals with a true minus sign; a value that rounds to zero prints unsigned; NaN, ∞, −∞ as such. */
    static String number(double v) {
        return Numbers.fixed(v, 3);
    }

    /** A number as a factor of a product: negatives in parentheses, so "·(−0.113)" is not read as a subtraction. */
    private static String factor(double v) {
        String s = number(v);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }
}
