package io.gatescope.cli;

import io.gatescope.io.Quote;
import io.gatescope.task.AdditionTask;
import java.util.Locale;
import java.util.Optional;

/**
 * A sum the user gave (an option's value or a line of a file), parsed. The parser's messages repeat
 * what was typed; here that is escaped (a line break or an escape code cannot split the line or reach
 * the terminal) and a text too long to be a sum is not repeated in full, so the reason stays in sight.
 */
final class Sums {
    private Sums() {
    }

    /**
     * Why {@code text} is not a sum, naming it {@code where} ("--text", "line 4"), or empty for a sum.
     * One line, whatever was typed: "--text has 100,000 characters ("99999999999999999999… (100,000
     * characters)"); expected one sum such as 67+60, at most 5 characters".
     */
    static Optional<String> problem(String where, String text) {
        String s = text.strip();
        if (s.length() > Quote.MAX) {
            return Optional.of(String.format(Locale.ROOT, "%s has %,d characters (\"%s\"); expected one sum such as 67+60, at most %d characters",
                    where, s.length(), Quote.text(s, 20), AdditionTask.STEPS));
        }
        AdditionTask.Parsed p = AdditionTask.parse(s);
        return p.ok() ? Optional.empty() : Optional.of(where + ": " + Quote.escape(p.error()));
    }

    /** The sum in {@code text}; a bad one is refused naming {@code option}. */
    static AdditionTask.Example parse(picocli.CommandLine cmd, String option, String text) {
        problem(option, text).ifPresent(why -> {
            throw new picocli.CommandLine.ParameterException(cmd, why);
        });
        return AdditionTask.parse(text).example().orElseThrow();
    }
}
