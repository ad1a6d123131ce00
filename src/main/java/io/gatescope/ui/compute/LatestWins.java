package io.gatescope.ui.compute;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * One lane of computations run off the JavaFX thread on a shared executor, where only the latest
 * request in the lane counts: submitting cancels the previous request, and a result that arrives after a newer request
 * was made is dropped. Typing "67+6" then "67+60" quickly therefore shows the trace of "67+60"
 * and never flashes the older one.
 *
 * <p>Lanes (model loading, tracing) share the application's single compute thread, so their work
 * runs in submission order; a new trace request does not cancel a model that is still loading.
 * Call only from the FX thread; callbacks run on the FX thread.
 */
public final class LatestWins {
    private final Executor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Task<?> current;

    public LatestWins(Executor executor) {
        this.executor = executor;
    }

    /** True while a request is queued or running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Replaces any pending request by {@code job}; exactly one of the callbacks runs if it stays the latest. */
    public <T> void submit(Supplier<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("submit from the JavaFX thread");
        if (current != null) current.cancel(false);   // a queued task then never runs; a running one is ignored
        Task<T> task = new Task<>() {
            @Override protected T call() {
                return job.get();
            }
        };
        current = task;
        busy.set(true);
        task.setOnSucceeded(e -> {
            if (finish(task)) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            if (finish(task)) onFailure.accept(task.getException());
        });
        executor.execute(task);
    }

    /** Drops the pending request, if any: neither of its callbacks will run. */
    public void cancel() {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("cancel from the JavaFX thread");
        if (current != null) current.cancel(false);
        current = null;
        busy.set(false);
    }

    private boolean finish(Task<?> task) {
        if (task != current) return false;
        current = null;
        busy.set(false);
        return true;
    }
}
