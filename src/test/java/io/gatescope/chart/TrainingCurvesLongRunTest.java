package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.TrainingHistory.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The curves of a long run: drawn at the cost of a short one, hovered and exported exactly. */
class TrainingCurvesLongRunTest {
    /** {@code epochs} epochs of 500 batches; every batch loss a distinct four-decimal value, every epoch validated. */
    static List<Point> run(int epochs) {
        List<Point> points = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (int b = 1; b <= 500; b++) {
                int i = e * 500 + b;
                points.add(new Point(e + b / 500.0, 1 + ((i * 7919L) % 1000) / 1e4 - e * 1e-3, Double.NaN, Double.NaN, Double.NaN));
            }
            points.add(new Point(e + 1, 1 - e * 1e-3, 1.05 - e * 1e-3, 0.5 + e * 1e-3, 0.2 + e * 1e-3));
        }
        return points;
    }

    @Test
    void aRunTenTimesLongerDrawsAboutAsMuch() {
        TrainingCurves shorter = curves(run(40)), longer = curves(run(400));
        int a = longestPath(ChartExport.svgDocument(shorter)), b = longestPath(ChartExport.svgDocument(longer));
        System.out.printf(Locale.ROOT, "the training loss drawn through %,d of 20,000 points, and %,d of 200,000%n", a, b);
        assertThat(b).isLessThan(a * 11 / 10);
        // at most the first, lowest, highest and last point of each column, two columns per unit of width
        assertThat(b).isLessThanOrEqualTo(4 * 2 * (int) longer.preferredSize().width());
    }

    /** The most points in one path of an SVG drawing. */
    private static int longestPath(String svg) {
        return java.util.regex.Pattern.compile("<path d='([^']*)'").matcher(svg).results()
                .mapToInt(m -> m.group(1).split("[ML]").length - 1).max().orElse(0);
    }

    @Test
    void hoverNamesTheRecordedPointUnderThePointerDrawnOrNot() {
        List<Point> points = run(100);
        TrainingCurves curves = curves(points);
        ChartExport.image(curves, 1);   // draws, so the chart knows where its plots are
        // batch 31,337 of the 50,000: its loss lies between its neighbours', inside a column of ~100 points
        Point p = points.stream().filter(q -> !q.isEpoch()).skip(31_336).findFirst().orElseThrow();
        double[] at = curves.trainingLossAt(0, 31_336);
        assertThat(curves.describe(at[0], at[1])).isEqualTo(String.format(Locale.ROOT,
                "LSTM 128 · epoch %.2f · training loss %s", p.epoch(), Numbers.fixed(p.trainLoss(), 4)));
    }

    private static TrainingCurves curves(List<Point> points) {
        return new TrainingCurves(List.of(new TrainingCurves.Series("LSTM 128", points)), false, 0, ChartStyle.DEFAULT);
    }
}
