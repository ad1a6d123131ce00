package io.gatescope.ui.training;

import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: decides whether the window trains as fast as the command line. It alternates the two,
 * each in a fresh JVM, on the same settings and seed, for a number of rounds, the order flipping every
 * round so that a machine that speeds up or slows down favours neither, and prints each round, the
 * medians and a distribution-free confidence interval of the median ratio.
 *
 * <p>What it compares is the steady throughput: the examples trained from the end of epoch 1 to the end
 * of the run, over the trainer's own elapsed time between those two snapshots. The first epoch (the JIT
 * compiling the training step, in the window also the panel's drawing code) is left out on both sides,
 * since in a 2-epoch run it dominated the spread. Both sides read the same two snapshots: the window
 * prints their counters ({@code TrainingScreens throughput}); the command line prints each epoch's
 * examples per second, from which the elapsed time is {@code epochs × training examples / rate}
 * (four significant digits: a ratio error below 0.05 %). The whole run's figure is printed beside it.
 *
 * <p>Run from the project folder with a display (Xvfb will do), after {@code mvn -o -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * <pre>
 * DISPLAY=:91 java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.gatescope.ui.training.TrainingThroughput rounds=8 wait=10
 * </pre>
 * Arguments: {@code rounds=N} (8), {@code wait=S} (10: seconds the window settles before training),
 * {@code interleaved=S} (see below), then settings as {@code key=value} (the seeds' LSTM 128 for 10 epochs otherwise: about 45 s a side on
 * an idle machine). Every setting is given to both explicitly, and the window's run must report the same
 * settings. The runs must train every epoch (no target accuracy, patience or time limit that ends them early).
 *
 * <p>With {@code interleaved=S} it measures instead what drawing costs within one run, which the JVM-to-JVM
 * spread above (a fresh JVM's throughput varies by ±15 %, its JIT's choices and the machine's moods
 * included) cannot resolve: one window trains {@code epochs} epochs, showing the training panel and the
 * main view (which shows no training) in turn, S seconds each, in ABBA blocks of four spans (panel, main,
 * main, panel), so that a linear drift within a block cancels. Each block gives the ratio of the panel's
 * spans' examples per second to the main view's; the first block (epoch 1, the JIT compiling the
 * training step) is left out. The main view's spans train as the command line does, with the window
 * idle; the panel's carry everything the panel costs while it is watched, its JIT warm-up included.
 */
public final class TrainingThroughput {
    private static final Pattern CLI_EXAMPLES = Pattern.compile("training .* on ([\\d,]+) examples");
    private static final Pattern CLI_EPOCH = Pattern.compile("epoch +(\\d+)/\\d+ .* ([\\d,]+) ex/s +[\\d.]+ s(.*)");
    private static final Pattern WINDOW_EPOCH = Pattern.compile("window epoch (\\d+): (\\d+) examples, ([\\d.]+) s");
    private static final Pattern WINDOW_SPAN = Pattern.compile("window span (\\d+) (panel|main): (\\d+) examples, ([\\d.]+) s; cpu ms (.*)");

    /** One side's run: the trainer's examples and elapsed seconds at the end of epoch 1 and at the end. */
    record Run(long firstExamples, double firstSeconds, long examples, double seconds) {
        /** Examples per second from the end of epoch 1 to the end of the run. */
        double steady() { return (examples - firstExamples) / (seconds - firstSeconds); }

        /** Examples per second over the whole run, the first epoch included. */
        double whole() { return examples / seconds; }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 8;
        String wait = "10";   // seconds the window settles before its run: its own start (first trace, JIT) is not training
        String interleaved = null;
        TrainingConfig config = TrainingConfig.defaults("lstm", 128).withEpochs(10);
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv[0].equals("rounds")) rounds = Integer.parseInt(kv[1]);
            else if (kv[0].equals("wait")) wait = kv[1];
            else if (kv[0].equals("interleaved")) interleaved = kv[1];
            else config = config.with(TrainingSetting.byKey(kv[0]), TrainingSetting.byKey(kv[0]).parse(kv[1]));
        }
        if (config.epochs() < 2) throw new IllegalArgumentException("the steady span starts after epoch 1: give at least 2 epochs");
        System.out.println("settings: " + config.notes());
        if (interleaved != null) {
            interleaved(config, wait, interleaved);
            return;
        }
        Path dir = Files.createTempDirectory("gatescope-throughput");
        List<double[]> results = new ArrayList<>();   // {cli, window} steady examples per second
        for (int r = 0; r < rounds; r++) {
            boolean cliFirst = r % 2 == 0;
            Run cli = null, window = null;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == cliFirst) cli = cli(config, dir);
                else window = window(config, wait);
            }
            results.add(new double[] {cli.steady(), window.steady()});
            System.out.printf(Locale.ROOT, "round %d (%s first): after epoch 1: command line %,.0f ex/s, window %,.0f ex/s,"
                            + " ratio %.3f (whole runs: %,.0f and %,.0f ex/s, ratio %.3f)%n", r + 1, cliFirst ? "command line" : "window",
                    cli.steady(), window.steady(), window.steady() / cli.steady(), cli.whole(), window.whole(), window.whole() / cli.whole());
        }
        double[] c = results.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] w = results.stream().mapToDouble(x -> x[1]).sorted().toArray();
        double[] ratio = results.stream().mapToDouble(x -> x[1] / x[0]).sorted().toArray();
        int lo = lowerRank(ratio.length);
        System.out.printf(Locale.ROOT, "median after epoch 1: command line %,.0f ex/s, window %,.0f ex/s; window / command line per round:"
                        + " median %.3f, range %.3f–%.3f%n", median(c), median(w), median(ratio), ratio[0], ratio[ratio.length - 1]);
        if (lo >= 0) {
            double low = ratio[lo], high = ratio[ratio.length - 1 - lo];
            System.out.printf(Locale.ROOT, "the median ratio lies in %.3f–%.3f (%.0f %% confidence, order statistics); %s%n", low, high,
                    100 * coverage(ratio.length, lo), low >= 0.9 && high <= 1.1 ? "within 10 %: met"
                            : low >= 0.9 ? "the window is not slower by 10 % or more: met" : "not shown within 10 %");
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }

    private static Run cli(TrainingConfig config, Path dir) throws IOException, InterruptedException {
        List<String> cmd = java("io.gatescope.Launcher");
        cmd.add("train");
        for (Map.Entry<TrainingSetting, Object> e : config.values().entrySet()) {
            cmd.add(e.getKey().option());
            cmd.add(String.valueOf(e.getValue()));
        }
        cmd.addAll(List.of("--out", dir.resolve("model.json").toString()));
        String out = run(cmd);
        Matcher n = CLI_EXAMPLES.matcher(out);
        if (!n.find()) throw new IllegalStateException("the command line did not say how many examples it trains on:\n" + out);
        long examples = Long.parseLong(n.group(1).replace(",", ""));
        long firstExamples = 0, lastExamples = 0;
        double firstSeconds = 0, lastSeconds = 0;
        String lastState = null;
        Matcher m = CLI_EPOCH.matcher(out);
        while (m.find()) {
            int epoch = Integer.parseInt(m.group(1));
            long seen = epoch * examples;   // every epoch trains every example once
            double seconds = seen / Double.parseDouble(m.group(2).replace(",", ""));
            if (epoch == 1) {
                firstExamples = seen;
                firstSeconds = seconds;
            }
            lastExamples = seen;
            lastSeconds = seconds;
            lastState = m.group(3).trim();
        }
        if (firstExamples == 0 || lastExamples != config.epochs() * examples || !"done".equals(lastState)) {
            throw new IllegalStateException("the command line did not train all " + config.epochs() + " epochs:\n" + out);
        }
        return new Run(firstExamples, firstSeconds, lastExamples, lastSeconds);
    }

    private static Run window(TrainingConfig config, String wait) throws IOException, InterruptedException {
        List<String> cmd = java(TrainingScreens.class.getName());
        cmd.addAll(List.of("1600", "1000", "1", "run", "throughput", "wait=" + wait));
        for (Map.Entry<String, Object> e : config.notes().entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        String out = run(cmd);
        if (!out.contains("window run: settings " + config.notes())) {
            throw new IllegalStateException("the window trained with other settings than " + config.notes() + ":\n" + out);
        }
        long firstExamples = 0, lastExamples = 0;
        double firstSeconds = 0, lastSeconds = 0;
        int lastEpoch = 0;
        Matcher m = WINDOW_EPOCH.matcher(out);
        while (m.find()) {
            lastEpoch = Integer.parseInt(m.group(1));
            lastExamples = Long.parseLong(m.group(2));
            lastSeconds = Double.parseDouble(m.group(3));
            if (lastEpoch == 1 && firstExamples == 0) {
                firstExamples = lastExamples;
                firstSeconds = lastSeconds;
            }
        }
        if (firstExamples == 0 || lastEpoch != config.epochs()) {
            throw new IllegalStateException("the window did not report all " + config.epochs() + " epochs:\n" + out);
        }
        return new Run(firstExamples, firstSeconds, lastExamples, lastSeconds);
    }

    /** One window run alternating the panel and the main view every {@code span} seconds; prints each ABBA block's ratio. */
    private static void interleaved(TrainingConfig config, String wait, String span) throws IOException, InterruptedException {
        List<String> cmd = java(TrainingScreens.class.getName());
        cmd.addAll(List.of("1600", "1000", "1", "run", "throughput", "wait=" + wait, "alternate=" + span));
        for (Map.Entry<String, Object> e : config.notes().entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        String out = run(cmd);
        List<double[]> spans = new ArrayList<>();   // {panel shown ? 1 : 0, examples, seconds, then CPU ms by ThreadTimes.KINDS}
        long examples = 0;
        double seconds = 0;
        double[] cpu = null;
        Matcher m = WINDOW_SPAN.matcher(out);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != spans.size()) throw new IllegalStateException("a span is missing:\n" + out);
            long e = Long.parseLong(m.group(3));
            double s = Double.parseDouble(m.group(4));
            double[] now = Arrays.stream(m.group(5).split(" ")).mapToDouble(kv -> Double.parseDouble(kv.split("=")[1])).toArray();
            double[] one = new double[3 + now.length];
            one[0] = m.group(2).equals("panel") ? 1 : 0;
            one[1] = e - examples;
            one[2] = s - seconds;
            for (int k = 0; k < now.length; k++) one[3 + k] = now[k] - (cpu == null ? 0 : cpu[k]);
            spans.add(one);
            examples = e;
            seconds = s;
            cpu = now;
        }
        List<Double> ratios = new ArrayList<>();
        double[] sums = new double[4];   // panel examples, panel seconds, main examples, main seconds (blocks after the first)
        for (int b = 1; 4 * b + 4 <= spans.size(); b++) {
            double[] block = new double[4];
            for (double[] s : spans.subList(4 * b, 4 * b + 4)) {
                int at = s[0] == 1 ? 0 : 2;
                block[at] += s[1];
                block[at + 1] += s[2];
            }
            for (int i = 0; i < 4; i++) sums[i] += block[i];
            double panel = block[0] / block[1], main = block[2] / block[3];
            ratios.add(panel / main);
            System.out.printf(Locale.ROOT, "block %d (%.0f–%.0f s of training): panel %,.0f ex/s, main view %,.0f ex/s, ratio %.3f%n",
                    b, spans.subList(0, 4 * b).stream().mapToDouble(s -> s[2]).sum(),
                    spans.subList(0, 4 * b + 4).stream().mapToDouble(s -> s[2]).sum(), panel, main, panel / main);
        }
        if (ratios.isEmpty()) throw new IllegalStateException("the run was too short for one block after the first:\n" + out);
        for (int state = 1; state >= 0; state--) {   // who used the CPU, per second of training, after the first block
            double[] ms = new double[ThreadTimes.KINDS.length];
            double secs = 0;
            for (double[] s : spans.subList(4, spans.size())) {
                if (s[0] != state) continue;
                secs += s[2];
                for (int k = 0; k < ms.length; k++) ms[k] += s[3 + k];
            }
            StringBuilder line = new StringBuilder(state == 1 ? "panel shown:" : "main view:  ");
            for (int k = 0; k < ms.length; k++) line.append(String.format(Locale.ROOT, " %s %.0f", ThreadTimes.KINDS[k], ms[k] / secs));
            System.out.println(line.append(" (CPU ms per second of training; trainwait: training threads ready but without a core)"));
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d blocks: panel / main view median %.3f, range %.3f–%.3f; all blocks together: panel %,.0f ex/s,"
                + " main view %,.0f ex/s, ratio %.3f%n", r.length, median(r), r[0], r[r.length - 1], sums[0] / sums[1],
                sums[2] / sums[3], (sums[0] / sums[1]) / (sums[2] / sums[3]));
        int lo = lowerRank(r.length);
        if (lo >= 0) {
            System.out.printf(Locale.ROOT, "the median ratio lies in %.3f–%.3f (%.0f %% confidence, order statistics)%n",
                    r[lo], r[r.length - 1 - lo], 100 * coverage(r.length, lo));
        }
    }

    private static List<String> java(String main) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ArrayList<>(Arrays.asList(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), main));
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The largest k with k+1-th smallest and largest enclosing the median at 90 % or more; -1 when none does. */
    private static int lowerRank(int n) {
        int k = -1;
        while (k + 1 < n / 2 && coverage(n, k + 1) >= 0.9) k++;
        return k;
    }

    /** The probability that the (k+1)-th smallest and largest of n enclose the median: 1 − 2·P(Bin(n, ½) ≤ k). */
    private static double coverage(int n, int k) {
        double tail = 0, c = 1;
        for (int i = 0; i <= k; i++) {
            tail += c;
            c = c * (n - i) / (i + 1);
        }
        return 1 - 2 * tail / Math.pow(2, n);
    }
}
