package io.gatescope.ui.canvas;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;

/**
 * Coalesces redraws: any number of invalidations of a canvas between two pulses cost one redraw.
 * The timer runs only while something is dirty, so an idle window uses no CPU.
 */
final class RedrawPulse {
    private static final Logger LOG = Logger.getLogger(RedrawPulse.class.getName());
    private static final Set<ChartCanvas> DIRTY = new LinkedHashSet<>();
    private static final AnimationTimer TIMER = new AnimationTimer() {
        @Override public void handle(long now) {
            ChartCanvas[] batch = DIRTY.toArray(ChartCanvas[]::new);
            DIRTY.clear();
            long start = System.nanoTime();
            for (ChartCanvas c : batch) c.redrawNow();
            long ms = (System.nanoTime() - start) / 1_000_000;
            // A pulse is 16 ms at 60 Hz; say so when drawing alone takes longer (run with FINE logging to see).
            if (ms > 16 && LOG.isLoggable(Level.FINE)) LOG.fine("redrawing " + batch.length + " charts took " + ms + " ms");
            if (DIRTY.isEmpty()) stop();
        }
    };

    private RedrawPulse() {
    }

    /** Schedules {@code canvas} for the next pulse (FX thread only). */
    static void request(ChartCanvas canvas) {
        if (DIRTY.add(canvas) && DIRTY.size() == 1) TIMER.start();
    }
}
