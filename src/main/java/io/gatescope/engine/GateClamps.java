package io.gatescope.engine;

import io.gatescope.engine.trace.ModelTrace;
import java.util.Arrays;
import java.util.List;

/**
 * A set of {@link GateClamp}s and what they mean for one layer: per step, the held value of every
 * gate entry ({@code NaN} where the gate runs free), which {@link LayerRun} hands to its cell. Later
 * clamps win where two overlap. {@link #NONE} leaves every run untouched, so training never pays for it.
 */
public record GateClamps(List<GateClamp> clamps) {
    public static final GateClamps NONE = new GateClamps(List.of());

    public GateClamps {
        clamps = List.copyOf(clamps);
    }

    public static GateClamps of(GateClamp... clamps) {
        return new GateClamps(List.of(clamps));
    }

    public boolean isEmpty() { return clamps.isEmpty(); }

    /**
     * Says why the clamps cannot hold in a model whose stacks have cell {@code kind}, {@code hidden}
     * units and the given step counts ({@code decoderSteps} 0 for a bare stack), or returns null when
     * they fit. The message names what is accepted.
     */
    public String problem(CellKind kind, int hidden, int encoderSteps, int decoderSteps) {
        for (GateClamp c : clamps) {
            if (kind.isPlainRnn()) return "the " + kind.title() + " has no gates to hold";
            if (c.block() >= kind.blocks()) return "the " + kind.title() + " has gates " + String.join(", ", kind.anatomy().letters());
            if (decoderSteps == 0 && c.where() == GateClamp.Where.DECODER) {
                return "this model has no decoder; leave out the decoder. prefix";
            }
            int steps = c.where() == GateClamp.Where.DECODER ? decoderSteps
                    : c.where() == GateClamp.Where.ENCODER || decoderSteps == 0 ? encoderSteps
                    : Math.max(encoderSteps, decoderSteps);
            if (c.lastStep() != GateClamp.END && c.lastStep() >= steps) {
                return "step " + c.lastStep() + " (the window's t = " + ModelTrace.shownStep(c.lastStep())
                        + ") is beyond the last step, " + (steps - 1) + " (t = " + ModelTrace.shownStep(steps - 1)
                        + "); steps count from 0: " + ClampSpec.STEP_ZERO;
            }
            if (c.lastUnit() != GateClamp.END && c.lastUnit() >= hidden) {
                return "unit " + c.lastUnit() + " is beyond the last unit, " + (hidden - 1)
                        + " (units count from 0)";
            }
        }
        return null;
    }

    /**
     * Installs the clamps that hold in {@code stack} (ENCODER or DECODER) into each of the runs, or
     * removes any there were. Call before the forward pass; the backward pass of the same run obeys them.
     */
    public void install(List<LayerRun> runs, GateClamp.Where stack) {
        for (LayerRun r : runs) r.clamp = held(r, stack);
    }

    /** Per step, the held values (NaN where free), or null when no clamp holds in this layer at all. */
    private double[][] held(LayerRun r, GateClamp.Where stack) {
        int hidden = r.layer.hiddenSize(), blocks = r.layer.kind().blocks();
        double[][] out = null;
        for (GateClamp c : clamps) {
            if (!c.where().covers(stack) || c.block() >= blocks) continue;
            if (out == null) out = new double[r.maxSteps][];
            int lastStep = Math.min(c.lastStep(), r.maxSteps - 1), lastUnit = Math.min(c.lastUnit(), hidden - 1);
            for (int t = c.firstStep(); t <= lastStep; t++) {
                if (out[t] == null) {
                    out[t] = new double[blocks * hidden];
                    Arrays.fill(out[t], Double.NaN);
                }
                for (int u = c.firstUnit(); u <= lastUnit; u++) out[t][c.block() * hidden + u] = c.value();
            }
        }
        return out;
    }

    /**
     * Overwrites the held entries of one example's gates: {@code gates[base + k] = held[k]} for each k in
     * {@code from..to-1} that is held. The cells call it right after a block's nonlinearity.
     */
    static void hold(double[] held, double[] gates, int base, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Double.isNaN(held[k])) gates[base + k] = held[k];
        }
    }

    /**
     * Zeroes the pre-activation gradient of every held entry for the whole batch: a constant passes no
     * gradient back to what it replaced. Modifies {@code dpre}.
     */
    static void cut(double[] held, double[] dpre, int batch) {
        int width = held.length;
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < width; k++) {
                if (!Double.isNaN(held[k])) dpre[b * width + k] = 0.0;
            }
        }
    }
}
