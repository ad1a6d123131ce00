package io.gatescope.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The curves of a run, recorded by the trainer itself: one point per batch (that batch's loss) and
 * one per epoch (the epoch's mean training loss and the validation figures). Because the trainer
 * writes it, the window's curves are the command line's, whatever the screen's frame rate.
 * Appended by the training thread, read by any thread ({@link #since}).
 */
public final class TrainingHistory {
    /**
     * One point of the curves. Absent figures are NaN: a batch point has no validation figures.
     *
     * @param epoch x position in epochs: 2.5 is half-way through the third epoch
     */
    public record Point(double epoch, double trainLoss, double validationLoss, double validationChars,
                        double validationSequences) {
        /** Whether this point closes an epoch (it carries validation figures). */
        public boolean isEpoch() { return !Double.isNaN(validationLoss); }
    }

    private final List<Point> points = new ArrayList<>();

    synchronized void add(Point p) { points.add(p); }

    /** The points from index {@code from} on (a copy): a view keeps what it has and asks for the rest. */
    public synchronized List<Point> since(int from) {
        return List.copyOf(points.subList(Math.min(from, points.size()), points.size()));
    }

    public synchronized int size() { return points.size(); }
}
