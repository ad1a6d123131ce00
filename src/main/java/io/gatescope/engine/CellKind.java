package io.gatescope.engine;

import static io.gatescope.engine.CellAnatomy.State.CELL;
import static io.gatescope.engine.CellAnatomy.State.HIDDEN;

import io.gatescope.engine.CellAnatomy.Activation;
import java.util.Arrays;

/**
 * The recurrent cells the engine knows, each with its {@link CellAnatomy}: the one description of
 * its blocks (PyTorch's stacking order and letters), its sub-steps and its state update.
 *
 * <p>{@link #GRU_SIMPLE} is the seeds' simplified GRU with a single update gate {@code u} and a
 * candidate {@code g}: {@code h = u*g + (1-u)*h_prev}. It is not a PyTorch module. A new kind is a
 * constant here (its description) plus its step code ({@code CellMath}).
 */
public enum CellKind {
    RNN_TANH("rnn_tanh", "RNN (tanh)", "RNN", CellAnatomy.builder()
            .hidden("h", Activation.TANH)
            .then("h", HIDDEN)
            .activated("h").build()),
    RNN_RELU("rnn_relu", "RNN (ReLU)", "RNN", CellAnatomy.builder()
            .hidden("h", Activation.RELU)
            .then("h", HIDDEN)
            .activated("h").build()),
    LSTM("lstm", "LSTM", "LSTM", CellAnatomy.builder()
            .gate("i").gate("f").candidate("g").gate("o")
            // f first (what to forget), then i and g (what to write), c, and o with h last
            .then("f").then("i", "g").then(CELL).then("o", HIDDEN)
            .cellUpdate("f", "i", "g", "o")
            .peepholes("i", "f", "o").build()),
    GRU("gru", "GRU", "GRU", CellAnatomy.builder()
            .gate("r").gate("z").candidate("n")
            .then("r").then("z").then("n").then(HIDDEN)
            .interpolation("z", "n", true)
            .reset("r").build()),
    GRU_SIMPLE("gru_simple", "GRU (single update gate)", "GRU", CellAnatomy.builder()
            .gate("u").candidate("g")
            .then("u").then("g").then(HIDDEN)
            .interpolation("u", "g", false).build());

    private final String id;
    private final String title;
    private final String family;
    private final CellAnatomy anatomy;

    CellKind(String id, String title, String family, CellAnatomy anatomy) {
        this.id = id;
        this.title = title;
        this.family = family;
        this.anatomy = anatomy;
    }

    /** The name used in model files: {@code lstm}, {@code gru}, {@code rnn_tanh}, ... */
    public String id() { return id; }

    /** A human title for menus and legends. */
    public String title() { return title; }

    /** The family's short name where room is scarce (a cell box of the unrolled view): RNN, LSTM, GRU. */
    public String family() { return family; }

    /** What this kind of cell is: blocks, sub-steps, update. */
    public CellAnatomy anatomy() { return anatomy; }

    /** Number of stacked blocks, G: the weights have G*H rows. */
    public int blocks() { return anatomy.blockCount(); }

    /** Whether the cell carries a separate cell state c (only the LSTM). */
    public boolean hasCellState() { return anatomy.hasCellState(); }

    /** Whether a plain RNN (no gates at all). */
    public boolean isPlainRnn() { return anatomy.isPlainRnn(); }

    /** Looks a kind up by its file name; the message lists what is accepted. */
    public static CellKind fromId(String id) {
        for (CellKind k : values()) {
            if (k.id.equals(id)) return k;
        }
        throw new IllegalArgumentException("unknown cell '" + id + "', expected one of "
                + Arrays.stream(values()).map(CellKind::id).toList());
    }
}
