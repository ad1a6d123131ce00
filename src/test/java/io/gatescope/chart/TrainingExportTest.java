package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ChartExport.Format;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.task.Evaluation;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingHistory.Point;
import io.gatescope.train.TrainingSnapshot;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training panel's curves and comparison table exported as a lecturer would check them: size, colours, words, one page. */
class TrainingExportTest {
    @TempDir
    Path dir;

    static final List<TrainingCurves.Series> RUNS = List.of(run("LSTM 128", 0.9), run("GRU 64", 0.7));

    /** Four epochs of a run whose loss falls by {@code rate} per epoch, with a batch point between epochs. */
    private static TrainingCurves.Series run(String label, double rate) {
        List<Point> points = new ArrayList<>();
        double loss = 2;
        for (int e = 1; e <= 4; e++) {
            points.add(new Point(e - 0.5, loss * 1.1, Double.NaN, Double.NaN, Double.NaN));
            loss *= rate;
            points.add(new Point(e, loss, loss * 1.2, 1 - loss / 3, 1 - loss / 2));
        }
        return new TrainingCurves.Series(label, points);
    }

    private static Comparison.Result result(String cell, double test) {
        TrainingSnapshot last = new TrainingSnapshot(12, 0, 100, 120_000, 0.1, 0.1, 0.12, 0.99, test, 4000, 41.5, 1e-3, 0.5,
                Trainer.State.TARGET_REACHED, "");
        return new Comparison.Result(cell, null, last, new Evaluation.Accuracy(0.99, test, 0.1, 1000));
    }

    static final List<Comparison.Result> RESULTS = List.of(result("dense", 0.016), result("rnn", 0.90), result("lstm", 0.99));

    @Test
    void theCurvesPngFollowsTheScaleAndHoldsEveryRunsColour() throws IOException {
        Figure f = Figures.training(RUNS, false, 0.6, ChartStyle.DEFAULT);
        Path one = dir.resolve("one.png"), two = dir.resolve("two.png");
        ChartExport.write(f, Format.PNG, 1, one);
        ChartExport.write(f, Format.PNG, 2, two);
        BufferedImage small = ImageIO.read(one.toFile()), large = ImageIO.read(two.toFile());
        assertThat(small.getWidth()).isEqualTo((int) Math.ceil(f.preferredSize().width()));
        assertThat(large.getWidth()).isEqualTo(2 * small.getWidth());
        assertThat(large.getHeight()).isEqualTo(2 * small.getHeight());
        for (int i = 0; i < RUNS.size(); i++) {
            assertThat(FigureExportTest.contains(large, TrainingCurves.RUN_COLOURS[i])).as("the colour of " + RUNS.get(i).label()).isTrue();
        }
    }

    @Test
    void theCurvesSvgAndPdfCarryTheTitleAndTheRunLabelsAsText() throws Exception {
        Figure f = Figures.training(RUNS, true, 0.6, ChartStyle.DEFAULT);
        ChartExport.write(f, Format.SVG, 1, dir.resolve("c.svg"));
        List<String> texts = FigureExportTest.texts(Files.readString(dir.resolve("c.svg"), StandardCharsets.UTF_8));
        assertThat(texts).contains("Training curves", "LSTM 128", "GRU 64", "Validation accuracy by epoch");
        assertThat(String.join(" ", texts)).contains("smoothed (0.60)", "log scale");

        ChartExport.write(f, Format.PDF, 1, dir.resolve("c.pdf"));
        byte[] pdf = Files.readAllBytes(dir.resolve("c.pdf"));
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(FigureExportTest.count(new String(pdf, StandardCharsets.ISO_8859_1), Pattern.compile("/Type\\s*/Page\\b"))).isEqualTo(1);
        // Word by word in Helvetica; the key's ── and · (not in the standard fonts' encoding) as outlines, never as "?".
        assertThat(FigureExportTest.pageContent(pdf)).contains("(Training ) Tj", "(LSTM ) Tj", "(128) Tj", "(GRU ) Tj", "(training ) Tj")
                .doesNotContain("?");
    }

    @Test
    void theComparisonTableSaysWhatTheWindowsTableSaysWithItsVerdictsInColour() throws Exception {
        Figure f = Figures.comparison(RESULTS, ChartStyle.DEFAULT);
        ComparisonTable table = (ComparisonTable) f.charts().get(0);
        assertThat(table.rows()).containsExactly(
                List.of("Dense", "12", "41.5 s", "1.6 %", "1.6 %", "0.0 %", "✓ < 5 %"),
                List.of("SimpleRNN", "12", "41.5 s", "90.0 %", "90.0 %", "95.0 %", "✗ < 95 %"),
                List.of("LSTM", "12", "41.5 s", "99.0 %", "99.0 %", "100.0 %", "✓ ≥ 95 %"));
        ChartExport.write(f, Format.SVG, 1, dir.resolve("t.svg"));
        List<String> texts = FigureExportTest.texts(Files.readString(dir.resolve("t.svg"), StandardCharsets.UTF_8));
        assertThat(texts).contains("Dense, SimpleRNN, LSTM on the addition task", "Model", "Verdict", "SimpleRNN", "90.0 %");

        BufferedImage image = ChartExport.image(f, 3);
        assertThat(FigureExportTest.contains(image, new Color(0x009E73))).as("a verdict reached, in green").isTrue();
        assertThat(FigureExportTest.contains(image, new Color(0xD55E00))).as("a verdict missed, in red").isTrue();

        ChartExport.write(f, Format.PDF, 1, dir.resolve("t.pdf"));
        byte[] pdf = Files.readAllBytes(dir.resolve("t.pdf"));
        assertThat(FigureExportTest.count(new String(pdf, StandardCharsets.ISO_8859_1), Pattern.compile("/Type\\s*/Page\\b"))).isEqualTo(1);
        assertThat(FigureExportTest.pageContent(pdf)).contains("(SimpleRNN) Tj");
    }

    @Test
    void bothComeInThePrintThemeBlackOnWhite() {
        for (Figure f : List.of(Figures.training(RUNS, false, 0.6, ChartStyle.DEFAULT.withTheme(Theme.PRINT)),
                Figures.comparison(RESULTS, ChartStyle.DEFAULT.withTheme(Theme.PRINT)))) {
            BufferedImage image = ChartExport.image(f, 2);
            assertThat(new Color(image.getRGB(1, 1))).isEqualTo(Color.WHITE);
            assertThat(FigureExportTest.contains(image, Color.BLACK)).as("black text in " + f.title()).isTrue();
        }
    }
}
