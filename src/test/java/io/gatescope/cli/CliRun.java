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

    /**
     * The same in a fresh JVM, as {@code bin/gatescope} runs it (without the JVM's own incubator notice,
     * which the launcher drops too): for what depends on a cold start, such as a time limit shorter than
     * generating the data in an interpreted JVM but longer than in this test JVM once compiled.
     */
    static CliRun inFreshJvm(String... args) throws java.io.IOException, InterruptedException {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("gatescope-cli", ".out"), err = java.nio.file.Files.createTempFile("gatescope-cli", ".err");
        try {
            Process p = freshJvm(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            String errText = java.nio.file.Files.readString(err).replaceAll("(?m)^WARNING: Using incubator modules: jdk\\.incubator\\.vector\\R", "");
            return new CliRun(code, java.nio.file.Files.readString(out), errText);
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /** The command line {@code args} in a new JVM with this one's Java and class path. */
    static ProcessBuilder freshJvm(String... args) {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                io.gatescope.Launcher.class.getName()));
        cmd.addAll(java.util.List.of(args));
        return new ProcessBuilder(cmd);
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
