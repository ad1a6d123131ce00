package io.gatescope.cli;

import io.gatescope.io.FileException;
import io.gatescope.io.TextLines;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope predict}: the model's answers to sums typed as text. */
@Command(name = "predict", header = "Print an addition model's answers to sums such as 67+60.",
        description = {"Ask an addition model for the sum of two numbers from 0 to 99, written as",
                "text (67+60). Prints the five characters the model answers (00127 when it is right)."},
        footer = {"", "Examples:",
                "  gatescope predict --model model.json --text 67+60",
                "  gatescope predict --model model.json --file questions.txt    # one sum per line"})
final class PredictCommand implements Callable<Integer> {
    /** A sum is at most five characters; a line of a thousand is not a sum, and a longer one is not read. */
    static final int MAX_LINE = 1_000;
    /** A million sums take a few seconds and some 100 MB; more is a mistake, not a question. */
    static final int MAX_LINES = 1_000_000;
    private static final String EXPECTED = "one sum such as 67+60 per line";

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Mixin
    private AdditionModelOption model;

    @Mixin
    private ClampOption clamp;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    /** Exactly one of --text and --file. */
    static final class Source {
        @Option(names = "--text", paramLabel = "A+B", description = "One sum, e.g. 67+60.")
        String text;

        @Option(names = "--file", paramLabel = "FILE",
                description = "A text file with one sum per line; prints one answer per line, in order.")
        Path file;
    }

    @Override
    public Integer call() throws Exception {
        List<AdditionTask.Example> sums = source.text != null ? List.of(Sums.parse(spec.commandLine(), "--text", source.text)) : readLines(source.file);
        AdditionModelOption.Loaded m = model.load();
        List<String> answers = Evaluation.predict(m.model(), sums.stream().filter(e -> e != null).map(m::input).toList(),
                clamp.forModel(spec.commandLine(), m.model()));
        PrintWriter out = spec.commandLine().getOut();
        int next = 0;
        for (AdditionTask.Example sum : sums) out.println(sum == null ? "" : answers.get(next++));
        return 0;
    }

    /**
     * The sums, one per line; a blank line stays blank (null) so answers line up with questions.
     * Every line is parsed before any answer is printed, so a bad line 40 leaves no half-written output.
     */
    private List<AdditionTask.Example> readLines(Path file) throws FileException {
        List<String> lines = TextLines.read(file, MAX_LINE, MAX_LINES, EXPECTED);
        if (lines.isEmpty()) throw new FileException(file, "is empty; expected " + EXPECTED);
        List<AdditionTask.Example> inputs = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                inputs.add(null);
                continue;
            }
            java.util.Optional<String> why = Sums.problem("line " + (i + 1), lines.get(i));
            if (why.isPresent()) throw new FileException(file, why.get());
            inputs.add(AdditionTask.parse(lines.get(i)).example().orElseThrow());
        }
        return inputs;
    }
}
