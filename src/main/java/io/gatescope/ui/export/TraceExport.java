package io.gatescope.ui.export;

import io.gatescope.engine.GateClamps;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.TraceCsv;
import io.gatescope.io.TraceFiles;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.LoadedModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.concurrent.Task;

/**
 * The run on screen as numbers: CSV (one row per step, layer, quantity and unit) or a trace file
 * (docs/formats.md; for an addition model, its encoder's run). What to write is read on the FX
 * thread; the writing is a Task for the compute thread.
 */
public final class TraceExport {
    private TraceExport() {
    }

    /** The file formats of a trace. */
    public enum Kind { CSV, JSON }

    /** A task writing the trace on screen to {@code file}, or empty when there is no trace yet. */
    public static Optional<Task<String>> task(AppModel app, Kind kind, Path file) {
        ModelTrace trace = app.traceProperty().get();
        LoadedModel model = app.modelProperty().get();
        if (trace == null || model == null) return Optional.empty();
        GateClamps clamps = app.clampsProperty().get();
        RecurrentStack stack;
        double[][] x;
        if (model instanceof LoadedModel.Addition a) {
            AdditionTask.Example example = app.tracedExampleProperty().get();
            if (example == null) return Optional.empty();
            stack = a.model().encoder();
            x = example.sequence(a.reversed());             // what the trace on screen read
        } else {
            stack = ((LoadedModel.Stack) model).stack();
            x = app.sequenceProperty().get().rows();
        }
        return Optional.of(new Task<>() {
            @Override protected String call() throws Exception {
                if (kind == Kind.CSV) {
                    TraceCsv.write(file, trace);
                    return "Wrote " + file + ": " + trace.totalSteps() + " steps as CSV";
                }
                TraceFiles.write(file, stack, TracedRun.of(stack, x, null, null, null, clamps));
                return "Wrote " + file + ": " + x.length + " steps" + (trace.hasDecoder() ? " of the encoder" : "") + " as a trace file";
            }
        });
    }
}
