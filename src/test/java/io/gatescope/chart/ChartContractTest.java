package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every chart promises its host: its background, its size, and the host's Graphics2D left as it was. */
class ChartContractTest {

    private static final ChartStyle DARK = ChartStyle.DEFAULT.withTheme(Theme.DARK).withSelectedUnit(1).withCurrentStep(3);

    static Stream<Arguments> charts() {
        ModelTrace lstm = Fixtures.model(CellKind.LSTM, 6);
        return Stream.of(
                Arguments.of("cell diagram", (Function<ChartStyle, Chart>) s -> CellDiagram.of(lstm, 0, true, s.withSubStep(2))),
                Arguments.of("heatmap", (Function<ChartStyle, Chart>) s -> Heatmap.of(lstm, 0, Quantity.cellState(), s)),
                Arguments.of("unrolled", (Function<ChartStyle, Chart>) s -> UnrolledView.of(lstm, 0, s)),
                Arguments.of("unit strip", (Function<ChartStyle, Chart>) s -> UnitStrip.of(CellKind.LSTM,
                        lstm.encoder().top().step(3), Quantity.gate(2), 1, s)),
                Arguments.of("legend", (Function<ChartStyle, Chart>) s -> new Legend("g", s.scales().signedUnit(),
                        Legend.Orientation.HORIZONTAL, s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void paintsItsThemeBackgroundAndLeavesTheHostsGraphicsAsItWas(String name, Function<ChartStyle, Chart> build) {
        Chart chart = build.apply(DARK);
        BufferedImage image = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        AffineTransform shifted = AffineTransform.getTranslateInstance(20, 30);
        BasicStroke stroke = new BasicStroke(3f);
        Font font = new Font(Font.SERIF, Font.ITALIC, 11);
        g.setTransform(shifted);
        g.setPaint(Color.MAGENTA);
        g.setStroke(stroke);
        g.setFont(font);
        chart.draw(g, 600, 400);
        assertThat(g.getTransform()).isEqualTo(shifted);
        assertThat(g.getPaint()).isEqualTo(Color.MAGENTA);
        assertThat(g.getStroke()).isEqualTo(stroke);
        assertThat(g.getFont()).isEqualTo(font);
        g.dispose();
        Pixels.assertColour(Pixels.at(image, 21, 31), Theme.DARK.background());
        Pixels.assertColour(Pixels.at(image, 10, 10), Color.BLACK);          // nothing outside its rectangle
        assertThat(chart.preferredSize().width()).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void presenterModeGrowsTheWholeChartWithItsText(String name, Function<ChartStyle, Chart> build) {
        Chart.Size desk = build.apply(DARK).preferredSize();
        Chart.Size hall = build.apply(DARK.withFontScale(2.5)).preferredSize();
        assertThat(hall.width()).isGreaterThan(2.2 * desk.width());
        assertThat(hall.height()).isGreaterThan(2.2 * desk.height());
        assertThat(DARK.withFontScale(2.5).bodyFont().getSize2D()).isEqualTo(2.5f * DARK.bodyFont().getSize2D());
        assertThat(DARK.smallFont().getSize2D()).isGreaterThanOrEqualTo(13f);
    }
}
