package io.gatescope.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.TrainingHistory.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A run's curves stay within a budget however long it trains, keeping what a curve of them shows. */
class TrainingHistoryTest {
    private static final int BATCHES_PER_EPOCH = 100;

    private static Point batch(int k, double loss) {
        return new Point((double) (k + 1) / BATCHES_PER_EPOCH, loss, Double.NaN, Double.NaN, Double.NaN);
    }

    private static Point epoch(int e) {
        return new Point(e, 1.0 / e, 0.5 / e, 0.9, 0.8);
    }

    /** A run of {@code batches} noisy, falling losses with a spike, an epoch point after every hundred batches. */
    private static List<Point> run(int batches) {
        SplittableRandom rng = new SplittableRandom(7);
        List<Point> all = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            all.add(batch(k, k == batches / 3 ? 50.0 : 2.0 / (1 + k / 500.0) + 0.1 * rng.nextDouble()));
            if ((k + 1) % BATCHES_PER_EPOCH == 0) all.add(epoch((k + 1) / BATCHES_PER_EPOCH));
        }
        return all;
    }

    @Test
    void withinTheBudgetEveryPointIsKept() {
        TrainingHistory h = new TrainingHistory(1_000, 10_000);
        List<Point> all = run(900);
        all.forEach(h::add);
        assertThat(h.points()).isEqualTo(all);
        assertThat(h.update(0, 0)).isEqualTo(new TrainingHistory.Update(0, false, all));
        assertThat(h.update(0, 905).points()).isEqualTo(all.subList(905, all.size()));
    }

    @Test
    void aLongRunStaysWithinTheBudgetAndKeepsWhatItsCurveShows() {
        int budget = 1_000;
        TrainingHistory h = new TrainingHistory(budget, 10_000);
        List<Point> all = run(100_000);
        all.forEach(h::add);
        h.flush();
        List<Point> kept = h.points();
        List<Point> batches = kept.stream().filter(p -> !p.isEpoch()).toList();

        assertThat(batches.size()).isBetween(budget / 4, budget);
        assertThat(all).containsAll(kept);                                   // only recorded points
        assertThat(kept).isSortedAccordingTo(Comparator.comparingDouble(Point::epoch));
        assertThat(kept.stream().filter(Point::isEpoch).toList())            // every epoch point
                .isEqualTo(all.stream().filter(Point::isEpoch).toList());
        List<Point> recordedBatches = all.stream().filter(p -> !p.isEpoch()).toList();
        assertThat(batches.get(0)).isEqualTo(recordedBatches.get(0));
        assertThat(batches.get(batches.size() - 1)).isEqualTo(recordedBatches.get(recordedBatches.size() - 1));
        assertThat(batches).contains(recordedBatches.stream().max(Comparator.comparingDouble(Point::trainLoss)).orElseThrow(),
                recordedBatches.stream().min(Comparator.comparingDouble(Point::trainLoss)).orElseThrow());
        // the same density early and late in the run: merged old points and new buckets alike
        long firstHalf = batches.stream().filter(p -> p.epoch() <= 500).count();
        assertThat((double) firstHalf / batches.size()).isBetween(0.4, 0.6);
    }

    @Test
    void aLongRunOfShortEpochsKeepsItsEpochPointsWithinTheirBudgetToo() {
        int budget = 1_000, epochBudget = 500;
        TrainingHistory h = new TrainingHistory(budget, epochBudget);
        SplittableRandom rng = new SplittableRandom(11);
        List<Point> all = new ArrayList<>();
        int epochs = 20_000;                                // the soak's small LSTM: an epoch every few batches
        for (int e = 1; e <= epochs; e++) {
            for (int b = 1; b <= 3; b++) all.add(new Point(e - 1 + b / 3.0, 1.0 / e, Double.NaN, Double.NaN, Double.NaN));
            double validation = e == epochs / 3 ? 9.0 : e == 2 * epochs / 3 ? 0.001 : 0.5 + 0.1 * rng.nextDouble();
            all.add(new Point(e, 1.0 / e, validation, 0.9, 0.8));
        }
        TrainingHistory.Update seen = null;
        for (Point p : all) {
            h.add(p);
            if (p.epoch() == 100) seen = h.update(0, 0);
        }
        h.flush();
        List<Point> kept = h.points();
        List<Point> kEpochs = kept.stream().filter(Point::isEpoch).toList();
        List<Point> recordedEpochs = all.stream().filter(Point::isEpoch).toList();

        assertThat(kEpochs.size()).isBetween(epochBudget / 4, epochBudget);
        assertThat(kept.size()).isLessThanOrEqualTo(budget + epochBudget);
        assertThat(all).containsAll(kept);                                   // only recorded points
        assertThat(kept).isSortedAccordingTo(Comparator.comparingDouble(Point::epoch));
        assertThat(kEpochs.get(0)).isEqualTo(recordedEpochs.get(0));
        assertThat(kEpochs.get(kEpochs.size() - 1)).isEqualTo(recordedEpochs.get(recordedEpochs.size() - 1));
        assertThat(kEpochs).contains(recordedEpochs.get(epochs / 3 - 1), recordedEpochs.get(2 * epochs / 3 - 1));   // the extremes
        TrainingHistory.Update next = h.update(seen.merges(), seen.points().size());
        assertThat(next.restart()).isTrue();                                  // a view reads the merged epochs again
        assertThat(next.points()).isEqualTo(kept);
    }

    @Test
    void aViewLearnsOfAMergeAndReadsEverythingAgain() {
        TrainingHistory h = new TrainingHistory(1_000, 10_000);
        List<Point> all = run(900);
        all.forEach(h::add);
        TrainingHistory.Update seen = h.update(0, 0);
        List<Point> longer = run(3_000);
        longer.subList(all.size(), longer.size()).forEach(h::add);

        TrainingHistory.Update next = h.update(seen.merges(), seen.points().size());
        assertThat(next.restart()).isTrue();
        assertThat(next.merges()).isPositive();
        assertThat(next.points()).isEqualTo(h.points());
        assertThat(h.update(next.merges(), next.points().size()).points()).isEmpty();
    }

    @Test
    void aPauseShowsTheBatchesOfABucketNotYetFull() {
        TrainingHistory h = new TrainingHistory(100, 10_000);
        List<Point> all = run(1_000);
        all.forEach(h::add);
        h.flush();
        int shown = h.points().size();
        Point step = batch(1_000, 0.01);
        h.add(step);
        assertThat(h.points()).hasSize(shown);      // inside a bucket of 4·2^level batches
        h.flush();
        assertThat(h.points()).endsWith(step);
    }
}
