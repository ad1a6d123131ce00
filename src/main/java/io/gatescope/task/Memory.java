package io.gatescope.task;

import java.util.Locale;

/**
 * What a request may allocate: its need is computed from its sizes first, and what cannot fit in the
 * heap Java may still use is refused with both figures, instead of an OutOfMemoryError minutes later.
 */
public final class Memory {
    /** Heap kept free for everything an estimate leaves out (the JIT, the window, strings). */
    private static final double HEADROOM = 0.85;

    private Memory() {
    }

    /** Bytes Java may still allocate: the maximum heap less what is in use now. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Throws an IllegalArgumentException saying "{@code what} needs about X MB of memory, but Java may
     * use Y MB here" when {@code bytes} does not fit; a negative {@code bytes} means the count overflowed.
     */
    public static void require(String what, long bytes) {
        long free = (long) (available() * HEADROOM);
        if (bytes >= 0 && bytes <= free) return;
        // Garbage counts as in use until it is collected (after a long window session or many runs in
        // one JVM, most of the heap can be): look again after a collection before refusing.
        System.gc();
        free = (long) (available() * HEADROOM);
        if (bytes >= 0 && bytes <= free) return;
        String need = bytes < 0 ? "more than 8 EB" : String.format(Locale.ROOT, "about %s", size(bytes));
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs %s of memory, but Java may use %s here"
                + " (of at most %s; start it with a larger -Xmx, or ask for less)", what, need, size(free),
                size(Runtime.getRuntime().maxMemory())));
    }

    /** "512 MB", "38.1 GB". */
    public static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024);
        return mb < 10_000 ? String.format(Locale.ROOT, "%,.0f MB", Math.max(1, mb)) : String.format(Locale.ROOT, "%,.1f GB", mb / 1024);
    }

    /** {@code a × b} bytes, or −1 when it does not fit a long. */
    public static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
