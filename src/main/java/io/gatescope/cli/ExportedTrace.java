package io.gatescope.cli;

import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.GradientProfiles;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import io.gatescope.engine.Traces;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.ArrayFiles;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.io.TraceFiles;
import io.gatescope.task.AdditionGradients;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The run the export draws: an addition model on a typed sum, or a bare stack on a sequence file,
 * traced exactly as the window traces it.
 *
 * @param peepholes whether the model's LSTM reads c_{t−1} into its gates (the diagram draws them)
 * @param gradients the gradients of L = g·h_T (g all ones) back through the same run, computed when asked
 * @param input     the sum an addition model read, as it read it ({@link AdditionTask.Example#asRead}), or null for a sequence file
 * @param json      writes the recurrent stack's run as a trace file (for an addition model, its encoder's)
 */
record ExportedTrace(ModelTrace trace, boolean peepholes, Supplier<GradientStudy> gradients, String input, TraceFile json) {

    /** Writes a trace file (docs/formats.md) of the run. */
    interface TraceFile {
        void write(Path file) throws FileException;
    }

    /** Loads {@code model} and runs it on {@code text} (addition) or {@code input} (a stack); one of them is null. */
    static ExportedTrace load(Path model, String text, Path input, CommandLine cmd) throws FileException {
        ModelFile file = ModelFiles.load(model);
        if (file instanceof ModelFile.Stack s) {
            RecurrentStack stack = s.stack();
            if (input == null) {
                throw new ParameterException(cmd, model + " holds a bare " + stack.kind().id()
                        + " stack, which reads numbers: give --input X.json, not --text");
            }
            double[][] x = ArrayFiles.readSteps(input, "x", -1, stack.inputSize(),
                    "the " + stack.kind().title() + " with input_size " + stack.inputSize());
            return new ExportedTrace(Traces.of(stack, x), stack.hasPeepholes(),
                    () -> new GradientStudy(List.of(GradientProfiles.compute(stack, x, null, null, null, true))), null,
                    target -> TraceFiles.write(target, stack, TracedRun.of(stack, x, null, null, null)));
        }
        var sequence = ((ModelFile.Sequence) file).model();
        if (sequence instanceof DenseBaseline) {
            throw new FileException(model, "holds a dense baseline, which has no recurrent cell to draw");
        }
        EncoderDecoder m = (EncoderDecoder) sequence;
        if (text == null) throw new ParameterException(cmd, model + " holds an addition model: give --text A+B, not --input");
        AdditionTask.Example example = Sums.parse(cmd, "--text", text);
        boolean reversed = ModelFiles.readsReversed(file.metadata());   // fed as the window feeds it
        return new ExportedTrace(AdditionModels.trace(m, example, reversed, GateClamps.NONE), m.encoder().hasPeepholes(),
                () -> AdditionGradients.study(List.of(m), example, reversed, null, true), example.asRead(reversed),
                target -> TraceFiles.write(target, m.encoder(),
                        TracedRun.of(m.encoder(), example.sequence(reversed), null, null, null)));
    }
}
