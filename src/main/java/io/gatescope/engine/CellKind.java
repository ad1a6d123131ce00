package io.gatescope.engine;

import java.util.Arrays;
import java.util.List;

/**
 * The recurrent cells the engine knows, with PyTorch's gate-block order.
 *
 * <p>Each kind stacks its gate blocks in {@code weight_ih}/{@code weight_hh} the way PyTorch does:
 * LSTM {@code i,f,g,o}; GRU {@code r,z,n}; a plain RNN has one block (its pre-activation).
 * {@link #GRU_SIMPLE} is the seeds' simplified GRU with a single update gate {@code u} and a
 * candidate {@code g}: {@code h = u*g + (1-u)*h_prev}. It is not a PyTorch module.
 */
public enum CellKind {
    RNN_TANH("rnn_tanh", "RNN (tanh)", List.of("h")),
    RNN_RELU("rnn_relu", "RNN (ReLU)", List.of("h")),
    LSTM("lstm", "LSTM", List.of("i", "f", "g", "o")),
    GRU("gru", "GRU", List.of("r", "z", "n")),
    GRU_SIMPLE("gru_simple", "GRU (single update gate)", List.of("u", "g"));

    private final String id;
    private final String title;
    private final List<String> gates;

    CellKind(String id, String title, List<String> gates) {
        this.id = id;
        this.title = title;
        this.gates = gates;
    }

    /** The name used in model files: {@code lstm}, {@code gru}, {@code rnn_tanh}, ... */
    public String id() { return id; }

    /** A human title for menus and legends. */
    public String title() { return title; }

    /** Gate block names in stacking order; for a plain RNN the single block is the hidden pre-activation. */
    public List<String> gates() { return gates; }

    /** Number of stacked blocks, G: the weights have G*H rows. */
    public int blocks() { return gates.size(); }

    /** Whether the cell carries a separate cell state c (only the LSTM). */
    public boolean hasCellState() { return this == LSTM; }

    /** Whether a plain RNN (no gates at all). */
    public boolean isPlainRnn() { return this == RNN_TANH || this == RNN_RELU; }

    /** Looks a kind up by its file name; the message lists what is accepted. */
    public static CellKind fromId(String id) {
        for (CellKind k : values()) {
            if (k.id.equals(id)) return k;
        }
        throw new IllegalArgumentException("unknown cell '" + id + "', expected one of "
                + Arrays.stream(values()).map(CellKind::id).toList());
    }
}
