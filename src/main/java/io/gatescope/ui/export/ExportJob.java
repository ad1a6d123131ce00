package io.gatescope.ui.export;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartExport;
import io.gatescope.chart.ChartExport.Format;
import io.gatescope.chart.FigureSeries;
import io.gatescope.io.FileException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * One export, run on the compute thread: a picture, every step's pictures into a folder, or an
 * animated GIF. Progress counts files (or frames); cancelling stops before the next one; every file
 * goes through the one atomic writer (every step's files as one batch), so a cancelled or failed
 * export replaces nothing and never leaves half a file.
 * The value is the line the dialog shows when it is done.
 */
final class ExportJob extends Task<String> {

    /** What to write. */
    enum What { STEP, EVERY_STEP, GIF }

    /**
     * How big a bitmap is: a magnification, or a width in pixels (the layout kept, only magnified).
     *
     * @param scale  used when {@code width} is 0
     * @param width  pixels, or 0 for "use the scale"
     */
    record Size(double scale, int width) {
        double scaleFor(Chart chart) {
            return width > 0 ? ChartExport.scaleForWidth(chart, width) : scale;
        }
    }

    private final ExportTarget.Snapshot snapshot;
    private final What what;
    private final Format format;
    private final Size size;
    private final int delayMs;
    private final Path target;

    ExportJob(ExportTarget.Snapshot snapshot, What what, Format format, Size size, int delayMs, Path target) {
        this.snapshot = snapshot;
        this.what = what;
        this.format = format;
        this.size = size;
        this.delayMs = delayMs;
        this.target = target;
    }

    @Override
    protected String call() throws Exception {
        updateMessage("Drawing…");
        switch (what) {
            case STEP -> {
                Chart chart = snapshot.step().get();
                ChartExport.write(chart, format, size.scaleFor(chart), target);
                updateProgress(1, 1);
                return "Wrote " + target;
            }
            case EVERY_STEP -> {
                FigureSeries series = series();
                try {
                    Files.createDirectories(target);
                } catch (java.io.IOException e) {
                    throw new FileException(target, "cannot make this folder: " + e.getMessage());
                }
                double scale = size.scaleFor(series.figure(series.frames().get(0)));
                int n = series.writeAll(target, format, scale, this::isCancelled, this::done);
                return "Wrote " + n + " " + format.extension().toUpperCase(java.util.Locale.ROOT) + " files to " + target;
            }
            case GIF -> {
                FigureSeries series = series();
                double scale = size.scaleFor(series.figure(series.frames().get(0)));
                int n = series.writeGif(target, delayMs, scale, this::isCancelled, this::done);
                return "Wrote " + target + ": " + n + " frames, " + delayMs + " ms each";
            }
        }
        throw new IllegalStateException("unknown export " + what);
    }

    private FigureSeries series() {
        return snapshot.series().orElseThrow(() -> new IllegalStateException("this view has no series of steps"));
    }

    private void done(int done, int total) {
        updateProgress(done, total);
        updateMessage(done + " of " + total);
    }

    /** The picture at the current step as an image at {@code size}: what "Copy as image" puts on the clipboard. */
    static Task<BufferedImage> image(ExportTarget.Snapshot snapshot, Size size) {
        return new Task<>() {
            @Override protected BufferedImage call() {
                Chart chart = snapshot.step().get();
                return ChartExport.image(chart, size.scaleFor(chart));
            }
        };
    }
}
