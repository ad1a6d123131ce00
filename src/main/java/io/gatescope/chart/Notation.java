package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.util.List;

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

    /** One notation's names for one cell kind, all indexed by PyTorch block. */
    private record Names(List<String> symbols, List<String> keys, List<String> longNames, List<Integer> order) {
    }

    private final String title;

    Notation(String title) {
        this.title = title;
    }

    /** For menus: "PyTorch / colah", "Andrew Ng", ... */
    public String title() { return title; }

    /** The symbol of gate block {@code block} (PyTorch order), rich text: "f", "Γ_f", "c′", "c̃". */
    public String symbol(CellKind kind, int block) {
        if (kind.isPlainRnn()) return hiddenLetter(kind);
        return names(kind).symbols().get(checkBlock(kind, block));
    }

    /** The weight subscript of block {@code block}: W_f, W_u, W_c ... */
    String weightKey(CellKind kind, int block) {
        return kind.isPlainRnn() ? hiddenLetter(kind) : names(kind).keys().get(checkBlock(kind, block));
    }

    /** What the block is called in words: "forget gate", "candidate", "reset gate". */
    public String longName(CellKind kind, int block) {
        if (kind.isPlainRnn()) return "hidden state";
        return names(kind).longNames().get(checkBlock(kind, block));
    }

    /** The order this notation lists the blocks in (PyTorch block indices): Ng starts from c̃, Keras's GRU from z. */
    public List<Integer> displayOrder(CellKind kind) {
        return kind.isPlainRnn() ? List.of(0) : names(kind).order();
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

    /** The exact value behind a rounded number: Java's shortest string that reads back to the same double. */
    public static String fullPrecision(double value) {
        return Double.toString(value);
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

    /** The subscript or superscript that marks time t. */
    String currentTime() {
        return switch (this) {
            case NG -> "^{⟨t⟩}";
            case INTERVIEW -> "_i";
            default -> "_t";
        };
    }

    /** The subscript or superscript that marks time t−1. */
    String previousTime() {
        return switch (this) {
            case NG -> "^{⟨t−1⟩}";
            case INTERVIEW -> "_{i−1}";
            default -> "_{t−1}";
        };
    }

    private static int checkBlock(CellKind kind, int block) {
        if (block < 0 || block >= kind.blocks()) {
            throw new IllegalArgumentException(kind.title() + " has blocks 0.." + (kind.blocks() - 1) + ", got " + block);
        }
        return block;
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
        List<String> gates = List.of("input gate", "forget gate", "candidate", "output gate");
        return switch (this) {
            case PYTORCH -> new Names(List.of("i", "f", "g", "o"), List.of("i", "f", "g", "o"), gates, List.of(0, 1, 2, 3));
            case NG -> new Names(List.of("Γ_u", "Γ_f", "c̃", "Γ_o"), List.of("u", "f", "c", "o"),
                    List.of("update gate", "forget gate", "candidate", "output gate"), List.of(2, 0, 1, 3));
            case INTERVIEW -> new Names(List.of("u", "f", "c′", "o"), List.of("u", "f", "c", "o"),
                    List.of("update gate", "forget gate", "temporary cell state", "output gate"), List.of(2, 1, 0, 3));
            case KERAS -> new Names(List.of("i", "f", "c", "o"), List.of("i", "f", "c", "o"),
                    List.of("input gate", "forget gate", "candidate (kernel slice c)", "output gate"), List.of(0, 1, 2, 3));
        };
    }

    private Names gru() {
        return switch (this) {
            case PYTORCH -> new Names(List.of("r", "z", "n"), List.of("r", "z", "n"),
                    List.of("reset gate", "update gate", "candidate (new gate)"), List.of(0, 1, 2));
            case NG -> new Names(List.of("Γ_r", "Γ_u", "c̃"), List.of("r", "u", "c"),
                    List.of("relevance gate", "update gate", "candidate"), List.of(2, 1, 0));
            case INTERVIEW -> new Names(List.of("r", "u", "c′"), List.of("r", "u", "c"),
                    List.of("reset gate", "update gate", "temporary cell state"), List.of(1, 0, 2));
            case KERAS -> new Names(List.of("r", "z", "h̃"), List.of("r", "z", "h"),
                    List.of("reset gate", "update gate", "candidate (kernel slice h)"), List.of(1, 0, 2));
        };
    }

    private Names simpleGru() {
        return switch (this) {
            case PYTORCH -> new Names(List.of("u", "g"), List.of("u", "g"), List.of("update gate", "candidate"), List.of(0, 1));
            case NG -> new Names(List.of("Γ_u", "c̃"), List.of("u", "c"), List.of("update gate", "candidate"), List.of(1, 0));
            case INTERVIEW -> new Names(List.of("u", "c′"), List.of("u", "c"),
                    List.of("update gate", "temporary cell state"), List.of(1, 0));
            case KERAS -> new Names(List.of("u", "h̃"), List.of("u", "h"), List.of("update gate", "candidate"), List.of(0, 1));
        };
    }
}
