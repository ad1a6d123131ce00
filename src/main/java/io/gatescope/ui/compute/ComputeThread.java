package io.gatescope.ui.compute;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The application's one compute thread: a daemon, so it never keeps the JVM alive after the window closes. */
public final class ComputeThread {
    private ComputeThread() {
    }

    public static ExecutorService create() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gatescope-compute");
            t.setDaemon(true);
            return t;
        });
    }
}
