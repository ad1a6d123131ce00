package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** A bug reaches the user as one line and exit 3; its stack trace goes to a crash log in the home folder. */
class CrashTest {
    @TempDir
    Path home;
    private String before;

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug\nwith two lines");
        }
    }

    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @BeforeEach
    void pointHomeHere() {
        before = System.getProperty("gatescope.home");
        System.setProperty("gatescope.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (before == null) System.clearProperty("gatescope.home"); else System.setProperty("gatescope.home", before);
    }

    @Test
    void anUnexpectedExceptionIsOneLinePointingToTheLogThatHoldsTheTrace() throws Exception {
        CliRun r = run("boom");
        assertThat(r.code()).isEqualTo(Cli.INTERNAL_ERROR);
        assertThat(Fixtures.lines(r.err())).hasSize(1);
        assertThat(r.err()).startsWith("gatescope boom: internal error (IllegalStateException: a bug\\nwith two lines); the details are in ")
                .endsWith("; please report it\n").doesNotContain("\tat ", "java.lang.");
        Path log = logOf(r.err());
        assertThat(log.getParent()).isEqualTo(home.resolve("logs"));
        assertThat(Files.readString(log)).startsWith("gatescope boom\n")
                .contains("java.lang.IllegalStateException: a bug", "\tat io.gatescope.cli.CrashTest$Boom.call");
    }

    @Test
    void runningOutOfMemorySaysSoWithTheHeapJavaMayUse() throws Exception {
        CliRun r = run("hungry");
        assertThat(r.code()).isEqualTo(Cli.INTERNAL_ERROR);
        assertThat(Fixtures.lines(r.err())).hasSize(1);
        assertThat(r.err()).startsWith("gatescope hungry: ran out of memory (Java may use ")
                .contains(" MB here; run with a larger -Xmx, or ask for less)");
        assertThat(Files.readString(logOf(r.err()))).contains("java.lang.OutOfMemoryError: Java heap space");
    }

    private static Path logOf(String err) {
        Matcher m = Pattern.compile("the details are in (\\S+\\.log);").matcher(err);
        assertThat(m.find()).as("a log named in %s", err).isTrue();
        return Path.of(m.group(1));
    }

    private static CliRun run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(new Object[] {new Boom(), new Hungry()}, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
