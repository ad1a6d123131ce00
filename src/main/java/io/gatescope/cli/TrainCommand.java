package io.gatescope.cli;

import io.gatescope.engine.SequenceModel;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--task", defaultValue = "addition", paramLabel = "TASK", description = "The task; only 'addition' exists.")
    private String task;

    @Option(names = "--cell", defaultValue = "lstm", paramLabel = "CELL",
            description = "lstm, gru, rnn (SimpleRNN, tanh), rnn_relu, gru_simple or dense (the baseline). Default: ${DEFAULT-VALUE}.")
    private String cell;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden units per layer. Default: ${DEFAULT-VALUE}.")
    private int hidden;

    @Option(names = "--batch", defaultValue = "128", paramLabel = "B", description = "Examples per batch. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    private double lr;

    @Option(names = "--lr-decay", defaultValue = "1", paramLabel = "F",
            description = "Multiply the learning rate by F after every epoch (0 < F <= 1). Default: ${DEFAULT-VALUE}.")
    private double lrDecay;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME", description = "adam or sgd. Default: ${DEFAULT-VALUE}.")
    private String optimizer;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "M", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    private double momentum;

    @Option(names = "--epochs", defaultValue = "100", paramLabel = "N", description = "At most N passes over the data. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the data and the initial weights. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--clip", defaultValue = "0", paramLabel = "X",
            description = "Clip the gradients' global norm to X; 0 turns clipping off. Default: ${DEFAULT-VALUE}.")
    private double clip;

    @Option(names = "--until-accuracy", defaultValue = "0", paramLabel = "A",
            description = "Stop once the validation full-answer accuracy reaches A (e.g. 0.99); 0 never stops early.")
    private double untilAccuracy;

    @Option(names = "--time-limit", defaultValue = "0", paramLabel = "SECONDS", description = "Stop after this much time; 0 means no limit.")
    private double timeLimit;

    @Option(names = "--examples", defaultValue = "20000", paramLabel = "N",
            description = "Size of the generated data set, validation included. Default: ${DEFAULT-VALUE}.")
    private int examples;

    @Option(names = "--validation", defaultValue = "0.2", paramLabel = "F",
            description = "Fraction of the data held out for validation. Default: ${DEFAULT-VALUE}.")
    private double validation;

    @Option(names = "--threads", paramLabel = "N", description = "1 or 2 worker threads (same result either way). Default: the cores, at most 2.")
    private Integer threads;

    @Option(names = "--out", required = true, paramLabel = "M.json", description = "Where to write the trained model.")
    private Path out;

    private FileException saveError;

    @Override
    public Integer call() throws Exception {
        if (!ModelFiles.ADDITION.equals(task.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--task is '" + task + "'; expected addition");
        }
        TrainingConfig config;
        try {
            config = new TrainingConfig(cell, hidden, batch, lr, epochs, seed, clip, untilAccuracy, timeLimit, optimizer,
                    momentum, examples, validation, threads != null ? threads : TrainingConfig.defaults("lstm", 1).threads(), lrDecay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ModelFiles.checkWritable(out);
        Trainer trainer = new Trainer(config);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "training %s on %,d examples (%,d for validation), seed %d%n", describe(config),
                trainer.data().train().size() + trainer.data().validation().size(), trainer.data().validation().size(), seed);
        stdout.flush();

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
        try {
            TrainingSnapshot last = trainer.run(s -> {
                stdout.println(progressLine(s, config));
                stdout.flush();
                save(trainer, s);
            });
            if (saveError != null) throw saveError;
            stdout.println(summaryLine(last));
            return 0;
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting because of Ctrl-C; the model was saved above.
            }
        }
    }

    /** Checkpoints after every epoch; a failed write stops training and is reported as bad output. */
    private void save(Trainer trainer, TrainingSnapshot s) {
        if (saveError != null) return;
        try {
            ModelFiles.save(out, new ModelFile.Sequence(trainer.model(), ModelFile.Metadata.of(ModelFiles.ADDITION, notes(trainer.config(), s))));
        } catch (FileException e) {
            saveError = e;
            trainer.cancel();
        }
    }

    /** The settings and results that produced the weights, so a model file says how to reproduce it. */
    static Map<String, Object> notes(TrainingConfig c, TrainingSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.cell());
        m.put("hidden", c.hidden());
        m.put("batch", c.batch());
        m.put("learning_rate", c.learningRate());
        m.put("lr_decay", c.lrDecay());
        m.put("optimizer", c.optimizer());
        m.put("clip", c.clipNorm());
        m.put("seed", c.seed());
        m.put("examples", c.datasetSize());
        m.put("validation_fraction", c.validationFraction());
        m.put("epochs", s.epoch());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("validation_char_accuracy", finite(s.validationChars()));
        m.put("validation_sequence_accuracy", finite(s.validationSequences()));
        m.put("train_loss", finite(s.trainLoss()));
        m.put("elapsed_seconds", s.elapsedSeconds());
        m.put("examples_per_second", s.examplesPerSecond());
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : "n/a";
    }

    static String progressLine(TrainingSnapshot s, TrainingConfig c) {
        return String.format(Locale.ROOT, "epoch %3d/%d  loss %.4f  val char %6.2f%%  seq %6.2f%%  %,8.0f ex/s  %7.1f s%s",
                s.epoch(), c.epochs(), s.trainLoss(), 100 * s.validationChars(), 100 * s.validationSequences(),
                s.examplesPerSecond(), s.elapsedSeconds(), s.state() == Trainer.State.RUNNING ? "" : "  " + stateWord(s.state()));
    }

    private String summaryLine(TrainingSnapshot s) {
        return String.format(Locale.ROOT, "%s after %d epochs, %.1f s: full-answer accuracy %.2f%% on validation; wrote %s",
                stateWord(s.state()), s.epoch(), s.elapsedSeconds(), 100 * s.validationSequences(), out);
    }

    private static String stateWord(Trainer.State state) {
        return switch (state) {
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
