package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentsTest {
    private static List<TrainingSession.Moment> run(String name, int epochs) {
        List<TrainingSession.Moment> out = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) out.add(new TrainingSession.Moment(name, endOf(e), null, Map.of(), List.of()));
        return out;
    }

    /** The snapshot at the end of epoch {@code e} of one batch per epoch. */
    private static TrainingSnapshot endOf(int e) {
        return new TrainingSnapshot(e, 1, 1, e, 1, 1, 1, 0.5, 0.5, 1, e, 0.01, 1, Trainer.State.RUNNING, "");
    }

    @Test
    void aLongRunKeepsItsFirstAndLastEpochAndEvenlySpacedOnesBetweenWithinTheLimit() {
        List<TrainingSession.Moment> kept = Moments.thin(run("LSTM", 451), 32);
        assertThat(kept.size()).isLessThanOrEqualTo(32).isGreaterThan(16);
        assertThat(kept.get(0).epoch()).isEqualTo(1);
        assertThat(kept.get(kept.size() - 1).epoch()).isEqualTo(451);
        for (int i = 1; i < kept.size(); i++) assertThat(kept.get(i).epoch()).isGreaterThan(kept.get(i - 1).epoch());
        // evenly thinned: no gap between two kept epochs is more than twice another (the ends aside)
        double widest = 0, narrowest = Double.MAX_VALUE;
        for (int i = 2; i < kept.size() - 1; i++) {
            double gap = kept.get(i).epoch() - kept.get(i - 1).epoch();
            widest = Math.max(widest, gap);
            narrowest = Math.min(narrowest, gap);
        }
        assertThat(widest).isLessThanOrEqualTo(2 * narrowest);
    }

    @Test
    void aComparisonKeepsEveryRunsFirstAndLastMoment() {
        List<TrainingSession.Moment> all = new ArrayList<>();
        for (String cell : List.of("Dense", "SimpleRNN", "LSTM", "GRU")) all.addAll(run(cell, 40));
        List<TrainingSession.Moment> kept = Moments.thin(all, 30);
        assertThat(kept.size()).isLessThanOrEqualTo(30);
        for (String cell : List.of("Dense", "SimpleRNN", "LSTM", "GRU")) {
            assertThat(kept.stream().filter(m -> m.run().equals(cell)).map(TrainingSession.Moment::epoch))
                    .as(cell).contains(1.0, 40.0);
        }
        assertThat(Moments.thin(run("LSTM", 10), 30)).hasSize(10);   // within the limit: nothing goes
    }

    @Test
    void theLimitFollowsTheWeightsSize() {
        assertThat(Moments.limit(Map.of("w", new double[204_683]))).isEqualTo(10);   // the shipped LSTM: 1.6 MB a moment
        assertThat(Moments.limit(Map.of("w", new double[14_667]))).isEqualTo(142);   // an LSTM 32: 117 KB
        assertThat(Moments.limit(Map.of("w", new double[50_000_000]))).isEqualTo(Moments.AT_LEAST);
    }
}
