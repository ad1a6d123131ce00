package io.gatescope.cli;

import io.gatescope.io.AppHome;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileException;
import io.gatescope.text.Quote;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the user sees of a bug: one line saying what went wrong and where the details are, never a
 * stack trace. The trace goes to {@code logs/crash-<time>-<pid>.log} in the Gatescope home folder
 * ({@link AppHome}), with the command line that caused it, so it can be attached to a report.
 */
final class CrashLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private CrashLog() {
    }

    /** Writes the log and prints the one line to {@code err}. */
    static void report(Throwable e, String command, String[] args, PrintWriter err) {
        String what = e instanceof OutOfMemoryError
                ? String.format(Locale.ROOT, "ran out of memory (Java may use %,d MB here; run with a larger -Xmx, or ask for less)",
                        Runtime.getRuntime().maxMemory() >> 20)
                : "internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + Quote.text(e.getMessage(), 120)) + ")";
        String where;
        try {
            where = "the details are in " + write(e, args) + "; please report it";
        } catch (IOException | RuntimeException logFailed) {
            where = "the details could not be saved (" + Quote.text(String.valueOf(logFailed.getMessage()), 120) + ")";
        }
        err.println(command + ": " + what + "; " + where);
        err.flush();
    }

    private static Path write(Throwable e, String[] args) throws IOException {
        Path dir = AppHome.folder().resolve("logs");
        Files.createDirectories(dir);
        Path log = dir.resolve("crash-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + ".log");
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println("gatescope " + String.join(" ", Arrays.stream(args).map(Quote::escape).toList()));
        w.println("java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + String.format(Locale.ROOT, ", max heap %,d MB", Runtime.getRuntime().maxMemory() >> 20));
        e.printStackTrace(w);
        w.flush();
        try {
            AtomicFiles.write(log, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (FileException f) {
            throw new IOException(f.getMessage(), f);
        }
        return log;
    }
}
