package io.gatescope.chart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Independent export jobs (one file each) run on every core: drawing and encoding a picture use one
 * core, and a series has many. Progress counts the jobs done in order; the first failure is thrown
 * once the others have stopped.
 */
public final class Parallel {
    /** One job: draws and writes picture {@code k}. */
    public interface Job {
        void run(int k) throws IOException;
    }

    private Parallel() {
    }

    /**
     * Runs {@code job} for k = 0 .. count−1 on as many threads as there are cores.
     *
     * @param cancelled asked before each job starts; once true no further job starts
     * @throws CancellationException when cancelled
     */
    public static void forEach(int count, Job job, BooleanSupplier cancelled, Animation.Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gatescope-export");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int k = 0; k < count; k++) {
                int index = k;
                done.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) throw new CancellationException("the export was cancelled");
                    job.run(index);
                    return null;
                }));
            }
            for (int k = 0; k < count; k++) {
                await(done.get(k));
                progress.framesDone(k + 1, count);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the export was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
    }
}
