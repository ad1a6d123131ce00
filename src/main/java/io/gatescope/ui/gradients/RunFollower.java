package io.gatescope.ui.gradients;

import io.gatescope.ui.training.TrainedWeights;
import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * The gradients view following a training run: new weights arrive on the FX thread (at most once
 * per pulse) and start a recomputation at most {@link #FOLLOWS_PER_SECOND} times a second; the last
 * weights of a burst are always computed, after the wait, with the weights of then.
 */
final class RunFollower {
    /** How often the view recomputes at most while it follows a training run. */
    static final int FOLLOWS_PER_SECOND = 4;

    private final ObjectProperty<TrainedWeights> run = new SimpleObjectProperty<>(this, "run");
    private final PauseTransition wait = new PauseTransition();
    private final BooleanSupplier following;
    private final Runnable recompute;
    private long followedAt = Long.MIN_VALUE / 2;

    /** {@code following}: whether the view is shown with "current training run" chosen; {@code recompute} runs then. */
    RunFollower(BooleanSupplier following, Runnable recompute) {
        this.following = following;
        this.recompute = recompute;
        run.addListener((o, a, w) -> arrived());
        wait.setOnFinished(e -> follow());
    }

    /** Follows {@code weights} (null: no run yet). */
    void bind(ReadOnlyObjectProperty<TrainedWeights> weights) {
        run.bind(weights);
    }

    /** The run's latest weights, or null. */
    TrainedWeights latest() { return run.get(); }

    /** New training weights: recompute now, or once the throttle's wait is over. */
    private void arrived() {
        if (!following.getAsBoolean() || wait.getStatus() == Animation.Status.RUNNING) return;
        long left = followedAt + 1000 / FOLLOWS_PER_SECOND - System.currentTimeMillis();
        if (left <= 0) {
            follow();
        } else {
            wait.setDuration(Duration.millis(left));
            wait.playFromStart();
        }
    }

    private void follow() {
        followedAt = System.currentTimeMillis();
        if (following.getAsBoolean()) recompute.run();
    }
}
