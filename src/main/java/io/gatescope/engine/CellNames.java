package io.gatescope.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one reading of a cell's name. Files name a cell by its id ({@link CellKind#id}: {@code lstm},
 * {@code rnn_tanh}, ...); people, the seeds and the command line also say {@code rnn} for Keras'
 * SimpleRNN, which is {@code rnn_tanh}. A PyTorch file may not say {@code rnn}: nn.RNN can be either
 * nonlinearity, so only the id is certain there.
 */
public final class CellNames {
    /** Keras' SimpleRNN, as the seeds name it: a tanh RNN. */
    public static final String SIMPLE_RNN = "rnn";

    private CellNames() {
    }

    /** A cell as a person names it: an id or {@value #SIMPLE_RNN}, any case; IllegalArgumentException otherwise. */
    public static CellKind parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return n.equals(SIMPLE_RNN) ? CellKind.RNN_TANH : CellKind.fromId(n);
    }

    /** A cell as a file names it: exactly an id; null when it is none. */
    public static CellKind ofId(String id) {
        for (CellKind k : CellKind.values()) {
            if (k.id().equals(id)) return k;
        }
        return null;
    }

    /** The ids, for messages: "rnn_tanh, rnn_relu, lstm, gru, gru_simple". */
    public static String ids() {
        return String.join(", ", Arrays.stream(CellKind.values()).map(CellKind::id).toList());
    }
}
