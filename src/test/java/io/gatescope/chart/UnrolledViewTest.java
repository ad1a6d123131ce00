package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.jfree.svg.SVGGraphics2D;

class UnrolledViewTest {
    private final ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(6);

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"LSTM", "GRU", "RNN_TANH"})
    void stepAtFindsEachCellAndItsCharacter(CellKind kind) {
        UnrolledView view = UnrolledView.of(Fixtures.model(kind, 6), 0, style);
        Pixels.render(view);
        for (int t = 0; t < 8; t++) {
            Rectangle2D cell = view.cellBounds(t);
            assertThat(view.stepAt(cell.getCenterX(), cell.getCenterY())).isEqualTo(t);
            double characterY = t < 5 ? cell.getMaxY() + 30 : cell.getY() - 30;   // inputs below, outputs above
            assertThat(view.stepAt(cell.getCenterX(), characterY)).isEqualTo(t);
        }
        Rectangle2D first = view.cellBounds(0), second = view.cellBounds(1);
        assertThat(view.stepAt((first.getMaxX() + second.getX()) / 2, first.getCenterY())).isEqualTo(-1);
    }

    @Test
    void theCurrentStepIsFilledAndOutlined() {
        UnrolledView view = UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style);
        BufferedImage image = Pixels.render(view);
        Rectangle2D current = view.cellBounds(6), other = view.cellBounds(2);
        Pixels.assertColour(Pixels.at(image, current.getX() + 8, current.getY() + current.getHeight() - 8),
                style.theme().currentFill());
        Pixels.assertColour(Pixels.at(image, other.getX() + 8, other.getY() + other.getHeight() - 8), style.theme().panel());
        assertThat(Pixels.near(image, current.getX(), current.getCenterY(), 1, style.theme().highlight())).isTrue();
        assertThat(Pixels.near(image, other.getX(), other.getCenterY(), 1, style.theme().highlight())).isFalse();
    }

    @Test
    void decoderStepsShowTheirPredictionAndProbability() {
        String svg = ChartExport.svgDocument(UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style));
        assertThat(svg).contains(">p = 0.93<", ">p = 0.71<", ">repeat<", ">encoder<", ">decoder<", ">c, h<", ">+<");
        String ng = ChartExport.svgDocument(UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style.withNotation(Notation.NG)));
        assertThat(ng).contains(">c, a<");
    }

    @Test
    void theCurrentDecoderStepsPredictionIsHiddenUntilItsHIsComputed() {
        var trace = Fixtures.model(CellKind.LSTM, 6);
        TimeAxis axis = new TimeAxis(trace);
        int hAt = CellKind.LSTM.anatomy().subStepOf(io.gatescope.engine.CellAnatomy.State.HIDDEN);
        String p = ">p = " + String.format(java.util.Locale.ROOT, "%.2f", axis.probability(6)) + "<";
        String label = ">" + axis.displayLabel(6) + "<";
        for (boolean strip : new boolean[] {false, true}) {
            for (int sub = 0; sub < hAt; sub++) {
                ChartStyle at = style.withSubStep(sub);
                String svg = ChartExport.svgDocument(strip ? UnrolledView.strip(trace, 0, at) : UnrolledView.of(trace, 0, at));
                assertThat(svg).as("sub-step %d, strip %s", sub, strip).contains(">?<");
                if (!strip) assertThat(svg).doesNotContain(p);
            }
            ChartStyle computed = style.withSubStep(hAt);
            String svg = ChartExport.svgDocument(strip ? UnrolledView.strip(trace, 0, computed) : UnrolledView.of(trace, 0, computed));
            assertThat(svg).doesNotContain(">?<").contains(label);
            if (!strip) assertThat(svg).contains(p);
        }
        // An encoder step reads its character whatever the sub-step.
        assertThat(ChartExport.svgDocument(UnrolledView.of(trace, 0, style.withCurrentStep(2).withSubStep(0)))).doesNotContain(">?<");
    }

    @Test
    void theStripShowsEveryCharacterInOneLineAtTheHeadlineSize() {
        var trace = Fixtures.model(CellKind.LSTM, 6);
        UnrolledView strip = UnrolledView.strip(trace, 0, style), full = UnrolledView.of(trace, 0, style);
        assertThat(strip.preferredSize().height()).isLessThan(full.preferredSize().height() / 2);
        assertThat(strip.characterSize()).isEqualTo(full.characterSize());
        String svg = ChartExport.svgDocument(strip);
        for (String c : Fixtures.INPUT) assertThat(svg).contains(">" + c + "<");
        assertThat(svg).contains(">repeat<", ">encoder<", ">decoder<").doesNotContain("p = ");   // the sections named beside the row
        Pixels.render(strip);
        for (int t = 0; t < 8; t++) {
            Rectangle2D cell = strip.cellBounds(t);
            assertThat(strip.stepAt(cell.getCenterX(), cell.getCenterY())).isEqualTo(t);
            assertThat(cell.getMaxY()).isLessThanOrEqualTo(strip.preferredSize().height());
        }
    }

    @Test
    void anEncoderOnlyModelHasNoBridge() {
        UnrolledView view = UnrolledView.of(Fixtures.encoderOnly(CellKind.GRU, 6), 0, ChartStyle.DEFAULT);
        assertThat(ChartExport.svgDocument(view)).doesNotContain(">repeat<", ">decoder<", "p = ");
        Rectangle2D last = view.cellBounds(4);
        assertThat(view.stepAt(last.getCenterX(), last.getCenterY())).isEqualTo(4);
    }

    @Test
    void aLongSequenceShowsFullSizeCellsAroundTheCurrentStepAndCountsTheRest() {
        UnrolledView view = UnrolledView.of(Fixtures.longRun(CellKind.LSTM, 6, 200), 0, style.withCurrentStep(120));
        String svg = svg(view, 1400, 220);
        StepWindow w = view.window();
        assertThat(w.contains(120)).isTrue();
        assertThat(w.size()).isBetween(8, 20);
        // Index 120 is the 121st step: t counts from 1, and the box and its input say the same.
        assertThat(svg).contains(">… " + w.earlier() + " earlier<", ">" + w.later() + " later …<", ">t = 121<", ">x121<")
                .doesNotContain(">t = " + w.first() + "<", ">t = " + (w.last() + 1) + "<");
        // Legible: the cells keep the width they have when every step fits.
        UnrolledView shortRun = UnrolledView.of(Fixtures.model(CellKind.LSTM, 6), 0, style);
        Pixels.render(shortRun);
        assertThat(view.cellBounds(120).getWidth()).isGreaterThanOrEqualTo(shortRun.cellBounds(0).getWidth());
        assertThat(view.minimumSize().width()).isLessThan(1000);
        assertThat(view.preferredSize().width()).isGreaterThan(10_000);            // an export shows every step
    }

    @Test
    void scrubbingKeepsTheCurrentStepInViewAndHitTestsFindIt() {
        var run = Fixtures.longRun(CellKind.GRU, 6, 200);
        java.util.Set<Integer> firsts = new java.util.HashSet<>();
        int size = 0;
        for (int t = 0; t < 200; t++) {
            UnrolledView view = UnrolledView.of(run, 0, style.withCurrentStep(t));
            ChartExport.image(view, 1000, 220, 1);
            assertThat(view.window().contains(t)).as("step %d in view", t).isTrue();
            Rectangle2D cell = view.cellBounds(t);
            assertThat(cell.getMaxX()).isLessThanOrEqualTo(1000);
            assertThat(view.stepAt(cell.getCenterX(), cell.getCenterY())).isEqualTo(t);
            assertThat(view.stepAt(cell.getCenterX(), cell.getMaxY() + 30)).isEqualTo(t);   // its input character
            firsts.add(view.window().first());
            size = view.window().size();
        }
        // The row turns a page of (size − 2 steps of context) at a time; it does not slide every step.
        assertThat(firsts.size()).isLessThanOrEqualTo(200 / (size - 2) + 1);
    }

    @Test
    void theElisionMarkersGoToTheNearestHiddenStep() {
        UnrolledView view = UnrolledView.of(Fixtures.longRun(CellKind.LSTM, 6, 200), 0, style.withCurrentStep(100));
        ChartExport.image(view, 1000, 220, 1);
        StepWindow w = view.window();
        Rectangle2D first = view.cellBounds(w.first()), last = view.cellBounds(w.last() - 1);
        assertThat(view.stepAt(first.getX() - 40, first.getCenterY())).isEqualTo(w.first() - 1);
        assertThat(view.stepAt(last.getMaxX() + 40, last.getCenterY())).isEqualTo(w.last());
        assertThat(view.stepAt(first.getCenterX(), first.getCenterY())).isEqualTo(w.first());
    }

    @Test
    void theRepeatBridgeIsShownWhenTheWindowHoldsTheBoundary() {
        var run = Fixtures.longEncoderDecoder(CellKind.LSTM, 6, 60, 60);
        UnrolledView boundary = UnrolledView.of(run, 0, style.withCurrentStep(60));
        String atBoundary = svg(boundary, 1200, 240);
        assertThat(boundary.window().contains(59) && boundary.window().contains(60)).isTrue();
        assertThat(atBoundary).contains(">repeat<", ">encoder<", ">decoder<", ">p = 0.50<");
        Rectangle2D lastEncoder = boundary.cellBounds(59), firstDecoder = boundary.cellBounds(60);
        assertThat(firstDecoder.getX() - lastEncoder.getMaxX()).isGreaterThan(lastEncoder.getWidth());   // room for the bridge
        assertThat(boundary.stepAt(firstDecoder.getCenterX(), firstDecoder.getCenterY())).isEqualTo(60);

        UnrolledView decoderOnly = UnrolledView.of(run, 0, style.withCurrentStep(100));
        String deep = svg(decoderOnly, 1200, 240);
        assertThat(decoderOnly.window().first()).isGreaterThan(60);
        assertThat(deep).contains(">decoder<").doesNotContain(">repeat<", ">encoder<");
        Rectangle2D current = decoderOnly.cellBounds(100);
        assertThat(decoderOnly.stepAt(current.getCenterX(), current.getY() - 30)).isEqualTo(100);   // its prediction
    }

    private static String svg(Chart chart, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, width, height);
        return g.getSVGElement();
    }
}
