package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Help for every command, and what happens without one. */
class CliTest {
    @Test
    void helpListsEveryCommand() {
        CliRun r = CliRun.of("--help").ok();
        assertThat(r.out()).contains("Usage: gatescope", "trace", "summary", "predict", "evaluate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "trace;--model;--input;--h0;--c0;--grad-h;--out",
        "summary;--task;--cell;--hidden;--help;--help;--help",
        "predict;--model;--text;--file;--help;--help;--help",
        "evaluate;--model;--examples;--seed;--help;--help;--help"})
    void everyCommandExplainsItsOptions(String command, String o1, String o2, String o3, String o4, String o5, String o6) {
        CliRun r = CliRun.of(command, "--help").ok();
        assertThat(r.out()).contains("Usage: gatescope " + command, o1, o2, o3, o4, o5, o6, "Example");
        assertThat(CliRun.of("help", command).ok().out()).isEqualTo(r.out());
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        CliRun.of().badInput("no command given; expected one of trace, summary, predict, evaluate");
        CliRun.of("train2").badInput("Unmatched argument at index 0: 'train2'", "see 'gatescope --help'");
    }

    @Test
    void aSettingsPercentSignIsPrintedNotTakenForAFormat() {
        // picocli formats option descriptions; an undoubled % made it warn on the process's stderr
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, UTF_8));
        try {
            String help = CliRun.of("train", "--help").ok().out().replaceAll("\\s+", " ");
            assertThat(help).contains("without a validation loss 0.5 % below the best");
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(UTF_8)).doesNotContain("Could not format");
    }
}
