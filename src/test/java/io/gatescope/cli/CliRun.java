package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, as a user would see it: the exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Succeeded quietly on stderr. */
    CliRun ok() {
        assertThat(err).as("stderr").isEmpty();
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return this;
    }

    /** Bad input: exit 2, nothing on stdout, one line on stderr holding every fragment, no stack trace. */
    CliRun badInput(String... fragments) {
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(Fixtures.lines(err)).as("stderr lines").hasSize(1);
        assertThat(err).contains(fragments).doesNotContain("Exception", "\tat ", "at io.");
        assertThat(out).as("stdout").isEmpty();
        return this;
    }
}
