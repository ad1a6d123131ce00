package io.gatescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * An executor whose work can be held back, so a test can make "the load is still pending" happen
 * every time instead of by chance: while held, tasks queue; {@link #release()} hands them, in order,
 * to the real compute thread.
 */
final class GatedExecutor implements Executor {
    private final ExecutorService real;
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    GatedExecutor(ExecutorService real) {
        this.real = real;
    }

    @Override public synchronized void execute(Runnable task) {
        if (holding) held.add(task);
        else real.execute(task);
    }

    synchronized void hold() {
        holding = true;
    }

    synchronized void release() {
        holding = false;
        held.forEach(real::execute);
        held.clear();
    }

    synchronized int heldCount() {
        return held.size();
    }
}
