package io.gatescope.train;

import java.util.Locale;

/**
 * The steps of a run before its first update (drawing the initial weights, generating the sums,
 * allocating the batch buffers), timed from the moment the run was asked for: the time limit counts
 * them too, and a caller on another thread can show which step is running and for how long.
 *
 * <p>{@link #enter} is called by the thread that builds the {@link Trainer}; {@link #check},
 * {@link #phase}, {@link #phaseSeconds} and {@link #cancel} from any thread.
 */
public final class Startup {
    /** The time limit ran out (or the run was cancelled) before the first update. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }
    }

    private final long started = System.nanoTime();
    private final double limitSeconds;
    private volatile String phase = "starting";
    private volatile long phaseStarted = started;
    private volatile boolean cancelled;

    /** @param limitSeconds the run's time limit, 0 for none */
    public Startup(double limitSeconds) {
        this.limitSeconds = limitSeconds;
    }

    /** Begins the next step, after checking that the previous one left time for it. */
    void enter(String next) {
        check();
        phase = next;
        phaseStarted = System.nanoTime();
    }

    /** Throws {@link Stopped} when the time limit has run out or the run was cancelled (from any thread). */
    public void check() {
        if (cancelled) throw new Stopped("cancelled while " + phase);
        if (limitSeconds > 0 && elapsedSeconds() >= limitSeconds) {
            throw new Stopped(String.format(Locale.ROOT, "the time limit of %s ran out while %s, before the first update",
                    TrainingEstimate.duration(limitSeconds), phase));
        }
    }

    /** Stops the startup at its next step. */
    public void cancel() { cancelled = true; }

    /** What is being done now: "generating 20,000 sums". */
    public String phase() { return phase; }

    public double phaseSeconds() { return (System.nanoTime() - phaseStarted) / 1e9; }

    public double elapsedSeconds() { return (System.nanoTime() - started) / 1e9; }

    /** When the run was asked for, in {@link System#nanoTime} units: its time limit counts from here. */
    long startedAt() { return started; }
}
