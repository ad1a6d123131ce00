package io.gatescope.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The curves of a run, recorded by the trainer itself: one point per batch (that batch's loss) and
 * one per epoch (the epoch's mean training loss and the validation figures). Because the trainer
 * writes it, the window's curves are the command line's, whatever the screen's frame rate.
 * Appended by the training thread, read by any thread ({@link #update}).
 *
 * <p>Its memory is bounded, so a run of hours costs what one of minutes does: beyond {@link #BUDGET}
 * batch points, every eight neighbouring batch points are merged into their first, lowest, highest and
 * last (what a curve of them draws at one pixel column), and from then on each bucket of
 * 4·2<sup>level</sup> new batches keeps those four, so old and new parts of the run keep the same
 * density. Epoch points are bounded too: beyond {@link #EPOCH_BUDGET} of them, every eight neighbouring
 * epoch points are merged into their first, the ones with the lowest and the highest validation loss,
 * and their last (the batch points between them stay), after which new ones are kept each until the
 * budget fills again; so the older part of a long run of short epochs is drawn sparser than the
 * latest. Every point kept is a point recorded. While batches are bucketed, a bucket's points, its
 * epoch points among them, appear when it is full (a delay near 1/8,000 of the time trained so far) or
 * when the run pauses or ends. A view learns of
 * a merge from {@link Update#restart()} and reads the history again.
 */
public final class TrainingHistory {
    /** Batch points kept at most before they are merged: about 4 MB of points. */
    static final int BUDGET = 1 << 16;
    /**
     * Epoch points kept at most before they are merged: with the window's curves of them, about 1 MB.
     * The soak's 32-unit LSTM closes an epoch every 0.2 s, so keeping every one grew the heap by
     * about 1 MB every 5 minutes (docs/reliability.md).
     */
    static final int EPOCH_BUDGET = 1 << 12;

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

    /**
     * What a view is missing.
     *
     * @param merges how often the history was merged so far: pass it back to the next {@link #update}
     * @param restart whether the history was merged since the view's last update: {@code points} are
     *                then all of them, to draw instead of what the view has
     */
    public record Update(int merges, boolean restart, List<Point> points) {
    }

    private final int budget, epochBudget;
    private final List<Point> points = new ArrayList<>();
    private int batchPoints, epochPoints;
    /** 0: every batch point is kept as it comes; L ≥ 1: each 4·2^L batches keep at most four. */
    private int level;
    private int merges;
    private Bucket open = new Bucket();

    public TrainingHistory() { this(BUDGET, EPOCH_BUDGET); }

    TrainingHistory(int budget, int epochBudget) {
        this.budget = budget;
        this.epochBudget = epochBudget;
    }

    synchronized void add(Point p) {
        if (level == 0) {
            points.add(p);
            if (p.isEpoch()) epochPoints++;
            else batchPoints++;
        } else {
            open.add(p);
            if (open.count == 4 << level) flush();
        }
        if (batchPoints > budget) merge();
        if (epochPoints > epochBudget) mergeEpochs();
    }

    /** Publishes a bucket not yet full: the run pauses, stops or takes a single step. */
    synchronized void flush() {
        epochPoints += open.epochs.size();
        batchPoints += open.emitTo(points);
        open = new Bucket();
        if (epochPoints > epochBudget) mergeEpochs();
    }

    /**
     * The points a view that holds {@code from} of them, read after {@code merges} merges, is missing:
     * the new ones, or every point when the history was merged since.
     */
    public synchronized Update update(int merges, int from) {
        boolean restart = merges != this.merges;
        int start = restart ? 0 : Math.min(from, points.size());
        return new Update(this.merges, restart, List.copyOf(points.subList(start, points.size())));
    }

    /** Every point kept (a copy). */
    public synchronized List<Point> points() { return List.copyOf(points); }

    /**
     * Halves the batch points: each eight neighbours keep their first, lowest, highest and last, the
     * epoch points among them stay where they were (a bucket may span an epoch's end, so a run of many
     * short epochs is reduced too).
     */
    private void merge() {
        List<Point> kept = new ArrayList<>(points.size() / 2 + 64);
        int batches = 0, start = 0;
        Bucket b = new Bucket();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).isEpoch()) b.add(points.get(i));
            if (b.count == 8 || i == points.size() - 1) {
                for (int j = start; j <= i; j++) {
                    Point p = points.get(j);
                    if (p.isEpoch() || b.keeps(p)) kept.add(p);
                }
                batches += b.distinct().size();
                start = i + 1;
                b = new Bucket();
            }
        }
        points.clear();
        points.addAll(kept);
        batchPoints = batches;
        level++;
        merges++;
    }

    /**
     * Halves the epoch points: each eight neighbours (counting epoch points only) keep their first, the
     * ones with the lowest and the highest validation loss, and their last; batch points stay.
     */
    private void mergeEpochs() {
        List<Integer> epochs = new ArrayList<>(epochPoints);
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).isEpoch()) epochs.add(i);
        }
        boolean[] dropped = new boolean[points.size()];
        for (int g = 0; g < epochs.size(); g += 8) {
            List<Integer> group = epochs.subList(g, Math.min(g + 8, epochs.size()));
            int lowest = group.get(0), highest = group.get(0);
            for (int i : group) {
                if (points.get(i).validationLoss() < points.get(lowest).validationLoss()) lowest = i;
                if (points.get(i).validationLoss() > points.get(highest).validationLoss()) highest = i;
            }
            for (int i : group) {
                dropped[i] = i != group.get(0) && i != lowest && i != highest && i != group.get(group.size() - 1);
            }
        }
        List<Point> kept = new ArrayList<>(points.size());
        epochPoints = 0;
        for (int i = 0; i < points.size(); i++) {
            if (dropped[i]) continue;
            kept.add(points.get(i));
            if (points.get(i).isEpoch()) epochPoints++;
        }
        points.clear();
        points.addAll(kept);
        merges++;
    }

    /**
     * Consecutive batch points reduced to the first, the lowest, the highest and the last of them, with
     * the epoch points recorded among them, all kept.
     */
    private static final class Bucket {
        Point first, lowest, highest, last;
        int count;
        final List<Point> epochs = new ArrayList<>(1);

        void add(Point p) {
            if (p.isEpoch()) {
                epochs.add(p);
                return;
            }
            if (count++ == 0) first = lowest = highest = p;
            if (p.trainLoss() < lowest.trainLoss()) lowest = p;
            if (p.trainLoss() > highest.trainLoss()) highest = p;
            last = p;
        }

        boolean keeps(Point p) { return p == first || p == lowest || p == highest || p == last; }

        /** The batch points kept, each once, in the order they were recorded. */
        List<Point> distinct() {
            List<Point> d = new ArrayList<>(4);
            if (count == 0) return d;
            for (Point p : new Point[] {first, lowest, highest, last}) {
                if (!d.contains(p)) d.add(p);
            }
            d.sort(BY_EPOCH);
            return d;
        }

        /** Appends the batch points kept and the epoch points, in recorded order; returns how many batch points. */
        int emitTo(List<Point> to) {
            List<Point> d = distinct();
            int batches = d.size();
            d.addAll(epochs);
            d.sort(BY_EPOCH);   // stable: a batch point before the epoch point recorded after it at the same x
            to.addAll(d);
            return batches;
        }
    }

    private static final Comparator<Point> BY_EPOCH = Comparator.comparingDouble(Point::epoch);
}
