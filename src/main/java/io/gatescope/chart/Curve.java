package io.gatescope.chart;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * One line of a plot whose points arrive in order of x (a training run's loss, batch after batch),
 * kept whole and drawn at a cost that does not grow with its length.
 *
 * <p>Drawing keeps, per pixel column, the column's first, lowest, highest and last point (M4: Jugel
 * et al., "M4: a visualization-oriented time series data aggregation", VLDB 2014). A polyline through
 * these rasterises to the same pixels as the polyline through every point, since within one column
 * the line only moves between the lowest and the highest value and enters and leaves at the first
 * and the last. The lowest and highest of any index range come from the extremes of aligned blocks
 * of 2, 4, 8, … points, found in O(log n); so a drawing visits O(columns · log n), not n, and hover
 * ({@link #nearest}) still answers with an exact recorded point.
 *
 * <p>A curve is immutable: it reads only its own first {@link #size} points and its complete blocks.
 * Its {@link Builder} appends into the same arrays (or into new ones when they fill), never into
 * anything an earlier curve reads, so a curve handed to another thread (an export) stays valid while
 * the run grows.
 */
final class Curve {
    private final double[] x, y;
    /** Level k ≥ 1: the index of the lowest (highest) y in block j, points [j·2^k, (j+1)·2^k). */
    private final int[][] lowest, highest;
    private final int n;

    private Curve(double[] x, double[] y, int[][] lowest, int[][] highest, int n) {
        this.x = x;
        this.y = y;
        this.lowest = lowest;
        this.highest = highest;
        this.n = n;
    }

    static final Curve EMPTY = new Builder().curve();

    int size() { return n; }

    double x(int i) { return x[i]; }

    double y(int i) { return y[i]; }

    /** The index of the lowest y in points [from, to), the first one on a tie; -1 for an empty range. */
    int lowest(int from, int to) { return extreme(from, to, true); }

    /** The index of the highest y in points [from, to), the first one on a tie; -1 for an empty range. */
    int highest(int from, int to) { return extreme(from, to, false); }

    private int extreme(int from, int to, boolean low) {
        int best = -1;
        for (int i = from; i < to; ) {
            int k = blockLevel(i, to);
            int c = k == 0 ? i : (low ? lowest : highest)[k][i >> k];
            if (best < 0 || (low ? y[c] < y[best] : y[c] > y[best])) best = c;
            i += 1 << k;
        }
        return best;
    }

    /** The largest k such that the block of 2^k points starting at {@code i} is aligned and ends by {@code to}. */
    private int blockLevel(int i, int to) {
        int k = 0;
        while (k + 1 < lowest.length && (i & ((2 << k) - 1)) == 0 && i + (2 << k) <= to) k++;
        return k;
    }

    /**
     * The indices to draw, in order: for each column {@code [x0 + c·w, x0 + (c+1)·w)} that holds
     * points, its first, lowest, highest and last (each once). Columns narrower than a device pixel
     * keep every pixel's extremes too, since a pixel's are among its columns'.
     */
    int[] drawn(double x0, double w) {
        int[] out = new int[Math.min(n, 16)];
        int m = 0;
        for (int i = 0; i < n; ) {
            double end = x0 + (Math.floor((x[i] - x0) / w) + 1) * w;
            int to = firstAtOrAfter(end, i + 1);
            int lo = lowest(i, to), hi = highest(i, to);
            int[] keep = {i, Math.min(lo, hi), Math.max(lo, hi), to - 1};
            for (int k : keep) {
                if (m > 0 && out[m - 1] >= k) continue;
                if (m == out.length) out = Arrays.copyOf(out, 2 * m);
                out[m++] = k;
            }
            i = to;
        }
        return Arrays.copyOf(out, m);
    }

    /** The first index in [from, n) whose x is at least {@code v}, or n. */
    private int firstAtOrAfter(double v, int from) {
        int lo = from, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The recorded point nearest to (px, py) on the page, where {@code toX} and {@code toY} place a
     * point (monotone, as axes are); -1 when the curve is empty. Blocks whose box on the page lies
     * farther than the best so far are skipped, so it reads few points however long the curve.
     */
    int nearest(DoubleUnaryOperator toX, DoubleUnaryOperator toY, double px, double py) {
        double[] best = {Double.POSITIVE_INFINITY, -1};
        for (int i = 0; i < n; ) {
            int k = blockLevel(i, n);
            search(k, i, toX, toY, px, py, best);
            i += 1 << k;
        }
        return (int) best[1];
    }

    private void search(int k, int start, DoubleUnaryOperator toX, DoubleUnaryOperator toY, double px, double py, double[] best) {
        if (k == 0) {
            double d = Math.hypot(toX.applyAsDouble(x[start]) - px, toY.applyAsDouble(y[start]) - py);
            if (d < best[0]) {
                best[0] = d;
                best[1] = start;
            }
            return;
        }
        if (reach(k, start, toX, toY, px, py) >= best[0]) return;
        int half = start + (1 << (k - 1));
        boolean leftFirst = reach(k - 1, start, toX, toY, px, py) <= reach(k - 1, half, toX, toY, px, py);
        search(k - 1, leftFirst ? start : half, toX, toY, px, py, best);
        search(k - 1, leftFirst ? half : start, toX, toY, px, py, best);
    }

    /** The distance from (px, py) to the page box of block (k, start): no point of it is nearer. */
    private double reach(int k, int start, DoubleUnaryOperator toX, DoubleUnaryOperator toY, double px, double py) {
        int last = start + (1 << k) - 1;
        double xa = toX.applyAsDouble(x[start]), xb = toX.applyAsDouble(x[last]);
        int lo = k == 0 ? start : lowest[k][start >> k], hi = k == 0 ? start : highest[k][start >> k];
        double ya = toY.applyAsDouble(y[lo]), yb = toY.applyAsDouble(y[hi]);
        double dx = Math.max(0, Math.max(Math.min(xa, xb) - px, px - Math.max(xa, xb)));
        double dy = Math.max(0, Math.max(Math.min(ya, yb) - py, py - Math.max(ya, yb)));
        return Math.hypot(dx, dy);
    }

    /** Appends points (one thread) and hands out immutable {@link Curve}s of what it holds. */
    static final class Builder {
        private double[] x = new double[64], y = new double[64];
        private int[][] lowest = {new int[0]}, highest = {new int[0]};   // level 0 is the points themselves
        private int n;

        /**
         * Adds a point after the others.
         *
         * @throws IllegalArgumentException when {@code px} is smaller than the last x, or {@code py} is not finite
         */
        void add(double px, double py) {
            if (n > 0 && !(px >= x[n - 1])) throw new IllegalArgumentException("x must not decrease: " + px + " after " + x[n - 1]);
            if (!Double.isFinite(py)) throw new IllegalArgumentException("y must be finite, got " + py);
            if (n == x.length) {          // new arrays: curves handed out keep reading the old ones
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = px;
            y[n] = py;
            n++;
            // every block this point completes: at level k, block n/2^k − 1 of children 2j and 2j+1 one level down
            for (int k = 1; (n & ((1 << k) - 1)) == 0; k++) {
                if (k == lowest.length) {
                    lowest = Arrays.copyOf(lowest, k + 1);
                    highest = Arrays.copyOf(highest, k + 1);
                    lowest[k] = new int[4];
                    highest[k] = new int[4];
                }
                int j = (n >> k) - 1;
                if (j == lowest[k].length) {
                    lowest[k] = Arrays.copyOf(lowest[k], 2 * j);
                    highest[k] = Arrays.copyOf(highest[k], 2 * j);
                }
                int a = child(lowest, k - 1, 2 * j), b = child(lowest, k - 1, 2 * j + 1);
                lowest[k][j] = y[b] < y[a] ? b : a;
                a = child(highest, k - 1, 2 * j);
                b = child(highest, k - 1, 2 * j + 1);
                highest[k][j] = y[b] > y[a] ? b : a;
            }
        }

        private static int child(int[][] levels, int k, int j) { return k == 0 ? j : levels[k][j]; }

        int size() { return n; }

        /** The points so far, fixed: later additions do not change it. */
        Curve curve() {
            // the level tables are copied (a few references): a level array that grows is replaced in them
            return new Curve(x, y, lowest.clone(), highest.clone(), n);
        }
    }
}
