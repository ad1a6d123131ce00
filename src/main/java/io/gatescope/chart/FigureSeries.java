package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A view at every time step of a trace (and, for the views that follow the diagram's walk, at every
 * sub-step): the frames of an animation and the files of "export every step". The command line and
 * the window both take their frames and file names from here.
 *
 * @param view      what is drawn
 * @param trace     the run
 * @param layer     which layer of the stack
 * @param peepholes whether the trace's LSTM reads c_{t−1} into its gates
 * @param style     the look (notation, theme, palette, unit); its step and sub-step are replaced per frame
 * @param subSteps  one frame per sub-step rather than per whole step, where the view follows sub-steps
 */
public record FigureSeries(Figures.View view, ModelTrace trace, int layer, boolean peepholes, ChartStyle style,
                           boolean subSteps) {

    /** Where in the run one frame is: a step, and a sub-step or {@link ChartStyle#WHOLE_STEP}. */
    public record Frame(int step, int subStep) {
    }

    /** Every frame, in time order. */
    public List<Frame> frames() {
        TimeAxis axis = new TimeAxis(trace);
        List<Frame> out = new ArrayList<>();
        for (int t = 0; t < axis.length(); t++) {
            CellKind kind = axis.layer(t, layer).kind();
            if (subSteps && view.followsSubSteps()) {
                for (int s = 0; s < kind.anatomy().subStepCount(); s++) out.add(new Frame(t, s));
            } else {
                out.add(new Frame(t, ChartStyle.WHOLE_STEP));
            }
        }
        return out;
    }

    /** The figure of one frame. */
    public Figure figure(Frame frame) {
        return Figures.of(view, trace, layer, peepholes, style.withCurrentStep(frame.step()).withSubStep(frame.subStep()));
    }

    /** A frame's file name: {@code cell-step03.png}, {@code cell-step03-sub2.png}; see {@link #stem}. */
    public String fileName(Frame frame, ChartExport.Format format) {
        return stem(frame) + "." + format.extension();
    }

    /**
     * A frame's name without extension: the view, the step counted from 1 over the whole run
     * (encoder steps first, then the decoder's, so the names sort in time order) and the sub-step
     * counted from 1 as the diagram counts it.
     */
    public String stem(Frame frame) {
        String sub = frame.subStep() == ChartStyle.WHOLE_STEP ? "" : "-sub" + (frame.subStep() + 1);
        return String.format(Locale.ROOT, "%s-step%02d%s", view.id(), frame.step() + 1, sub);
    }

    /**
     * Writes every frame into {@code folder}, one file each, drawn on every core, and returns how many
     * were written. The files are one {@link FileBatch}: they replace what the folder held only once
     * all are written, so a cancelled or failed export leaves the folder as it was.
     *
     * @param cancelled asked before each file
     * @throws CancellationException when cancelled
     */
    public int writeAll(Path folder, ChartExport.Format format, double scale, BooleanSupplier cancelled, Animation.Progress progress)
            throws java.io.IOException {
        List<Frame> frames = frames();
        try (FileBatch batch = AtomicFiles.batch()) {
            Parallel.forEach(frames.size(), k -> ChartExport.write(figure(frames.get(k)), format, scale,
                    folder.resolve(fileName(frames.get(k), format)), batch), cancelled, progress);
            batch.commit();
        }
        return frames.size();
    }

    /** Writes the frames as a looping GIF, each shown {@code delayMs} ms; returns the number of frames. */
    public int writeGif(Path file, int delayMs, double scale, BooleanSupplier cancelled, Animation.Progress progress)
            throws java.io.IOException {
        List<Frame> frames = frames();
        Animation.gif(k -> figure(frames.get(k)), frames.size(), delayMs, scale, file, cancelled, progress);
        return frames.size();
    }
}
