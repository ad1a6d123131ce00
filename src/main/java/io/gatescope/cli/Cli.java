package io.gatescope.cli;

import io.gatescope.io.FileException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Gatescope's headless command line. {@link #run} returns the exit code instead of exiting, so tests
 * drive it like a user: 0 on success, 2 for any bad input (a usage error, a bad option value, a file
 * that cannot be read, understood or written), each reported as one line on stderr without a stack
 * trace. Anything else is a bug: exit 1 with the stack trace, so it can be reported.
 */
@Command(name = "gatescope",
        description = {"Watch RNN, LSTM and GRU cells compute, step by step.",
                "Without a command the application window opens; with one, it runs headless."},
        footer = {"", "Run 'gatescope COMMAND --help' for a command's options. File formats: docs/formats.md."})
public final class Cli implements Callable<Integer> {
    /** Exit code for bad input of any kind; picocli uses it for usage errors too. */
    public static final int BAD_INPUT = 2;

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
        CommandLine cl = new CommandLine(new Cli());
        for (Object command : commands()) cl.addSubcommand(command);
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler(Cli::failure);
        int code = cl.execute(args);
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
        String message = oneLine(e.getMessage()).replaceFirst("^Error: ", "");
        cmd.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        return BAD_INPUT;
    }

    /** A file problem is bad input (exit 2, one line); anything else is a bug and keeps its stack trace. */
    private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof FileException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        throw e;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
