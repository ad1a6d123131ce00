package io.gatescope.cli;

import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope compare}: the seeds' dense vs SimpleRNN vs LSTM (vs GRU) comparison, one model file each. */
@Command(name = "compare", header = "Train the seeds' comparison (dense, SimpleRNN, LSTM, GRU) and print the table.",
        description = {"Trains each cell in turn on the same data (same seed) until it reaches its verdict: a",
                "recurrent cell stops once 96 % of the validation sums are right (unless --until-accuracy says",
                "otherwise), the dense baseline when its validation loss stops improving. The verdict is then taken",
                "on 1,000 test sums that no model trained or validated on: dense below 5 %, the others at 95 % or",
                "more. Writes one model file per cell into DIR (addition-CELL.json) and prints the final table beside",
                "the seeds' figures. The other training settings are the train command's, with the same defaults,",
                "per cell where the table has one (the LSTM and GRU start at 0.02, the SimpleRNN at 0.006, and",
                "all three decay by 0.8 per epoch)."},
        footer = {"", "Example:",
                "  gatescope compare --task addition --cells dense,rnn,lstm,gru --hidden 128 --out runs/"})
final class CompareCommand implements Callable<Integer> {
    /** The training settings this command offers: all but the cell, which --cells replaces. */
    static final List<TrainingSetting> SETTINGS = Arrays.stream(TrainingSetting.values())
            .filter(s -> s != TrainingSetting.CELL).toList();

    private CommandSpec spec;

    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        SettingOptions.addTo(spec, SETTINGS);
    }

    @Mixin
    private HelpOption help;

    @Option(names = "--task", defaultValue = "addition", paramLabel = "TASK", description = "The task; only 'addition' exists.")
    private String task;

    @Option(names = "--cells", split = ",", paramLabel = "CELL[,CELL...]",
            description = "The cells to compare, in order. Default: dense,rnn,lstm,gru (the seeds' three and the GRU).")
    private List<String> cells = Comparison.SEEDS_CELLS;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder for the model files; made if missing.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (!ModelFiles.ADDITION.equals(task.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--task is '" + task + "'; expected addition");
        }
        TrainingConfig base = SettingOptions.read(spec, SETTINGS, Map.of());
        Comparison comparison;
        try {
            comparison = new Comparison(base, cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cells: " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        prepare(files, comparison);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "comparing %s at hidden %d, seed %d, until %.0f%% full-answer accuracy%n",
                String.join(", ", comparison.cells().stream().map(Comparison::title).toList()), base.hidden(), base.seed(),
                100 * comparison.config("lstm").untilAccuracy());
        stdout.flush();
        long start = System.nanoTime();
        // Ctrl-C: stop the model in training, let this thread save what was trained, then let the JVM go.
        CountDownLatch saved = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            comparison.cancel();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gatescope-compare-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        List<Comparison.Result> results;
        try {
            results = comparison.run(t -> { }, (t, s) -> {
                stdout.println(String.format(Locale.ROOT, "%-9s ", Comparison.title(t.config().cell()))
                        + TrainCommand.progressLine(s, t.config()));
                stdout.flush();
            });
            for (int i = 0; i < results.size(); i++) save(files.get(i), results.get(i));
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is exiting; what was trained has been saved above.
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String line : table(results)) stdout.println(line);
        stdout.printf(Locale.ROOT, "%d models in %.1f s; wrote %s%n", results.size(), seconds,
                String.join(", ", files.subList(0, results.size()).stream().map(Path::toString).toList()));
        for (Comparison.Result r : results) {
            if (!r.last().note().isEmpty()) spec.commandLine().getErr().println("compare: " + r.cell() + ": " + r.last().note());
        }
        return 0;
    }

    /** Makes DIR and checks every file can be written before any training starts. */
    private void prepare(List<Path> files, Comparison comparison) throws FileException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new FileException(out, "is a file; expected a folder for the model files");
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new FileException(out, "cannot be made as a folder: " + e.getMessage());
        }
        for (String cell : comparison.cells()) {
            Path f = out.resolve("addition-" + cell + ".json");
            ModelFiles.checkWritable(f);
            files.add(f);
        }
    }

    private static void save(Path file, Comparison.Result r) throws FileException {
        Map<String, Object> notes = r.last().notes(r.trainer().config());
        notes.put("test_sequence_accuracy", r.test().sequences());
        ModelFiles.save(file, new ModelFile.Sequence(r.trainer().model(), ModelFile.Metadata.of(ModelFiles.ADDITION, notes)));
    }

    /** The final table: one row per model, the seeds' figure beside Gatescope's. */
    static List<String> table(List<Comparison.Result> results) {
        List<String> lines = new ArrayList<>();
        String format = "%-10s %6s %8s %10s %11s %9s  %s";
        lines.add(String.format(Locale.ROOT, format, "model", "epochs", "time", "val char", "test answer", "seeds", "verdict"));
        for (Comparison.Result r : results) {
            TrainingSnapshot s = r.last();
            lines.add(String.format(Locale.ROOT, format, Comparison.title(r.cell()), epochs(s),
                    String.format(Locale.ROOT, "%.1f s", s.elapsedSeconds()), percent(s.validationChars()),
                    percent(r.test().sequences()), r.seedsFigure().isPresent() ? percent(r.seedsFigure().getAsDouble()) : "—",
                    r.verdictText() + (s.state() == Trainer.State.RUNNING ? "" : " (" + TrainCommand.stateWord(s.state()) + ")")));
        }
        return lines;
    }

    /** Epochs trained: a whole number, or with two decimals when the run stopped at a check within an epoch (7.25). */
    static String epochs(TrainingSnapshot s) {
        double e = s.epochProgress();
        return e == Math.rint(e) ? Long.toString((long) e) : String.format(Locale.ROOT, "%.2f", e);
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f %%", 100 * v) : "—";
    }
}
