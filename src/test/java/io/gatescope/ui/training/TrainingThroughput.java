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
 * each in a fresh JVM (the same JIT warm-up), on the same settings and seed, for a number of rounds,
 * the order flipping every round so that a machine that speeds up or slows down favours neither, and
 * prints each round, the medians and a distribution-free confidence interval of the median ratio.
 *
 * <p>Run from the project folder with a display (Xvfb will do), after {@code mvn -o -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * <pre>
 * DISPLAY=:91 java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.gatescope.ui.training.TrainingThroughput rounds=8 epochs=2 wait=10
 * </pre>
 * Arguments: {@code rounds=N} (8), {@code wait=S} (10: seconds the window settles before training),
 * then settings as {@code key=value} (the seeds' LSTM 128 otherwise).
 * Every setting is given to both explicitly, and the window's run must report the same settings.
 */
public final class TrainingThroughput {
    private static final Pattern CLI = Pattern.compile("([\\d,]+) ex/s");
    private static final Pattern WINDOW = Pattern.compile("window run: \\d+ epochs, [\\d.]+ s training, (\\d+) examples/s");

    public static void main(String[] args) throws Exception {
        int rounds = 8;
        String wait = "10";   // seconds the window settles before its run: its own start (first trace, JIT) is not training
        TrainingConfig config = TrainingConfig.defaults("lstm", 128).withEpochs(2);
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv[0].equals("rounds")) rounds = Integer.parseInt(kv[1]);
            else if (kv[0].equals("wait")) wait = kv[1];
            else config = config.with(TrainingSetting.byKey(kv[0]), TrainingSetting.byKey(kv[0]).parse(kv[1]));
        }
        System.out.println("settings: " + config.notes());
        Path dir = Files.createTempDirectory("gatescope-throughput");
        List<double[]> results = new ArrayList<>();   // {cli, window} examples per second
        for (int r = 0; r < rounds; r++) {
            boolean cliFirst = r % 2 == 0;
            double cli = 0, window = 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == cliFirst) cli = cli(config, dir);
                else window = window(config, wait);
            }
            results.add(new double[] {cli, window});
            System.out.printf(Locale.ROOT, "round %d (%s first): command line %,.0f ex/s, window %,.0f ex/s, ratio %.3f%n",
                    r + 1, cliFirst ? "command line" : "window", cli, window, window / cli);
        }
        double[] c = results.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] w = results.stream().mapToDouble(x -> x[1]).sorted().toArray();
        double[] ratio = results.stream().mapToDouble(x -> x[1] / x[0]).sorted().toArray();
        int lo = lowerRank(ratio.length);
        System.out.printf(Locale.ROOT, "median: command line %,.0f ex/s, window %,.0f ex/s; window / command line per round:"
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

    private static double cli(TrainingConfig config, Path dir) throws IOException, InterruptedException {
        List<String> cmd = java("io.gatescope.Launcher");
        cmd.add("train");
        for (Map.Entry<TrainingSetting, Object> e : config.values().entrySet()) {
            cmd.add(e.getKey().option());
            cmd.add(String.valueOf(e.getValue()));
        }
        cmd.addAll(List.of("--out", dir.resolve("model.json").toString()));
        String out = run(cmd);
        Matcher m = CLI.matcher(out);
        String last = null;
        while (m.find()) last = m.group(1);
        if (last == null) throw new IllegalStateException("the command line printed no examples per second:\n" + out);
        return Double.parseDouble(last.replace(",", ""));
    }

    private static double window(TrainingConfig config, String wait) throws IOException, InterruptedException {
        List<String> cmd = java(TrainingScreens.class.getName());
        cmd.addAll(List.of("1600", "1000", "1", "run", "throughput", "wait=" + wait));
        for (Map.Entry<String, Object> e : config.notes().entrySet()) cmd.add(e.getKey() + "=" + e.getValue());
        String out = run(cmd);
        if (!out.contains("window run: settings " + config.notes())) {
            throw new IllegalStateException("the window trained with other settings than " + config.notes() + ":\n" + out);
        }
        Matcher m = WINDOW.matcher(out);
        if (!m.find()) throw new IllegalStateException("the window printed no examples per second:\n" + out);
        return Double.parseDouble(m.group(1));
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
