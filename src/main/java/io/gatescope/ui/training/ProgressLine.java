package io.gatescope.ui.training;

import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSnapshot;
import java.util.Locale;

/**
 * The training panel's progress line: which run, where in it, how fast, the time left and its state,
 * e.g. "LSTM 128 · epoch 4/10 · batch 84/125 · 7,039 examples/s · 14 s left · training (74.7 % of
 * validation sums right)".
 */
final class ProgressLine {
    private ProgressLine() {
    }

    /** The line for snapshot {@code s} of a run with settings {@code c}. */
    static String of(TrainingSnapshot s, TrainingConfig c) {
        double perEpoch = s.epochProgress() > 0 ? s.elapsedSeconds() / s.epochProgress() : Double.NaN;
        double left = perEpoch * (c.epochs() - s.epochProgress());
        String eta = s.finished() || !Double.isFinite(left) ? "" : " · " + (c.untilAccuracy() > 0 ? "at most " : "")
                + duration(left) + " left";
        return String.format(Locale.ROOT, "%s · epoch %d/%d · batch %d/%d · %,.0f examples/s%s · %s",
                TrainingSession.runLabel(c), Math.max(1, s.epoch()), c.epochs(), s.batch(), s.batchesPerEpoch(),
                s.examplesPerSecond(), eta, state(s));
    }

    private static String state(TrainingSnapshot s) {
        String accuracy = Double.isNaN(s.validationSequences()) ? ""
                : String.format(Locale.ROOT, " (%.1f %% of validation sums right)", 100 * s.validationSequences());
        return switch (s.state()) {
            case RUNNING -> "training" + accuracy;
            case PAUSED -> "paused" + accuracy;
            case COMPLETED -> "done" + accuracy;
            case TARGET_REACHED -> "target reached" + accuracy;
            case PLATEAU -> "stopped: no longer improving" + accuracy;
            case TIME_LIMIT -> "time limit reached" + accuracy;
            case CANCELLED -> "stopped" + accuracy;
            case DIVERGED -> "diverged: last good weights kept" + accuracy;
        };
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
