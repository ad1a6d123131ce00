package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.Fixtures;
import java.io.BufferedWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that would exhaust memory are refused before anything is allocated, with what they need and
 * what there is; counts that overflow are errors; readers stop at their documented limits.
 */
class LimitsTest {
    @TempDir
    Path dir;

    private final String model = Path.of("assets/models/addition-lstm.json").toString();

    @Test
    void evaluatingABillionSumsIsRefusedWithTheMemoryItNeedsAndWhatThereIs() {
        CliRun r = CliRun.of("evaluate", "--model", model, "--examples", "1000000000")
                .badInput("--examples 1,000,000,000 needs about 37.3 GB of memory, but Java may use ", " MB here (of at most ");
        assertThat(r.err()).contains("larger -Xmx");
    }

    @Test
    void trainingSizesThatCannotFitAreRefusedBeforeTraining() {
        String out = dir.resolve("m.json").toString();
        CliRun.of("train", "--examples", "2000000000", "--out", out).badInput("examples must be within 10..10000000");
        CliRun.of("train", "--hidden", "4096", "--batch", "65536", "--out", out)
                .badInput("training with hidden size 4096, batch size 65536 and 20,000 examples needs about ", " GB of memory");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void aRunThatCannotReachItsFirstUpdateWithinTheTimeLimitIsRefusedWithTheFigure() {
        String out = dir.resolve("m.json").toString();
        // Small enough in memory to pass that check in a test JVM that holds much else (about 60 MB).
        long weights = io.gatescope.task.AdditionModels.encoderDecoder(io.gatescope.engine.CellKind.LSTM, 256, 1)
                .parameters().stream().mapToLong(p -> p.size()).sum();   // the model the run would build
        CliRun.of("train", "--hidden", "256", "--batch", "256", "--time-limit", "0.01", "--out", out)
                .badInput("training with hidden size 256, batch size 256 and 20,000 examples needs at least ",
                        String.format(java.util.Locale.ROOT, " ms before its first update (%,d weights), more than the time limit of 10 ms", weights));
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void theTimeLimitStopsTheStartupToo() throws Exception {
        String out = dir.resolve("m.json").toString();
        // five million sums take longer to generate than the limit (the estimate's floor is 0.1 s) in a fresh
        // JVM, as a user starts it (about 0.25 s on the idle machine; this test JVM, long compiled, can be faster
        // than the limit), and their 190 MB fit
        CliRun r = CliRun.inFreshJvm("train", "--hidden", "8", "--examples", "5000000", "--time-limit", "0.11", "--out", out)
                .badInput("the time limit of 0.1 s ran out while ", ", before the first update; nothing was written");
        // Which startup step the limit catches is the clock's business: on a loaded machine the thread that
        // builds the run may not even have drawn the weights when 0.11 s are gone. Any of them stops it.
        assertThat(r.err()).containsPattern("ran out while (starting|drawing [0-9,]+ initial weights|generating 5,000,000 sums"
                + "|allocating the batch buffers), before");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void aParameterCountBeyondALongIsAnErrorNeverANegativeNumber() {
        CliRun.of("summary", "--cell", "lstm", "--hidden", "2147483647")
                .badInput("--hidden 2,147,483,647 makes more parameters than a 64-bit count holds");
        CliRun.of("summary", "--cell", "gru", "--hidden", "2147483647").badInput("64-bit count");
        CliRun rnn = CliRun.of("summary", "--cell", "rnn", "--hidden", "2147483647");
        assertThat(rnn.out()).doesNotContain(" -");   // fits a row, overflows the total: refused, not wrapped
        assertThat(rnn.code()).isEqualTo(2);
    }

    @Test
    void predictStopsAtTheLineLimitOnAnEndlessDeviceAndOnAHugeLine() throws Exception {
        CliRun.of("predict", "--model", model, "--file", "/dev/zero")
                .badInput("/dev/zero: line 1 is longer than 1,000 characters (\"\\u0000\\u0000");
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);   // 3 GB, sparse: costs no disk
        }
        CliRun r = CliRun.of("predict", "--model", model, "--file", huge.toString()).badInput("line 1 is longer than 1,000 characters");
        assertThat(r.err().length()).isLessThan(300);
        Path longLine = Files.writeString(dir.resolve("long.txt"), "1+1\n" + "9".repeat(900) + "\n");
        r = CliRun.of("predict", "--model", model, "--file", longLine.toString())
                .badInput("long.txt: line 2: '99999999999999999999… (900 characters)' has 900 characters, at most 5 fit", "e.g. 67+60");
        assertThat(r.err().length()).isLessThan(300);
    }

    @Test
    void aSumsFileStartingWithAByteOrderMarkIsRead() throws Exception {
        Path bom = Files.write(dir.resolve("bom.txt"), "\uFEFF67+60\r\n1+1\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Fixtures.lines(CliRun.of("predict", "--model", model, "--file", bom.toString()).ok().out()))
                .containsExactly("00127", "00002");
    }

    @Test
    void aModelFileBeyondTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        CliRun.of("evaluate", "--model", huge.toString()).badInput("huge.json: is 3,072 MB; expected a JSON file of at most 512 MB");
    }

    @Test
    void aModelOfMoreValuesThanTheHeapHoldsIsRefusedWhileReading() throws Exception {
        // [[0],[0],...]: three JSON values per four bytes, each costing far more heap than its text.
        long values = Runtime.getRuntime().maxMemory() / 64 + 1;
        Path zeros = dir.resolve("zeros.json");
        try (BufferedWriter w = Files.newBufferedWriter(zeros)) {
            w.write("{\"cell\": \"lstm\", \"input_size\": 1, \"hidden_size\": 1, \"state_dict\": {\"weight_ih_l0\": [");
            for (long i = 0; i < values / 3 + 1; i++) w.write("[0],");
            w.write("[0]]}}");
        }
        CliRun.of("trace", "--model", zeros.toString(), "--input", dir.resolve("x.json").toString(), "--out", dir.resolve("t.json").toString())
                .badInput("zeros.json: holds more than ", " JSON values, and reading them needs about 64 bytes each, but Java may use ");
    }
}
