package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** A curve's reduction for drawing against brute force over every point: per column, range and hover. */
class CurveTest {
    /** Anti-aliasing may shade an edge pixel a little differently where the lines overlap in another order. */
    private static final int TOLERANCE = 16;


    /** A noisy falling loss of {@code n} batches, 1000 per epoch, with spikes and repeated values. */
    private static Curve.Builder loss(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Curve.Builder b = new Curve.Builder();
        double level = 2;
        for (int i = 0; i < n; i++) {
            level *= 0.9997;
            double v = rng.nextInt(50) == 0 ? level * 3 : level * (1 + 0.2 * rng.nextDouble());
            if (rng.nextInt(20) == 0) v = Math.round(v * 10) / 10.0;   // ties: the first one counts
            b.add(i / 1000.0, v);
        }
        return b;
    }

    @Test
    void eachColumnKeepsItsFirstLowestHighestAndLastPointAndNothingElse() {
        Curve c = loss(20_000, 1).curve();
        double w = 0.037;   // about 37 points per column, columns not aligned with anything
        TreeSet<Integer> expected = new TreeSet<>();
        int first = 0;
        for (int i = 1; i <= c.size(); i++) {
            if (i < c.size() && Math.floor(c.x(i) / w) == Math.floor(c.x(first) / w)) continue;
            int lo = first, hi = first;
            for (int j = first; j < i; j++) {
                if (c.y(j) < c.y(lo)) lo = j;
                if (c.y(j) > c.y(hi)) hi = j;
            }
            expected.addAll(List.of(first, lo, hi, i - 1));
            first = i;
        }
        int[] drawn = c.drawn(0, w);
        assertThat(drawn).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(drawn.length).isLessThanOrEqualTo(4 * (int) Math.ceil(c.x(c.size() - 1) / w + 1)).isLessThan(c.size() / 8);
    }

    @Test
    void sparsePointsAreAllDrawn() {
        Curve.Builder b = new Curve.Builder();
        for (int e = 1; e <= 30; e++) b.add(e, 1.0 / e);
        assertThat(b.curve().drawn(0, 0.01)).hasSize(30);
    }

    @Test
    void theLowestAndHighestOfAnyRangeAreTheFirstExtremeOfThatRange() {
        Curve c = loss(5_000, 2).curve();
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 2_000; t++) {
            int from = rng.nextInt(c.size()), to = from + 1 + rng.nextInt(c.size() - from);
            int lo = from, hi = from;
            for (int j = from; j < to; j++) {
                if (c.y(j) < c.y(lo)) lo = j;
                if (c.y(j) > c.y(hi)) hi = j;
            }
            assertThat(c.lowest(from, to)).as("lowest in [%d, %d)", from, to).isEqualTo(lo);
            assertThat(c.highest(from, to)).as("highest in [%d, %d)", from, to).isEqualTo(hi);
        }
        assertThat(c.lowest(7, 7)).isEqualTo(-1);
    }

    @Test
    void hoverAnswersWithTheRecordedPointNearestOnThePage() {
        Curve c = loss(12_345, 4).curve();
        DoubleUnaryOperator toX = e -> 50 + e * 40, toY = v -> 400 - 120 * Math.log10(v);   // a log axis, y downwards
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 300; t++) {
            double px = rng.nextDouble(0, 600), py = rng.nextDouble(300, 460);
            int best = 0;
            for (int j = 0; j < c.size(); j++) {
                if (distance(c, j, toX, toY, px, py) < distance(c, best, toX, toY, px, py)) best = j;
            }
            int found = c.nearest(toX, toY, px, py);
            assertThat(distance(c, found, toX, toY, px, py)).as("at (%.1f, %.1f)", px, py).isEqualTo(distance(c, best, toX, toY, px, py));
        }
        assertThat(new Curve.Builder().curve().nearest(toX, toY, 1, 1)).isEqualTo(-1);
    }

    private static double distance(Curve c, int i, DoubleUnaryOperator toX, DoubleUnaryOperator toY, double px, double py) {
        return Math.hypot(toX.applyAsDouble(c.x(i)) - px, toY.applyAsDouble(c.y(i)) - py);
    }

    @Test
    void aCurveHandedOutStaysAsItWasWhileTheRunGrows() {
        Curve.Builder b = loss(100, 6);
        Curve early = b.curve();
        int[] drawn = early.drawn(0, 0.005);
        int high = early.highest(0, 100);
        double highValue = early.y(high);
        for (int i = 0; i < 10_000; i++) b.add(1 + i / 1000.0, 100 + i);   // new arrays, new levels, higher values
        assertThat(early.size()).isEqualTo(100);
        assertThat(early.highest(0, 100)).isEqualTo(high);
        assertThat(early.y(high)).isEqualTo(highValue);
        assertThat(early.drawn(0, 0.005)).containsExactly(drawn);
        assertThat(b.curve().size()).isEqualTo(10_100);
    }

    @Test
    void pointsComeInOrderAndFinite() {
        Curve.Builder b = new Curve.Builder();
        b.add(1, 0.5);
        b.add(1, 0.4);   // the same x twice is allowed (a batch point and a check at the same moment)
        assertThatThrownBy(() -> b.add(0.5, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> b.add(2, Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThat(b.size()).isEqualTo(2);
    }

    @Test
    void theReducedLineCoversTheSamePixelsAsEveryPoint() {
        Curve c = loss(40_000, 7).curve();
        DoubleUnaryOperator toX = e -> 10 + e * 15, toY = v -> 20 + 60 * v;   // 40 epochs on 600 pixels: 67 points a column
        int[] all = new int[c.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int[] drawn = c.drawn(0, 1 / 15.0 / 2);
        java.awt.image.BufferedImage full = line(c, all, toX, toY), reduced = line(c, drawn, toX, toY);
        int differ = 0, slightly = 0, inked = 0;
        for (int x = 0; x < full.getWidth(); x++) {
            for (int y = 0; y < full.getHeight(); y++) {
                int d = Math.abs((full.getRGB(x, y) & 0xFF) - (reduced.getRGB(x, y) & 0xFF));
                if (d > TOLERANCE) differ++;
                if (d > 0) slightly++;
                if (full.getRGB(x, y) != -1) inked++;
            }
        }
        assertThat(drawn.length).isLessThan(c.size() / 8);
        System.out.println("reduced line: " + drawn.length + " of " + c.size() + " points, " + differ + " of " + inked + " inked pixels differ by more than " + TOLERANCE + ", " + slightly + " at all");
        assertThat(inked).isGreaterThan(5_000);
        assertThat(differ).as("pixels that differ by more than %d of 255, of %d inked", TOLERANCE, inked).isZero();
    }

    private static java.awt.image.BufferedImage line(Curve c, int[] shown, DoubleUnaryOperator toX, DoubleUnaryOperator toY) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 420, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 640, 420);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(Drawing.stroke(2));   // the curves' stroke: round joins
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        for (int i : shown) {
            if (i == shown[0]) path.moveTo(toX.applyAsDouble(c.x(i)), toY.applyAsDouble(c.y(i)));
            else path.lineTo(toX.applyAsDouble(c.x(i)), toY.applyAsDouble(c.y(i)));
        }
        g.draw(path);
        g.dispose();
        return image;
    }
}
