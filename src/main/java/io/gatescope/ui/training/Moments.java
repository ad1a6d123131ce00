package io.gatescope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many of a session's moments (weights and predictions at the end of an epoch) are kept. A lecture
 * run may train for half an hour, and every moment holds a copy of the weights: kept all, they grow the
 * heap without bound (the soak in docs/reliability.md saw 86 MB in 30 minutes). Within a fixed budget,
 * when a new moment would exceed it, every second moment inside a run is dropped, so the slider still
 * spans every run from its first to its last moment, at half the density.
 */
final class Moments {
    /**
     * The memory the kept weights may take: 10 moments of the shipped 128-unit LSTM (1.6 MB each), 140
     * of a 32-unit one; small beside the heap, so a run of any length leaves it flat.
     */
    static final long BUDGET_BYTES = 16L << 20;
    /** However large the model, at least this many moments stay to slide over. */
    static final int AT_LEAST = 8;

    private Moments() {
    }

    /** How many moments of weights {@code weights} fit the budget. */
    static int limit(Map<String, double[]> weights) {
        long bytes = 0;
        for (double[] w : weights.values()) bytes += 8L * w.length;
        return (int) Math.max(AT_LEAST, Math.min(Integer.MAX_VALUE, BUDGET_BYTES / Math.max(1, bytes)));
    }

    /**
     * {@code moments} with every second one inside each run dropped (each run's first and last stay),
     * until at most {@code limit} are left or nothing more can go.
     */
    static List<TrainingSession.Moment> thin(List<TrainingSession.Moment> moments, int limit) {
        List<TrainingSession.Moment> kept = moments;
        while (kept.size() > limit) {
            List<TrainingSession.Moment> next = new ArrayList<>();
            boolean drop = false;
            for (int i = 0; i < kept.size(); i++) {
                TrainingSession.Moment m = kept.get(i);
                boolean first = i == 0 || !kept.get(i - 1).run().equals(m.run());
                boolean last = i == kept.size() - 1 || !kept.get(i + 1).run().equals(m.run());
                if (first || last || !drop) next.add(m);
                drop = !(first || last) && !drop;
            }
            if (next.size() == kept.size()) break;
            kept = next;
        }
        return kept;
    }
}
