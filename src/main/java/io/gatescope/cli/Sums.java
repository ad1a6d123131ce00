package io.gatescope.cli;

import io.gatescope.task.AdditionTask;
import java.util.Optional;

/**
 * A sum the user gave (an option's value or a line of a file), parsed, its problem named after where
 * it came from. The parser's message repeats what was typed escaped and, when too long to be a sum,
 * cut (as the window shows it too), so it stays one line with the reason in sight.
 */
final class Sums {
    private Sums() {
    }

    /**
     * Why {@code text} is not a sum, naming it {@code where} ("--text", "line 4"), or empty for a sum.
     * One line, whatever was typed: "--text: '99999999999999999999… (100,000 characters)' has 100,000
     * characters, at most 5 fit: type two numbers from 0 to 99 joined by one '+', e.g. 67+60."
     */
    static Optional<String> problem(String where, String text) {
        AdditionTask.Parsed p = AdditionTask.parse(text);
        return p.ok() ? Optional.empty() : Optional.of(where + ": " + p.error());
    }

    /** The sum in {@code text}; a bad one is refused naming {@code option}. */
    static AdditionTask.Example parse(picocli.CommandLine cmd, String option, String text) {
        problem(option, text).ifPresent(why -> {
            throw new picocli.CommandLine.ParameterException(cmd, why);
        });
        return AdditionTask.parse(text).example().orElseThrow();
    }
}
