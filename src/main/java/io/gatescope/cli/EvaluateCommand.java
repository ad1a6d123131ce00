package io.gatescope.cli;

import io.gatescope.task.AdditionTask;
import io.gatescope.task.Dataset;
import io.gatescope.task.Evaluation;
import io.gatescope.task.Memory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope evaluate}: accuracy of an addition model on sums it has never seen. */
@Command(name = "evaluate", header = "Measure an addition model's accuracy on a fresh test set.",
        description = {"Measure an addition model on a fresh test set: sums a+b with a and b uniform in",
                "0..99, drawn from the seed. Prints the full-answer accuracy (all five characters",
                "right, the seeds' headline figure), the per-character accuracy and the loss."},
        footer = {"", "Example:", "  gatescope evaluate --model model.json --examples 1000 --seed 7"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Mixin
    private AdditionModelOption model;

    @Option(names = "--examples", defaultValue = "1000", paramLabel = "N",
            description = "How many sums to test. Default: ${DEFAULT-VALUE}.")
    private int examples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the test set; the same seed gives the same sums. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws Exception {
        if (examples < 1) {
            throw new ParameterException(spec.commandLine(), "--examples is " + examples + "; expected a whole number of at least 1");
        }
        try {
            Memory.require(String.format(Locale.ROOT, "--examples %,d", examples), Memory.times(examples, Dataset.BYTES_PER_EXAMPLE));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        AdditionModelOption.Loaded m = model.load();
        List<AdditionTask.Example> test = AdditionTask.sample(examples, new SplittableRandom(seed));
        Evaluation.Accuracy a = Evaluation.evaluate(m.model(), test, m.reversed());
        PrintWriter out = spec.commandLine().getOut();
        long right = Math.round(a.sequences() * a.examples());
        out.printf(Locale.ROOT, "%s: %d sums (seed %d)%s%n", model.file, a.examples(), seed,
                m.reversed() ? ", each read reversed as the model was trained" : "");
        out.printf(Locale.ROOT, "sequence accuracy:  %.4f  (%d of %d answers fully right)%n", a.sequences(), right, a.examples());
        out.printf(Locale.ROOT, "character accuracy: %.4f%n", a.characters());
        out.printf(Locale.ROOT, "loss:               %.4f  (cross-entropy per character)%n", a.loss());
        return 0;
    }
}
