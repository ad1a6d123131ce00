package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The heatmaps' labels never overlap: the current step's badge stays in its column, a long title gives way. */
class HeatmapLabelsTest {
    private final ModelTrace trace = Fixtures.model(CellKind.LSTM, 12);

    @Test
    void theCurrentStepsBadgeNeverCoversPartOfANeighboursCharacter() {
        TimeAxis axis = new TimeAxis(trace);
        for (int width : new int[] {190, 420}) {        // beside five other heatmaps (every other step labelled), and alone
            for (int t = 0; t < axis.length(); t++) {
                ChartStyle style = ChartStyle.DEFAULT.withCurrentStep(t);
                Heatmap map = Heatmap.of(trace, 0, Quantity.gate(1), style);
                BufferedImage image = ChartExport.image(map, width, 260, 1);
                Rectangle2D badge = map.badgeBounds();
                int every = map.timeLabelEvery();
                for (int n = 0; n < axis.length(); n += every) {
                    if (n == t) continue;
                    double half = Typography.width(axis.displayLabel(n), style.bodyFont()) / 2, centre = map.cellBounds(n, 0).getCenterX();
                    boolean clear = badge.getMaxX() <= centre - half || badge.getMinX() >= centre + half;
                    boolean masked = map.maskedSteps().contains(n);
                    assertThat(clear || masked).as("width %d, step %d: badge %s over part of step %d's character", width, t, badge, n).isTrue();
                    if (masked) {
                        // Blanked whole: its far side, outside the badge, is background.
                        double x = centre < badge.getCenterX() ? centre - half + 1 : centre + half - 1;
                        if (x < badge.getMinX() - 2 || x > badge.getMaxX() + 2) {      // clear of the badge's own antialiased edge
                            for (double y = badge.getMinY() + 2; y < badge.getMaxY() - 2; y += 2) {
                                Pixels.assertColour(Pixels.at(image, x, y), style.theme().background());
                            }
                        }
                    }
                }
                assertThat(badge.getWidth()).isGreaterThan(Typography.width(axis.displayLabel(t), style.boldFont()));
            }
        }
    }

    @Test
    void aLongTitleShowsItsSymbolWhenItDoesNotFit() {
        ChartStyle keras = ChartStyle.DEFAULT.withNotation(Notation.KERAS);
        Heatmap map = Heatmap.of(trace, 0, Quantity.gate(2), keras);
        String full = Notation.KERAS.title(CellKind.LSTM, Quantity.gate(2));
        assertThat(map.shownTitle(2000)).isEqualTo(full);
        String narrow = map.shownTitle(190);
        assertThat(Typography.width(narrow, keras.titleFont())).isLessThanOrEqualTo(190 - 2 * keras.px(8));
        assertThat(narrow).isEqualTo("c");
    }

    @Test
    void atASubStepBeforeItsOwnTheCurrentColumnIsBlank() {
        // LSTM sub-steps: 1 forget gate, 2 input gate and candidate: at sub-step 1 the candidate is not yet computed.
        ChartStyle walking = ChartStyle.DEFAULT.withCurrentStep(2).withSubStep(1);
        Heatmap candidate = Heatmap.of(trace, 0, Quantity.gate(2), walking);
        Heatmap forget = Heatmap.of(trace, 0, Quantity.gate(1), walking);
        assertThat(candidate.pendingNow()).isTrue();
        assertThat(forget.pendingNow()).isFalse();
        BufferedImage image = Pixels.render(candidate);
        Rectangle2D cell = candidate.cellBounds(2, 5);
        Pixels.assertColour(Pixels.at(image, cell.getCenterX(), cell.getCenterY()), walking.theme().background());
        Rectangle2D before = candidate.cellBounds(1, 5);
        Pixels.assertColour(Pixels.at(image, before.getCenterX(), before.getCenterY()),
                candidate.scale().colour(new TimeAxis(trace).step(1, 0).gate(2, 5)));
        // The whole step shows every value.
        assertThat(Heatmap.of(trace, 0, Quantity.gate(2), walking.withSubStep(ChartStyle.WHOLE_STEP)).pendingNow()).isFalse();
    }
}
