package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.GradientPreset;
import io.gatescope.engine.GradientProfile;
import io.gatescope.engine.GradientSetup;
import io.gatescope.engine.GradientStudy;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient charts draw what the profiles say: on the log axis, off-axis values marked, the per-unit heatmap's colours. */
class GradientChartsTest {
    private static final GradientSetup SMALL = GradientSetup.DEFAULT.withSteps(60).withHidden(8);

    @Test
    void normsFallAlongTheLogAxisInTheirCellsColour() {
        GradientStudy study = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(SMALL), false);
        GradientPlot plot = GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT);
        BufferedImage image = draw(plot, 900, 500);
        assertThat(plot.series()).extracting(GradientPlot.Series::name).containsExactly("RNN (tanh)", "LSTM", "LSTM ‖∂L/∂c_k‖", "GRU");
        GradientPlot.Placed first = plot.placed(0, 0), last = plot.placed(0, 60);
        assertThat(first.y()).as("a smaller gradient is lower on the log axis").isGreaterThan(last.y());
        // Halving per step: 60 steps are 18 decades, so the pixel drop is 18 / (axis decades) of the axis height.
        GradientPlot.Placed mid = plot.placed(0, 30);
        assertThat(mid.y()).isCloseTo((first.y() + last.y()) / 2, org.assertj.core.api.Assertions.within(2.0));
        Pixels.assertColour(Pixels.at(image, mid.x(), mid.y()), ColourScales.cell(CellKind.RNN_TANH, Theme.LIGHT), 60);
        assertThat(plot.series().get(0).note()).contains("9 steps").contains("−0.30");
    }

    @Test
    void stepsAreTickedAtWholeNumbersAtEveryWidthAndTheTitlesFitTheFigure() {
        for (int steps = 2; steps <= 30; steps++) {
            GradientStudy study = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(SMALL.withSteps(steps)), false);
            for (GradientPlot plot : List.of(GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT), GradientCharts.factors(study, ChartStyle.DEFAULT))) {
                for (int width = 30; width <= 900; width += 7) {
                    for (double t : plot.xTicks(width)) {
                        assertThat(t).as("a tick of %d steps on %d px", steps, width).isEqualTo(Math.rint(t));
                    }
                }
            }
        }
        GradientStudy study = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(SMALL), false);
        Figure figure = Figures.gradients(study, "67+60", 1e-3, ChartStyle.DEFAULT);
        for (Chart c : figure.charts()) {
            GradientPlot plot = (GradientPlot) c;
            // The title is drawn from the left padding: the plot is wide enough for all of it, and so is the figure.
            double title = Typography.width(plot.title(), ChartStyle.DEFAULT.titleFont());
            assertThat(plot.preferredSize().width()).as(plot.title()).isGreaterThan(title + 2 * ChartStyle.DEFAULT.px(8));
        }
        assertThat(figure.preferredSize().width()).isGreaterThanOrEqualTo(figure.charts().stream()
                .mapToDouble(c -> c.preferredSize().width()).max().orElseThrow());
    }

    @Test
    void hoveringAStepReadsEveryLinesValueThere() {
        GradientStudy study = GradientStudy.random(GradientPreset.RNN_VANISHING.applyTo(SMALL), false);
        GradientPlot plot = GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT);
        draw(plot, 900, 500);
        GradientPlot.Placed at = plot.placed(0, 30);
        String text = plot.describe(at.x() + 1, at.y() + 40).orElseThrow();
        assertThat(text).startsWith("k = 30\n").contains("RNN (tanh): " + GradientText.number(study.profiles().get(0).gradH()[30]),
                "LSTM ‖∂L/∂c_k‖: " + GradientText.number(study.profiles().get(1).gradC()[30]));
        assertThat(plot.describe(2, 2)).isEmpty();
    }

    @Test
    void infinityAndNanAreMarkedOnTheTopEdgeNotDropped() {
        GradientSetup overflow = new GradientSetup(400, 8, 1e3, true, 0, 3);
        GradientStudy study = GradientStudy.of(List.of(overflow.model(CellKind.RNN_RELU)), overflow.input(), null, false);
        GradientProfile p = study.profiles().get(0);
        GradientPlot plot = GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT);
        BufferedImage image = draw(plot, 900, 500);
        int k = 0;
        while (Double.isFinite(p.gradH()[k])) k++;
        GradientPlot.Placed marked = plot.placed(0, k), top = plot.placed(0, 400);
        assertThat(marked.marked()).isTrue();
        assertThat(marked.y()).isLessThan(top.y());
        // The triangle hangs below the top edge in the line's colour.
        Pixels.assertColour(Pixels.at(image, marked.x(), marked.y() + 3), ColourScales.cell(CellKind.RNN_RELU, Theme.LIGHT), 60);
        assertThat(GradientText.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(GradientText.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void presenterScaleEnlargesTheAxesWithTheText() {
        GradientStudy study = GradientStudy.random(SMALL, false);
        GradientPlot desk = GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT);
        GradientPlot hall = GradientCharts.norms(study, 1e-3, 0, ChartStyle.DEFAULT.withFontScale(2.5));
        draw(desk, 1600, 900);
        draw(hall, 1600, 900);
        // The tick labels left of the axis are wider at 250 %, so the axis starts further right.
        assertThat(hall.placed(0, 0).x()).isGreaterThan(2 * desk.placed(0, 0).x());
    }

    @Test
    void perUnitHeatmapPaintsEachMagnitudeOnALogScale() {
        GradientProfile lstm = GradientStudy.random(SMALL, false).profiles().get(1);
        Heatmap heatmap = GradientCharts.units(lstm, ChartStyle.DEFAULT.withCurrentStep(Integer.MAX_VALUE - 1));
        BufferedImage image = draw(heatmap, 1200, 400);
        assertThat(heatmap.scale().kind()).isEqualTo(ColourScale.Kind.LOG_MAGNITUDE);
        for (int[] cell : new int[][] {{0, 0}, {30, 3}, {60, 7}}) {
            var box = heatmap.cellBounds(cell[0], cell[1]);
            Pixels.assertColour(Pixels.fillOf(image, box), heatmap.scale().colour(lstm.unitGradH()[cell[0]][cell[1]]), 6);
        }
    }

    @Test
    void theSweepDrawsTheLineAtOneAndTheRadiusOne() {
        GradientStudy.Sweep sweep = GradientStudy.sweep(SMALL, 0.5, 1.5, 5);
        GradientPlot plot = GradientCharts.sweep(sweep, ChartStyle.DEFAULT);
        draw(plot, 900, 500);
        assertThat(plot.series()).hasSize(3);
        assertThat(plot.series().get(0).x()).containsExactly(0.5, 0.75, 1.0, 1.25, 1.5);
        assertThat(plot.decades()[0]).isLessThanOrEqualTo(0);
        assertThat(plot.decades()[1]).isGreaterThanOrEqualTo(0);
    }

    private static BufferedImage draw(Chart chart, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, w, h);
        g.dispose();
        return image;
    }
}
