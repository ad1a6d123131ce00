package io.gatescope.cli;

import io.gatescope.engine.SequenceModel;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.io.OutputLock;
import io.gatescope.train.Startup;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingEstimate;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatescope train}: learn the addition task from a seed, with a progress line per epoch. */
@Command(name = "train", header = "Train an addition model (67+60 -> 00127) and save it.",
        description = {"Train the seeds' encoder -> repeat -> decoder -> dense model (or the dense baseline)",
                "on sums a+b with a and b from 0 to 99. Prints one line per epoch: training loss,",
                "validation accuracy per character and per full answer, examples per second, elapsed time.",
                "The model is written atomically after every epoch (a checkpoint) and when training ends,",
                "also when interrupted with Ctrl-C. The same seed and settings give the same weights."},
        footer = {"", "Examples:",
                "  gatescope train --task addition --cell lstm --hidden 32 --until-accuracy 0.99 --out lstm32.json",
                "  gatescope train --cell rnn --hidden 128 --lr 0.003 --clip 1 --lr-decay 0.97 --out rnn.json"})
final class TrainCommand implements Callable<Integer> {
    /** Exit code of a run that diverged: the last good weights were saved, but the model is not trained. */
    static final int DIVERGED = 3;

    /** Every setting of the table is an option of this command. */
    static final List<TrainingSetting> SETTINGS = List.of(TrainingSetting.values());

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

    @Option(names = "--out", required = true, paramLabel = "M.json", description = "Where to write the trained model.")
    private Path out;

    private FileException saveError;

    @Override
    public Integer call() throws Exception {
        if (!ModelFiles.ADDITION.equals(task.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--task is '" + task + "'; expected addition");
        }
        TrainingConfig config = SettingOptions.read(spec, SETTINGS, Map.of());
        AtomicFiles.check(out);
        PrintWriter stdout = spec.commandLine().getOut();
        Trainer trainer;
        try {
            TrainingEstimate.check(config);
            trainer = start(config, stdout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (Startup.Stopped e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + "; nothing was written");
        }
        OutputLock claim = AtomicFiles.lock(out);   // a second train to the same --out is refused, not silently overwritten

        // Ctrl-C: stop at the next batch, let this thread save the model, and only then let the JVM go.
        CountDownLatch saved = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            trainer.cancel();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gatescope-train-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        // Said once Ctrl-C is covered: from here on it saves what was trained.
        stdout.printf(Locale.ROOT, "training %s on %,d examples, validated on %,d sums it never trains on, seed %d%n",
                describe(config), trainer.data().train().size(), trainer.data().validation().size(), config.seed());
        stdout.flush();
        try {
            TrainingSnapshot last = trainer.run(s -> {
                if (s.examplesSeen() > 0) stdout.println(progressLine(s, config));   // a Ctrl-C before the first batch trained nothing
                stdout.flush();
                save(trainer, s);
            });
            if (saveError != null) throw saveError;
            if (!last.note().isEmpty()) spec.commandLine().getErr().println("train: " + last.note());
            stdout.println(summaryLine(last));
            return last.state() == Trainer.State.DIVERGED ? DIVERGED : 0;
        } finally {
            saved.countDown();
            claim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting because of Ctrl-C; the model was saved above.
            }
        }
    }

    /**
     * Builds the trainer on a thread of its own while this one watches: a step of the startup that
     * lasts over a second is shown (and again every 5 s), and the time limit stops the startup too.
     */
    private static Trainer start(TrainingConfig config, PrintWriter stdout) throws Exception {
        Startup startup = new Startup(config.timeLimitSeconds());
        CompletableFuture<Trainer> built = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                built.complete(new Trainer(config, startup));
            } catch (Throwable e) {
                built.completeExceptionally(e);
            }
        }, "gatescope-train-startup");
        builder.setDaemon(true);
        builder.start();
        String shown = "";
        double shownAt = 0;
        while (true) {
            try {
                return built.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillBuilding) {
                try {
                    startup.check();
                } catch (Startup.Stopped e) {
                    startup.cancel();         // the builder stops at its next step; nothing waits for it
                    throw e;
                }
                String phase = startup.phase();
                double seconds = startup.phaseSeconds();
                if (seconds >= 1 && (!phase.equals(shown) || seconds - shownAt >= 5)) {
                    stdout.printf(Locale.ROOT, "%s … %.0f s%n", phase, seconds);
                    stdout.flush();
                    shown = phase;
                    shownAt = seconds;
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) throw cause;
                if (e.getCause() instanceof Error error) throw error;
                throw e;
            }
        }
    }

    /** Checkpoints after every epoch; a failed write stops training and is reported as bad output. */
    private void save(Trainer trainer, TrainingSnapshot s) {
        if (saveError != null) return;
        try {
            ModelFiles.save(out, new ModelFile.Sequence(trainer.model(), ModelFile.Metadata.of(ModelFiles.ADDITION, s.notes(trainer.config()))));
        } catch (FileException e) {
            saveError = e;
            trainer.cancel();
        }
    }

    static String progressLine(TrainingSnapshot s, TrainingConfig c) {
        return String.format(Locale.ROOT, "epoch %3d/%d  loss %s  val char %s  seq %s  %,8.0f ex/s  %7.1f s%s",
                s.epoch(), c.epochs(), lossText(s.trainLoss()), percent(s.validationChars()), percent(s.validationSequences()),
                s.examplesPerSecond(), s.elapsedSeconds(), s.state() == Trainer.State.RUNNING ? "" : "  " + stateWord(s.state()));
    }

    /** An accuracy; a run stopped before its first validation has none, which is not "NaN%". */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "      –" : String.format(Locale.ROOT, "%6.2f%%", 100 * fraction);
    }

    /** Four decimals for a sane loss, four digits with an exponent for one that exploded. */
    private static String lossText(double loss) {
        return String.format(Locale.ROOT, Math.abs(loss) < 1e4 ? "%.4f" : "%.4g", loss);
    }

    private String summaryLine(TrainingSnapshot s) {
        // Stopped before the first validation (an early Ctrl-C): how far it got, not "after 1 epoch" and "NaN%".
        boolean validated = !Double.isNaN(s.validationSequences()), trained = s.examplesSeen() > 0;
        String when = validated ? String.format(Locale.ROOT, "after %d epoch%s", s.epoch(), s.epoch() == 1 ? "" : "s")
                : trained ? String.format(Locale.ROOT, "in epoch %d at batch %,d of %,d", s.epoch(), s.batch(), s.batchesPerEpoch())
                : "before its first batch";
        String accuracy = validated ? String.format(Locale.ROOT, "full-answer accuracy %.2f%% on validation", 100 * s.validationSequences())
                : trained ? "not validated yet" : "nothing trained";
        return String.format(Locale.ROOT, "%s %s, %.1f s: %s; wrote %s", stateWord(s.state()), when, s.elapsedSeconds(), accuracy, out);
    }

    static String stateWord(Trainer.State state) {
        return switch (state) {
            case DIVERGED -> "diverged";
            case PLATEAU -> "stopped improving";
            case TARGET_REACHED -> "target accuracy reached";
            case TIME_LIMIT -> "time limit reached";
            case CANCELLED -> "interrupted";
            case COMPLETED -> "done";
            case RUNNING, PAUSED -> state.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String describe(TrainingConfig c) {
        return c.isDense() ? "the dense baseline (50, 100, 11)"
                : (c.cellKind().title().startsWith("G") ? "a " : "an ") + c.cellKind().title() + " encoder-decoder, hidden " + c.hidden() + ", batch " + c.batch()
                + ", " + c.optimizer() + " lr " + c.learningRate();
    }
}
