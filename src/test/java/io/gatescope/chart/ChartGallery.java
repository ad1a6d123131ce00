package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every chart for the fixtures as PNGs, to look at them as a lecturer would (and for the
 * docs' screenshots). Not a test: run {@code java -cp … io.gatescope.chart.ChartGallery /tmp}.
 */
final class ChartGallery {
    private ChartGallery() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        Files.createDirectories(dir);
        ChartStyle base = ChartStyle.DEFAULT.withSelectedUnit(3).withCurrentStep(2);
        for (CellKind kind : new CellKind[] {CellKind.LSTM, CellKind.GRU, CellKind.GRU_SIMPLE, CellKind.RNN_TANH}) {
            ModelTrace trace = Fixtures.model(kind, 12);
            String k = kind.id();
            write(CellDiagram.of(trace, 0, kind == CellKind.LSTM, base), dir, "diagram-" + k);
            write(CellDiagram.of(trace, 0, false, base.withSubStep(2)), dir, "diagram-" + k + "-sub2");
            write(UnrolledView.of(trace, 0, base), dir, "unrolled-" + k);
            write(Heatmap.of(trace, 0, Quantity.gate(0), base), dir, "heatmap-" + k);
        }
        ModelTrace lstm = Fixtures.model(CellKind.LSTM, 64);
        ChartStyle ng = base.withNotation(Notation.NG).withTheme(Theme.DARK).withPalette(Palette.VIRIDIS);
        CellDiagram ngDiagram = CellDiagram.of(lstm, 0, false, ng.withSubStep(3));
        write(ngDiagram, dir, "diagram-lstm-ng-dark");
        ChartExport.svg(ngDiagram, dir.resolve("chart-diagram-lstm-ng-dark.svg"));
        ChartExport.pdf(ngDiagram, dir.resolve("chart-diagram-lstm-ng-dark.pdf"));
        write(Heatmap.of(lstm, 0, Quantity.cellState(), ng), dir, "heatmap-lstm-c-dark");
        ChartStyle hall = base.withTheme(Theme.HIGH_CONTRAST).withPalette(Palette.HIGH_CONTRAST).withFontScale(2.0);
        write(CellDiagram.of(lstm, 0, false, hall.withNotation(Notation.INTERVIEW)), dir, "diagram-lstm-hall");
        write(Heatmap.of(lstm, 0, Quantity.hiddenState(), hall), dir, "heatmap-lstm-hall");
        write(UnitStrip.of(CellKind.LSTM, lstm.encoder().top().step(2), Quantity.gate(1), 1, base), dir, "strip-forget");
        write(UnitStrip.of(CellKind.LSTM, Fixtures.lstmUnit3(), Quantity.gate(1), 1, base), dir, "strip-forget-4");
        write(new Legend("c — cell state", ColourScales.of(Palette.CLASSIC).cellState(1.7),
                Legend.Orientation.HORIZONTAL, base), dir, "legend-c");
        // Long sequences, at a window's size: a window of steps, and a heatmap that labels only some columns.
        ModelTrace longRun = Fixtures.longRun(CellKind.LSTM, 64, 200);
        ModelTrace longSeq = Fixtures.longEncoderDecoder(CellKind.LSTM, 12, 30, 30);
        write(UnrolledView.of(longRun, 0, base.withCurrentStep(120)), 1200, 220, dir, "unrolled-long");
        write(UnrolledView.of(longSeq, 0, base.withCurrentStep(30)), 1200, 240, dir, "unrolled-long-bridge");
        write(UnrolledView.of(longSeq, 0, base.withCurrentStep(50)), 1200, 240, dir, "unrolled-long-decoder");
        write(Heatmap.of(longRun, 0, Quantity.hiddenState(), base.withCurrentStep(120)), 900, 400, dir, "heatmap-long");
        // The exported figures: every view, the last one also walking through a sub-step and in print.
        for (Figures.View view : Figures.View.values()) {
            write(Figures.of(view, Fixtures.model(CellKind.LSTM, 8), 0, false, base.withSubStep(2)), dir, "figure-" + view.id());
            write(Figures.of(view, Fixtures.model(CellKind.GRU, 8), 0, false, base.withTheme(Theme.PRINT)), dir,
                    "figure-" + view.id() + "-gru-print");
        }
    }

    private static void write(Chart chart, double width, double height, Path dir, String name) throws IOException {
        javax.imageio.ImageIO.write(ChartExport.image(chart, width, height, 1), "png", dir.resolve("chart-" + name + ".png").toFile());
    }

    private static void write(Chart chart, Path dir, String name) throws IOException {
        ChartExport.png(chart, 1, dir.resolve("chart-" + name + ".png"));
    }
}
