package io.gatescope.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window and the command line decide "is this an addition model" the same way: a file opens in both or neither. */
class AdditionModelDecisionTest {
    @TempDir
    Path dir;

    @Test
    void anEncoderDecoderWithoutTheAdditionTaskIsRefusedByBothWithTheSameReason() throws Exception {
        Path f = dir.resolve("untasked.json");
        ModelFiles.save(f, new ModelFile.Sequence(new EncoderDecoder(CellKind.LSTM, 11, 3, 11, 5, 5, 1, false),
                new ModelFile.Metadata(Optional.empty(), Map.of())));
        String why = f + ": task is missing; expected a Gatescope model of the addition task (architecture encoder_decoder or dense_baseline)";
        assertThatThrownBy(() -> ModelFileReader.read(f)).isInstanceOf(FileException.class).hasMessage(why);
        assertThatThrownBy(() -> ModelFiles.additionModel(f, ModelFiles.load(f))).hasMessage(why);
    }

    @Test
    void anAdditionEncoderDecoderOpensInBoth() throws Exception {
        Path f = dir.resolve("ed.json");
        ModelFiles.save(f, new ModelFile.Sequence(new EncoderDecoder(CellKind.GRU, 11, 3, 11, 5, 5, 1, false),
                ModelFile.Metadata.of(ModelFiles.ADDITION, Map.of())));
        assertThat(ModelFileReader.read(f)).isInstanceOf(LoadedModel.Addition.class);
        assertThat(ModelFiles.additionModel(f, ModelFiles.load(f))).isInstanceOf(EncoderDecoder.class);
    }
}
