package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Figures.View;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exported figure compared with a committed reference picture, so a change to any chart is
 * seen: a moved label, a lost legend or another colour fails here, antialiasing noise does not.
 *
 * <p>After an intended change, look at the new pictures and regenerate them with
 * {@code mvn -o test -Dtest=ReferenceImagesTest -Dgatescope.updateReferences=true}; a failing run
 * leaves what it drew in {@code target/reference-actual/} to compare.
 */
class ReferenceImagesTest {
    private static final Path REFERENCES = Path.of("src/test/resources/io/gatescope/chart/reference");
    private static final Path ACTUAL = Path.of("target/reference-actual");
    /** A channel that moved by more than this is a changed pixel, not antialiasing. */
    private static final int CHANNEL_TOLERANCE = 48;
    /** The share of changed pixels allowed: text rasterised a hair apart on another machine. */
    private static final double CHANGED_SHARE = 0.001;

    static Stream<Arguments> figures() {
        ModelTrace lstm = Fixtures.model(CellKind.LSTM, 8), gru = Fixtures.model(CellKind.GRU, 6);
        ChartStyle desk = ChartStyle.DEFAULT.withSelectedUnit(3).withCurrentStep(2);
        List<Arguments> out = new ArrayList<>();
        for (View v : View.values()) {
            out.add(Arguments.of(v.id() + "-lstm", Figures.of(v, lstm, 0, false, desk)));
        }
        out.add(Arguments.of("cell-lstm-substep", Figures.of(View.CELL, lstm, 0, true, desk.withSubStep(2))));
        out.add(Arguments.of("equations-lstm-ng-substep", Figures.of(View.EQUATIONS, lstm, 0, false,
                desk.withNotation(Notation.NG).withSubStep(3))));
        out.add(Arguments.of("vectors-gru-print", Figures.of(View.VECTORS, gru, 0, false, desk.withTheme(Theme.PRINT))));
        out.add(Arguments.of("heatmap-gru-dark-viridis", Figures.of(View.HEATMAP, gru, 0, false,
                desk.withTheme(Theme.DARK).withPalette(Palette.VIRIDIS).withNotation(Notation.KERAS))));
        // The views that are not the trace's: the training panel's two, and the gradients back through time.
        out.add(Arguments.of("training-curves-print", Figures.training(TrainingExportTest.RUNS, true, 0.6, desk.withTheme(Theme.PRINT))));
        out.add(Arguments.of("comparison", Figures.comparison(TrainingExportTest.RESULTS, desk)));
        out.add(Arguments.of("gradients-rnn-lstm-gru", Figures.gradients(io.gatescope.engine.GradientStudy.random(
                io.gatescope.engine.GradientPreset.RNN_VANISHING.applyTo(io.gatescope.engine.GradientSetup.DEFAULT.withSteps(12).withHidden(8)),
                false), null, 1e-3, desk)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void looksAsItDidWhenReviewed(String name, Figure figure) throws IOException {
        BufferedImage actual = ChartExport.image(figure, 1);
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("gatescope.updateReferences")) {
            Files.createDirectories(REFERENCES);
            ImageIO.write(actual, "png", reference.toFile());
            return;
        }
        assertThat(reference).as("no reference picture; create it with -Dgatescope.updateReferences=true").exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        try {
            assertThat(actual.getWidth()).as("width").isEqualTo(expected.getWidth());
            assertThat(actual.getHeight()).as("height").isEqualTo(expected.getHeight());
            assertThat(changedShare(expected, actual)).as("share of changed pixels").isLessThanOrEqualTo(CHANGED_SHARE);
        } catch (AssertionError e) {
            Files.createDirectories(ACTUAL);
            ImageIO.write(actual, "png", ACTUAL.resolve(name + ".png").toFile());
            throw e;
        }
    }

    /** The share of pixels where some channel differs by more than the tolerance. */
    static double changedShare(BufferedImage a, BufferedImage b) {
        long changed = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > CHANNEL_TOLERANCE) {
                        changed++;
                        break;
                    }
                }
            }
        }
        return changed / (double) (a.getWidth() * a.getHeight());
    }
}
