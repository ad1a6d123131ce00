package io.gatescope.chart;

import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four ways lectures and books name the same numbers. Students arrive with one of them; the
 * app speaks theirs while the engine keeps PyTorch's block order underneath.
 *
 * <ul>
 *   <li>{@link #PYTORCH}: colah's blog and the PyTorch docs: LSTM i, f, g, o; c, h; GRU r, z, n.</li>
 *   <li>{@link #NG}: Andrew Ng's course: Γu update (the input gate), Γf, Γo, candidate c̃, memory
 *       c, activation a; time as a superscript ⟨t⟩. His GRU's state is c (with a = c).</li>
 *   <li>{@link #INTERVIEW}: the interview book in the seeds: update gate u, forget f, output o,
 *       temporary cell state c′, hidden h, time step i; its single-gate GRU's state is c (h = c).</li>
 *   <li>{@link #KERAS}: kernel slices i, f, c, o, where c is the candidate (Keras never names it
 *       apart from the kernel); GRU slices z, r, h with the candidate called h̃ ({@code hh} in Keras).</li>
 * </ul>
 *
 * <p>A GRU here is always PyTorch's form, whatever the labels: its z (Ng's and the book's u)
 * weights the <em>old</em> state, so the h equation shows (1 − u) on the candidate. Labels are rich
 * text: {@code _x} or {@code _{..}} is a subscript and {@code ^{..}} a superscript, which
 * {@link Typography} draws; {@link #plain(String)} strips the markup for plain widgets.
 */
public enum Notation {
    PYTORCH("PyTorch / colah"),
    NG("Andrew Ng"),
    INTERVIEW("Interview book"),
    KERAS("Keras");

    /** The states that flow into and out of a cell. */
    public enum State { INPUT, HIDDEN, PREVIOUS_HIDDEN, CELL, PREVIOUS_CELL }

    /**
     * One notation's names for one block, keyed in {@link #names} by the block's PyTorch letter.
     *
     * @param symbol   rich text: "f", "Γ_f", "c′", "c̃"
     * @param key      the weight subscript: W_f, W_u, W_c
     * @param longName in words: "forget gate", "candidate"
     */
    private record Name(String symbol, String key, String longName) {
    }

    /** One notation's names for one cell kind: by PyTorch letter, and the letters in the order this notation lists them. */
    private record Names(Map<String, Name> byLetter, List<String> order) {
    }

    private final String title;

    Notation(String title) {
        this.title = title;
    }

    /** For menus: "PyTorch / colah", "Andrew Ng", ... */
    public String title() { return title; }

    /** The symbol of gate block {@code block} (PyTorch order), rich text: "f", "Γ_f", "c′", "c̃". */
    public String symbol(CellKind kind, int block) {
        return name(kind, block).map(Name::symbol).orElseGet(() -> hiddenLetter(kind));
    }

    /** The weight subscript of block {@code block}: W_f, W_u, W_c ... */
    String weightKey(CellKind kind, int block) {
        return name(kind, block).map(Name::key).orElseGet(() -> hiddenLetter(kind));
    }

    /** What the block is called in words: "forget gate", "candidate", "reset gate". */
    public String longName(CellKind kind, int block) {
        return name(kind, block).map(Name::longName).orElseGet(() -> stateName(State.HIDDEN));
    }

    /** The order this notation lists the blocks in (PyTorch block indices): Ng starts from c̃, Keras's GRU from z. */
    public List<Integer> displayOrder(CellKind kind) {
        CellAnatomy a = kind.anatomy();
        return a.isPlainRnn() ? List.of(0) : names(kind).order().stream().map(a::blockIndex).toList();
    }

    /**
     * What sub-step {@code subStep} of a {@code kind} step computes, in this notation's words:
     * "inputs", "forget gate", "input gate and candidate", "cell state", "output gate and hidden state".
     */
    public String subStepName(CellKind kind, int subStep) {
        CellAnatomy a = kind.anatomy();
        if (subStep < 0 || subStep >= a.subStepCount()) {
            throw new IllegalArgumentException(kind.title() + " has sub-steps 0.." + (a.subStepCount() - 1) + ", got " + subStep);
        }
        CellAnatomy.SubStep s = a.subSteps().get(subStep);
        if (s.isInputs()) return "inputs";
        List<String> parts = new ArrayList<>();
        // A plain RNN's block is h itself: the state names it.
        for (CellAnatomy.Block b : s.blocks()) if (b.role() != CellAnatomy.Role.HIDDEN) parts.add(longName(kind, b.index()));
        for (CellAnatomy.State state : s.states()) {
            parts.add(stateName(state == CellAnatomy.State.CELL ? State.CELL : State.HIDDEN));
        }
        return String.join(" and ", parts);
    }

    /** A state with its time index: "h_{t−1}", "a^{⟨t⟩}", "c_{i−1}", "x_t". */
    public String stateSymbol(State state, CellKind kind) {
        String letter = switch (state) {
            case INPUT -> "x";
            case HIDDEN, PREVIOUS_HIDDEN -> hiddenLetter(kind);
            case CELL, PREVIOUS_CELL -> "c";
        };
        boolean previous = state == State.PREVIOUS_HIDDEN || state == State.PREVIOUS_CELL;
        return letter + (previous ? previousTime() : currentTime());
    }

    /** A state in words: "cell state", "hidden state", ... (Ng calls them memory cell and activation). */
    public String stateName(State state) {
        boolean ng = this == NG;
        return switch (state) {
            case INPUT -> "input";
            case HIDDEN -> ng ? "activation" : "hidden state";
            case PREVIOUS_HIDDEN -> ng ? "previous activation" : "previous hidden state";
            case CELL -> ng ? "memory cell" : "cell state";
            case PREVIOUS_CELL -> ng ? "previous memory cell" : "previous cell state";
        };
    }

    /** The short label of a quantity, as a strip or heatmap titles it: "f", "c_t", "pre f". */
    public String label(CellKind kind, Quantity quantity) {
        return switch (quantity.type()) {
            case GATE -> symbol(kind, quantity.block());
            case PREACTIVATION -> "pre " + symbol(kind, quantity.block());
            case CELL_STATE -> stateSymbol(State.CELL, kind);
            case HIDDEN_STATE -> stateSymbol(State.HIDDEN, kind);
        };
    }

    /** The long title of a quantity: "f — forget gate", "c_t — cell state". */
    public String title(CellKind kind, Quantity quantity) {
        return switch (quantity.type()) {
            case GATE -> symbol(kind, quantity.block()) + " — " + longName(kind, quantity.block());
            case PREACTIVATION -> symbol(kind, quantity.block()) + " — " + longName(kind, quantity.block())
                    + ", before its nonlinearity";
            case CELL_STATE -> stateSymbol(State.CELL, kind) + " — " + stateName(State.CELL);
            case HIDDEN_STATE -> stateSymbol(State.HIDDEN, kind) + " — " + stateName(State.HIDDEN);
        };
    }

    /** The equations of {@code kind} in this notation, one line each, in display order. */
    public List<String> equations(CellKind kind) {
        return equations(kind, false);
    }

    /**
     * The equations of {@code kind} in this notation; with {@code peepholes} (an LSTM only) the
     * i, f and o lines also read c_{t−1}.
     */
    public List<String> equations(CellKind kind, boolean peepholes) {
        return new Equations(this, kind, peepholes).lines();
    }

    /**
     * One unit's equation with the numbers of {@code step} substituted, e.g.
     * {@code f₃ = σ(W_f[3]·[h_{t−1}, x_t] + b_f[3]) = σ(0.412) = 0.602}.
     */
    public String unitEquation(CellKind kind, Quantity quantity, StepTrace step, int unit) {
        return unitEquation(kind, false, quantity, step, unit);
    }

    /** One unit's equation with numbers, for a peephole LSTM when {@code peepholes} (then the gates read c_{t−1}). */
    public String unitEquation(CellKind kind, boolean peepholes, Quantity quantity, StepTrace step, int unit) {
        return new Equations(this, kind, peepholes).unit(quantity, step, unit);
    }

    /** The exact value behind a rounded number: Java's shortest string that reads back to the same double ({@link Numbers#exact}). */
    public static String fullPrecision(double value) {
        return Numbers.exact(value);
    }

    /** {@code rich} without markup, for widgets that cannot draw subscripts: "Γ_f" → "Γf", "h_{t−1}" → "ht−1". */
    public static String plain(String rich) {
        StringBuilder out = new StringBuilder();
        for (Typography.Run run : Typography.parse(rich)) out.append(run.text());
        return out.toString();
    }

    /** The hidden state's letter: h, a (Ng), or c where the source's GRU has only a memory cell. */
    String hiddenLetter(CellKind kind) {
        boolean gru = kind == CellKind.GRU || kind == CellKind.GRU_SIMPLE;
        return switch (this) {
            case NG -> gru ? "c" : "a";
            case INTERVIEW -> kind == CellKind.GRU_SIMPLE ? "c" : "h";
            default -> "h";
        };
    }

    /** The letter this notation counts time with: t, or i in the interview book. */
    public String timeLetter() {
        return this == INTERVIEW ? "i" : "t";
    }

    /** The subscript or superscript that marks time t. */
    String currentTime() {
        return this == NG ? "^{⟨t⟩}" : "_" + timeLetter();
    }

    /** The subscript or superscript that marks time t−1. */
    String previousTime() {
        return this == NG ? "^{⟨t−1⟩}" : "_{" + timeLetter() + "−1}";
    }

    /** The names of block {@code block}; empty for a plain RNN's block, which is named as h. */
    private Optional<Name> name(CellKind kind, int block) {
        CellAnatomy.Block b = kind.anatomy().block(block);
        if (b.role() == CellAnatomy.Role.HIDDEN) return Optional.empty();
        return Optional.of(names(kind).byLetter().get(b.letter()));
    }

    private Names names(CellKind kind) {
        return switch (kind) {
            case LSTM -> lstm();
            case GRU -> gru();
            case GRU_SIMPLE -> simpleGru();
            case RNN_TANH, RNN_RELU -> throw new IllegalStateException("a plain RNN has no gates");
        };
    }

    private Names lstm() {
        return switch (this) {
            case PYTORCH -> names("i f g o",
                    "i", new Name("i", "i", "input gate"), "f", new Name("f", "f", "forget gate"),
                    "g", new Name("g", "g", "candidate"), "o", new Name("o", "o", "output gate"));
            case NG -> names("g i f o",
                    "i", new Name("Γ_u", "u", "update gate"), "f", new Name("Γ_f", "f", "forget gate"),
                    "g", new Name("c̃", "c", "candidate"), "o", new Name("Γ_o", "o", "output gate"));
            case INTERVIEW -> names("g f i o",
                    "i", new Name("u", "u", "update gate"), "f", new Name("f", "f", "forget gate"),
                    "g", new Name("c′", "c", "temporary cell state"), "o", new Name("o", "o", "output gate"));
            case KERAS -> names("i f g o",
                    "i", new Name("i", "i", "input gate"), "f", new Name("f", "f", "forget gate"),
                    "g", new Name("c", "c", "candidate (kernel slice c)"), "o", new Name("o", "o", "output gate"));
        };
    }

    private Names gru() {
        return switch (this) {
            case PYTORCH -> names("r z n", "r", new Name("r", "r", "reset gate"), "z", new Name("z", "z", "update gate"),
                    "n", new Name("n", "n", "candidate (new gate)"));
            case NG -> names("n z r", "r", new Name("Γ_r", "r", "relevance gate"), "z", new Name("Γ_u", "u", "update gate"),
                    "n", new Name("c̃", "c", "candidate"));
            case INTERVIEW -> names("z r n", "r", new Name("r", "r", "reset gate"), "z", new Name("u", "u", "update gate"),
                    "n", new Name("c′", "c", "temporary cell state"));
            case KERAS -> names("z r n", "r", new Name("r", "r", "reset gate"), "z", new Name("z", "z", "update gate"),
                    "n", new Name("h̃", "h", "candidate (kernel slice h)"));
        };
    }

    private Names simpleGru() {
        return switch (this) {
            case PYTORCH -> names("u g", "u", new Name("u", "u", "update gate"), "g", new Name("g", "g", "candidate"));
            case NG -> names("g u", "u", new Name("Γ_u", "u", "update gate"), "g", new Name("c̃", "c", "candidate"));
            case INTERVIEW -> names("g u", "u", new Name("u", "u", "update gate"), "g", new Name("c′", "c", "temporary cell state"));
            case KERAS -> names("u g", "u", new Name("u", "u", "update gate"), "g", new Name("h̃", "h", "candidate"));
        };
    }

    /** {@code order}: PyTorch letters in this notation's order, space-separated; then letter, name pairs. */
    private static Names names(String order, Object... letterAndName) {
        Map<String, Name> byLetter = new LinkedHashMap<>();
        for (int k = 0; k < letterAndName.length; k += 2) byLetter.put((String) letterAndName[k], (Name) letterAndName[k + 1]);
        return new Names(Map.copyOf(byLetter), List.of(order.split(" ")));
    }
}
