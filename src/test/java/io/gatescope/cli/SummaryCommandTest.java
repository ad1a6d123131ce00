package io.gatescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeds' model summaries, figure for figure. */
class SummaryCommandTest {
    @Test
    void simpleRnnAsInTheSeeds() {
        String out = CliRun.of("summary", "--task", "addition", "--cell", "rnn", "--hidden", "128").ok().out();
        assertThat(out).containsPattern("simple_rnn \\(SimpleRNN\\) +\\(None, 128\\) +17,920 +18,048")
                .containsPattern("repeat_vector \\(RepeatVector\\) +\\(None, 5, 128\\) +0 +0")
                .containsPattern("simple_rnn_1 \\(SimpleRNN\\) +\\(None, 5, 128\\) +32,896 +33,024")
                .containsPattern("dense \\(Dense\\) +\\(None, 5, 11\\) +1,419 +1,419")
                .contains("Total params: 52,235 (PyTorch: 52,491)", "Trainable params: 52,235", "Non-trainable params: 0");
    }

    @Test
    void lstmAsInTheSeeds() {
        String out = CliRun.of("summary", "--cell", "lstm", "--hidden", "128").ok().out();
        assertThat(out).containsPattern("lstm \\(LSTM\\) +\\(None, 128\\) +71,680 +72,192")
                .containsPattern("lstm_1 \\(LSTM\\) +\\(None, 5, 128\\) +131,584 +132,096")
                .containsPattern("dense \\(Dense\\) +\\(None, 5, 11\\) +1,419")
                .contains("Total params: 204,683 (PyTorch: 205,707)", "one bias per gate block");
    }

    @Test
    void denseBaselineAsInTheSeeds() {
        String out = CliRun.of("summary", "--cell", "dense").ok().out();
        assertThat(out).containsPattern("dense \\(Dense\\) +\\(None, None, 50\\) +600 +600")
                .containsPattern("dense_1 \\(Dense\\) +\\(None, None, 100\\) +5,100 +5,100")
                .containsPattern("dense_2 \\(Dense\\) +\\(None, None, 11\\) +1,111 +1,111")
                .contains("Total params: 6,811 (PyTorch: 6,811)");
    }

    @Test
    void gruCountsAsKerasResetAfterWhichMatchesPyTorch() {
        // Keras GRU(reset_after=True): 3*(H*(I+H) + 2H) = 3*(128*139 + 256) = 54,144.
        String out = CliRun.of("summary", "--cell", "gru").ok().out();
        assertThat(out).containsPattern("gru \\(GRU\\) +\\(None, 128\\) +54,144 +54,144")
                .containsPattern("gru_1 \\(GRU\\) +\\(None, 5, 128\\) +99,072 +99,072")
                .contains("Total params: 154,635 (PyTorch: 154,635)", "reset_after=True");
    }

    /** The PyTorch column is what the engine actually allocates for the same model. */
    @ParameterizedTest
    @CsvSource({"RNN_TANH,7", "LSTM,128", "GRU,33"})
    void pytorchCountIsTheEnginesParameterCount(CellKind kind, int hidden) {
        EncoderDecoder model = new EncoderDecoder(kind, 11, hidden, 11, 5, 5, 1, false);
        long engine = model.parameters().stream().mapToLong(Parameter::size).sum();
        assertThat(ModelSummary.encoderDecoder(kind, hidden).pytorchTotal()).isEqualTo(engine);
    }

    @Test
    void badValues() {
        CliRun.of("summary", "--cell", "transformer").badInput("--cell is 'transformer'; expected one of lstm, gru, rnn, dense");
        CliRun.of("summary", "--cell", "lstm", "--hidden", "0").badInput("--hidden is 0; expected a whole number of at least 1");
        CliRun.of("summary", "--cell", "lstm", "--hidden", "many").badInput("'many' is not an int");
        CliRun.of("summary", "--cell", "lstm", "--task", "copy").badInput("--task is 'copy'; expected addition");
        CliRun.of("summary", "--cell", "dense", "--hidden", "64").badInput("--hidden does not apply to --cell dense");
        CliRun.of("summary").badInput("Missing required option: '--cell=CELL'");
    }
}
