package io.gatescope.ui.controls;

import io.gatescope.ui.AppModel;
import java.util.function.IntSupplier;
import javafx.animation.AnimationTimer;

/**
 * Plays the trace: advances one time step every 1/speed seconds and, within each step, reveals the
 * cell diagram's sub-steps in order (forget, input and candidate, cell update, output), so the flow
 * through the cell animates. Runs on the pulse; it only moves the cursor, the views redraw on their own.
 */
public final class Player {
    private final AppModel app;
    private final IntSupplier subSteps;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override public void handle(long now) {
            tick(now);
        }
    };
    private long stepStart = -1;

    /** @param subSteps how many sub-steps the current cell kind's diagram has */
    public Player(AppModel app, IntSupplier subSteps) {
        this.app = app;
        this.subSteps = subSteps;
        app.playingProperty().addListener((o, was, playing) -> {
            if (playing) start();
            else stop();
        });
    }

    private void start() {
        if (app.totalSteps() == 0) {
            app.playingProperty().set(false);
            return;
        }
        if (app.stepProperty().get() >= app.totalSteps() - 1) app.goToStart();   // play again from the top
        app.setSubStep(0);
        stepStart = -1;
        timer.start();
    }

    private void stop() {
        timer.stop();
        app.setSubStep(AppModel.WHOLE_STEP);
    }

    private void tick(long now) {
        if (stepStart < 0) stepStart = now;
        double elapsed = (now - stepStart) / 1e9 * app.view().speedProperty().get();   // in steps
        if (elapsed >= 1) {
            if (app.stepProperty().get() >= app.totalSteps() - 1) {
                app.playingProperty().set(false);
                return;
            }
            app.goTo(app.stepProperty().get() + 1);
            app.setSubStep(0);
            stepStart = now;
            return;
        }
        // The last slice of each step shows the step whole, so every state is coloured before moving on.
        int phases = subSteps.getAsInt() + 1;
        int phase = (int) (elapsed * phases);
        app.setSubStep(phase >= phases - 1 ? AppModel.WHOLE_STEP : phase);
    }
}
