package io.gatescope.io;

import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run as one long table, for a spreadsheet or pandas: one row per step, layer, quantity and
 * hidden unit, with the value at full precision. Quantities are named as trace files name them: each
 * block by its letter after its nonlinearity ({@code f}), its pre-activation ({@code f_pre}), then
 * {@code c} (LSTM) and {@code h}. The layout is in docs/formats.md.
 */
public final class TraceCsv {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("part", "step", "t", "symbol", "layer", "quantity", "unit", "value");

    private TraceCsv() {
    }

    /** Writes {@code trace} to {@code file} through the one atomic writer. */
    public static void write(Path file, ModelTrace trace) throws FileException {
        CsvFiles.write(file, HEADER, rows(trace));
    }

    /**
     * The table's rows: the encoder's steps, then the decoder's. {@code step} counts the whole run
     * from 1 (as {@code export --step} does), {@code t} each sequence from 1 (as the pictures do).
     */
    static List<List<String>> rows(ModelTrace trace) {
        List<List<String>> rows = new ArrayList<>();
        int t = 0;
        t = part(rows, "encoder", trace.encoder(), trace.inputLabels(), t);
        if (trace.hasDecoder()) part(rows, "decoder", trace.decoder(), trace.outputLabels(), t);
        return rows;
    }

    private static int part(List<List<String>> rows, String name, SequenceTrace seq, List<String> symbols, int first) {
        for (int s = 0; s < seq.length(); s++) {
            String step = Integer.toString(first + s + 1), t = Integer.toString(s + 1);
            String symbol = s < symbols.size() ? symbols.get(s) : "";
            for (int k = 0; k < seq.layers().size(); k++) {
                LayerTrace layer = seq.layers().get(k);
                StepTrace st = layer.step(s);
                CellKind kind = layer.kind();
                String l = Integer.toString(k);
                for (CellAnatomy.Block b : kind.anatomy().blocks()) {
                    // A plain RNN's only block is h itself, listed below; its pre-activation is still news.
                    if (!kind.isPlainRnn()) units(rows, name, step, t, symbol, l, b.letter(), st.gateCopy(b.index()));
                    units(rows, name, step, t, symbol, l, b.letter() + "_pre", st.preCopy(b.index()));
                }
                if (kind.hasCellState()) units(rows, name, step, t, symbol, l, "c", st.cCopy());
                units(rows, name, step, t, symbol, l, "h", st.hCopy());
            }
        }
        return first + seq.length();
    }

    private static void units(List<List<String>> rows, String part, String step, String t, String symbol, String layer,
                              String quantity, double[] values) {
        for (int u = 0; u < values.length; u++) {
            rows.add(List.of(part, step, t, symbol, layer, quantity, Integer.toString(u), Double.toString(values[u])));
        }
    }
}
