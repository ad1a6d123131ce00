package io.gatescope.ui.canvas;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * Coalesces redraws: any number of invalidations of a canvas between two pulses cost one redraw.
 * The timer runs only while something is dirty, so an idle window uses no CPU.
 */
final class RedrawPulse {
    private static final Set<ChartCanvas> DIRTY = new LinkedHashSet<>();
    private static final AnimationTimer TIMER = new AnimationTimer() {
        @Override public void handle(long now) {
            ChartCanvas[] batch = DIRTY.toArray(ChartCanvas[]::new);
            DIRTY.clear();
            for (ChartCanvas c : batch) c.redrawNow();
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
