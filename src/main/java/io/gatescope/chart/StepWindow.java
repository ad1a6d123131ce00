package io.gatescope.chart;

/**
 * The steps an over-time view shows when all of them do not fit legibly: {@code first}
 * (inclusive) to {@code last} (exclusive) of {@code total}. The window turns like a page: it stays
 * put while the current step moves inside it, keeping a little context on either side, and turns
 * when the step comes closer to an edge. Stepping then moves the highlight, not the whole row,
 * and the current step is always in view.
 */
public record StepWindow(int first, int last, int total) {

    public StepWindow {
        if (first < 0 || first >= last || last > total) {
            throw new IllegalArgumentException("a step window needs 0 <= first < last <= total, got "
                    + first + ", " + last + ", " + total);
        }
    }

    /** Every step. */
    public static StepWindow all(int total) {
        return new StepWindow(0, total, total);
    }

    /** The window of {@code size} steps (all when they fit) on the page that holds {@code current}. */
    public static StepWindow around(int current, int size, int total) {
        if (size < 1) throw new IllegalArgumentException("a window shows at least one step, got " + size);
        if (size >= total) return all(total);
        int t = Math.max(0, Math.min(total - 1, current));
        // Up to two steps of context on each side; what is left is how far a page turn moves.
        int context = Math.min(2, (size - 1) / 4);
        int stride = size - 2 * context;
        int page = Math.max(0, Math.floorDiv(t - context, stride));
        int first = Math.min(page * stride, total - size);
        return new StepWindow(first, first + size, total);
    }

    public int size() { return last - first; }

    public boolean contains(int t) { return t >= first && t < last; }

    /** Steps hidden before the window. */
    public int earlier() { return first; }

    /** Steps hidden after the window. */
    public int later() { return total - last; }
}
