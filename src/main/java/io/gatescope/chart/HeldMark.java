package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * How every chart marks a gate entry that a what-if clamp held at a constant: a dark corner (a
 * dog-ear) in the square's top right, in the text colour with an edge in the background colour, so it
 * reads on every colour scale and theme and at a heatmap's one-pixel rows, and never hides the value's
 * own colour.
 */
public final class HeldMark {
    /** The legend's words for the mark. */
    public static final String MEANING = "corner mark: held by a what-if clamp";

    private HeldMark() {
    }

    /** Marks {@code box} as held. */
    public static void draw(Graphics2D g, Rectangle2D box, Theme theme) {
        double size = Math.max(1, Math.min(box.getWidth(), box.getHeight()) * 0.45);
        Path2D.Double ear = new Path2D.Double();
        ear.moveTo(box.getMaxX() - size, box.getMinY());
        ear.lineTo(box.getMaxX(), box.getMinY());
        ear.lineTo(box.getMaxX(), box.getMinY() + size);
        ear.closePath();
        g.setPaint(theme.text());
        g.fill(ear);
        // Its edge in the background colour: on a square as light as the text colour of a dark theme (a
        // gate at 0), the ear itself would vanish, the cut corner still shows.
        g.setPaint(theme.background());
        g.setStroke(new java.awt.BasicStroke((float) Math.max(1, size * 0.12)));
        g.draw(new java.awt.geom.Line2D.Double(box.getMaxX() - size, box.getMinY(), box.getMaxX(), box.getMinY() + size));
    }

    /**
     * Per step of {@code trace} (encoder then decoder, as {@link TimeAxis} counts), whether a clamp held
     * any gate entry of any layer: the steps the unrolled view marks.
     */
    public static boolean[] steps(ModelTrace trace) {
        boolean[] out = new boolean[trace.totalSteps()];
        int offset = 0;
        for (SequenceTrace sequence : trace.hasDecoder() ? List.of(trace.encoder(), trace.decoder()) : List.of(trace.encoder())) {
            for (LayerTrace layer : sequence.layers()) {
                for (int t = 0; t < layer.length(); t++) out[offset + t] |= layer.anyHeldAt(t);
            }
            offset += sequence.length();
        }
        return out;
    }

    /**
     * Which units of {@code quantity} a clamp held at step {@code t} of {@code layer}, or null when none
     * (only gate blocks are ever held).
     */
    public static boolean[] units(LayerTrace layer, int t, Quantity quantity) {
        if (quantity.type() != Quantity.Type.GATE || !layer.anyHeld() || layer.kind().isPlainRnn()) return null;
        boolean[] out = new boolean[layer.hiddenSize()];
        boolean any = false;
        for (int u = 0; u < out.length; u++) {
            out[u] = layer.isHeld(t, quantity.block(), u);
            any |= out[u];
        }
        return any ? out : null;
    }
}
