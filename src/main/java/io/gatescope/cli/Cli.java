package io.gatescope.cli;

import io.gatescope.io.FileException;
import io.gatescope.text.Quote;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Gatescope's headless command line. {@link #run} returns the exit code instead of exiting, so tests
 * drive it like a user: 0 on success; 2 for any bad input (a usage error, a bad option value, a file
 * that cannot be read, understood or written), reported as one line on stderr without a stack trace;
 * 3 for a training run that diverged ({@code TrainCommand.DIVERGED}); 4 for anything else (a bug, or
 * memory running out): one line pointing to a crash log that holds the stack trace ({@link CrashLog}).
 */
@Command(name = "gatescope",
        description = {"Watch RNN, LSTM and GRU cells compute, step by step.",
                "Without a command the application window opens; with one, it runs headless."},
        footer = {"", "Run 'gatescope COMMAND --help' for a command's options. File formats: docs/formats.md."})
public final class Cli implements Callable<Integer> {
    /** Exit code for bad input of any kind; picocli uses it for usage errors too. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a bug or exhausted memory; the stack trace is in a crash log, not on the screen. */
    public static final int INTERNAL_ERROR = 4;

    @Spec
    private CommandSpec spec;

    @CommandLine.Mixin
    private HelpOption help;

    /**
     * The subcommands, in the order {@code gatescope --help} lists them. Registering a command is one
     * line here (the trailing comma keeps it one line).
     */
    private static Object[] commands() {
        return new Object[] {
            new TraceCommand(),
            new SummaryCommand(),
            new PredictCommand(),
            new EvaluateCommand(),
            new TrainCommand(),
            new CompareCommand(),
            new GradientsCommand(),
            new ExportCommand(),
        };
    }

    /** Runs the command line with the process's stdout and stderr; returns the exit code. */
    public static int run(String[] args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(commands(), out, err, args);
    }

    /** Runs the command line with the given subcommands (tests add one that fails on purpose). */
    static int run(Object[] commands, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        for (Object command : commands) cl.addSubcommand(command);
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, args));
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable e) {   // an Error (out of memory, stack overflow) passes picocli's handler by
            String name = args.length > 0 && cl.getSubcommands().containsKey(args[0]) ? "gatescope " + args[0] : "gatescope";
            CrashLog.report(e, name, args, err);
            code = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given; expected one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }

    /** A usage error or a bad option value: one line, with where to look for the right usage. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        // picocli repeats the user's value as typed: escaped and shortened, it cannot split or flood the line.
        String message = Quote.text(oneLine(e.getMessage()).replaceFirst("^Error: ", ""), 300);
        cmd.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        return BAD_INPUT;
    }

    /** A file problem is bad input (exit 2, one line); anything else is a bug: one line and a crash log. */
    private static int failure(Exception e, CommandLine cmd, String[] args) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof FileException) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return BAD_INPUT;
        }
        CrashLog.report(e, name, args, cmd.getErr());
        return INTERNAL_ERROR;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
