package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    private final boolean peepholes;

    /**
     * @param peepholes whether the LSTM's i, f and o also read c_{t−1} (the engine's peephole variant)
     */
    public Equations(Notation notation, CellKind kind, boolean peepholes) {
        if (peepholes && kind != CellKind.LSTM) {
            throw new IllegalArgumentException("peephole connections exist only for the LSTM, not " + kind.id());
        }
        this.n = notation;
        this.kind = kind;
        this.peepholes = peepholes;
    }

    /** Every equation of the cell, in the notation's display order, then the state updates. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (kind.isPlainRnn()) {
            lines.add(hidden() + " = " + activation(0) + "(" + body(0, -1) + ")");
            return lines;
        }
        for (int b : n.displayOrder(kind)) {
            boolean kerasCandidate = n == Notation.KERAS && kind == CellKind.LSTM && b == 2;
            lines.add(kerasCandidate ? cellLine() : timed(b) + " = " + activation(b) + "(" + body(b, -1) + ")");
        }
        if (kind == CellKind.LSTM) {
            if (n != Notation.KERAS) lines.add(cellLine());
            lines.add(hidden() + " = " + timed(3) + " ⊙ tanh(" + cell() + ")");
        } else {
            lines.add(hidden() + " = " + gruUpdate(timed(updateBlock()), timed(candidateBlock()), previousHidden(), " ⊙ "));
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
        if (unit < 0 || unit >= step.h().length) {
            throw new IllegalArgumentException("unit must be in 0.." + (step.h().length - 1) + ", got " + unit);
        }
        if (!quantity.existsFor(kind)) {
            throw new IllegalArgumentException(kind.title() + " has no " + quantity);
        }
        int hidden = step.h().length;
        return switch (quantity.type()) {
            case GATE, PREACTIVATION -> gateUnit(quantity.block(), step, unit);
            case CELL_STATE -> cellUnit(step, unit, hidden);
            case HIDDEN_STATE -> kind.isPlainRnn() ? gateUnit(0, step, unit) : hiddenUnit(step, unit, hidden);
        };
    }

    private String gateUnit(int b, StepTrace step, int u) {
        int hidden = step.h().length;
        double pre = step.preactivation()[b * hidden + u];
        double value = step.gates()[b * hidden + u];
        String act = activation(b);
        boolean kerasCandidate = n == Notation.KERAS && kind == CellKind.LSTM && b == 2;
        String lhs = kerasCandidate ? "" : unitSymbol(b, u) + " = ";
        return lhs + act + "(" + body(b, u) + ") = " + act + "(" + number(pre) + ") = " + number(value);
    }

    private String cellUnit(StepTrace s, int u, int hidden) {
        double in = s.gates()[u], forget = s.gates()[hidden + u], cand = s.gates()[2 * hidden + u];
        String c = "c" + digits(u);
        String prev = previousUnit("c", u);
        String candidate = n == Notation.KERAS ? "tanh(…)" : unitSymbol(2, u);
        if (n == Notation.NG || n == Notation.INTERVIEW) {
            return c + " = " + unitSymbol(0, u) + "·" + candidate + " + " + unitSymbol(1, u) + "·" + prev
                    + " = " + factor(in) + "·" + factor(cand) + " + " + factor(forget) + "·" + factor(s.cPrev()[u])
                    + " = " + number(s.c()[u]);
        }
        return c + " = " + unitSymbol(1, u) + "·" + prev + " + " + unitSymbol(0, u) + "·" + candidate
                + " = " + factor(forget) + "·" + factor(s.cPrev()[u]) + " + " + factor(in) + "·" + factor(cand)
                + " = " + number(s.c()[u]);
    }

    private String hiddenUnit(StepTrace s, int u, int hidden) {
        String h = n.hiddenLetter(kind) + digits(u);
        if (kind == CellKind.LSTM) {
            double out = s.gates()[3 * hidden + u];
            return h + " = " + unitSymbol(3, u) + "·tanh(c" + digits(u) + ") = " + factor(out) + "·tanh("
                    + number(s.c()[u]) + ") = " + number(s.h()[u]);
        }
        int ub = updateBlock(), cb = candidateBlock();
        String symbols = gruUpdate(unitSymbol(ub, u), unitSymbol(cb, u), previousUnit(n.hiddenLetter(kind), u), "·");
        String numbers = gruUpdate(number(s.gates()[ub * hidden + u]), factor(s.gates()[cb * hidden + u]),
                factor(s.hPrev()[u]), "·");
        return h + " = " + symbols + " = " + numbers + " = " + number(s.h()[u]);
    }

    /**
     * The GRU's new state from its update gate, candidate and old state. PyTorch's z keeps the old
     * state; the seeds' single-gate GRU's u takes the candidate; Keras writes the old-state term first.
     */
    private String gruUpdate(String gate, String candidate, String old, String times) {
        if (kind == CellKind.GRU_SIMPLE) {
            return gate + times + candidate + " + (1 − " + gate + ")" + times + old;
        }
        if (n == Notation.KERAS) {
            return gate + times + old + " + (1 − " + gate + ")" + times + candidate;
        }
        return "(1 − " + gate + ")" + times + candidate + " + " + gate + times + old;
    }

    private String cellLine() {
        String candidate = n == Notation.KERAS ? "tanh(" + body(2, -1) + ")" : timed(2);
        if (n == Notation.NG || n == Notation.INTERVIEW) {
            return cell() + " = " + timed(0) + " ⊙ " + candidate + " + " + timed(1) + " ⊙ " + previousCell();
        }
        return cell() + " = " + timed(1) + " ⊙ " + previousCell() + " + " + timed(0) + " ⊙ " + candidate;
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
        boolean peep = peepholes && b != 2;
        if (kind == CellKind.GRU && b == 2) {
            String gate = unit < 0 ? timed(0) : unitSymbol(0, unit);
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
        return Quantity.activationName(kind, b);
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
        return switch (n) {
            case NG -> letter + n.previousTime() + digits(unit);
            case INTERVIEW -> letter + "_{i−1," + unit + "}";
            default -> letter + "_{t−1," + unit + "}";
        };
    }

    private String hidden() { return n.stateSymbol(Notation.State.HIDDEN, kind); }

    private String previousHidden() { return n.stateSymbol(Notation.State.PREVIOUS_HIDDEN, kind); }

    private String cell() { return n.stateSymbol(Notation.State.CELL, kind); }

    private String previousCell() { return n.stateSymbol(Notation.State.PREVIOUS_CELL, kind); }

    /** The GRU block whose gate mixes old and new state: z (PyTorch GRU) or u (single-gate GRU). */
    private int updateBlock() { return kind == CellKind.GRU ? 1 : 0; }

    private int candidateBlock() { return kind == CellKind.GRU ? 2 : 1; }

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

    /** 3 decimals with a true minus sign; a value that rounds to zero prints unsigned. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        if (s.equals("-0.000")) return "0.000";
        return s.replace('-', '−');
    }

    /** A number as a factor of a product: negatives in parentheses, so "·(−0.113)" is not read as a subtraction. */
    private static String factor(double v) {
        String s = number(v);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }
}
