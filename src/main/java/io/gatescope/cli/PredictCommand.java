package io.gatescope.cli;

import io.gatescope.engine.SequenceModel;
import io.gatescope.io.FileException;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        List<String> inputs = source.text != null ? List.of(parse(source.text, "--text")) : readLines(source.file);
        SequenceModel m = model.load();
        List<String> answers = Evaluation.predict(m, inputs.stream().filter(s -> !s.isEmpty()).toList(),
                clamp.forModel(spec.commandLine(), m));
        PrintWriter out = spec.commandLine().getOut();
        int next = 0;
        for (String input : inputs) out.println(input.isEmpty() ? "" : answers.get(next++));
        return 0;
    }

    /**
     * The padded inputs, one per line; a blank line stays blank ("") so answers line up with questions.
     * Every line is parsed before any answer is printed, so a bad line 40 leaves no half-written output.
     */
    private List<String> readLines(Path file) throws FileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FileException(file, "no such file");
        } catch (MalformedInputException e) {
            throw new FileException(file, "is not UTF-8 text; expected one sum such as 67+60 per line");
        } catch (IOException e) {
            throw new FileException(file, "cannot read it (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) throw new FileException(file, "is empty; expected one sum such as 67+60 per line");
        List<String> inputs = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                inputs.add("");
                continue;
            }
            AdditionTask.Parsed p = AdditionTask.parse(lines.get(i));
            if (!p.ok()) throw new FileException(file, "line " + (i + 1) + ": " + p.error());
            inputs.add(p.example().orElseThrow().input());
        }
        return inputs;
    }

    private String parse(String text, String option) {
        AdditionTask.Parsed p = AdditionTask.parse(text);
        if (!p.ok()) throw new ParameterException(spec.commandLine(), option + ": " + p.error());
        return p.example().orElseThrow().input();
    }
}
