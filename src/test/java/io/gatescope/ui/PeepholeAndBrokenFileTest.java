package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.ui.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** What the window shows for a peephole LSTM file, and for a file that is not valid JSON. */
class PeepholeAndBrokenFileTest extends WindowTestBase {
    @TempDir
    Path dir;

    @Test
    void aPeepholeLstmsUnitEquationsReadThePreviousCell(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path file = dir.resolve("peephole.json");
        ModelFiles.save(file, new ModelFile.Stack(new RecurrentStack("", CellKind.LSTM, 3, 4, 1, true), ModelFile.Metadata.NONE));
        robot.interact(() -> app.open(file));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Stack s && s.peepholes()
                && app.cursorProperty().get() != null && app.cursorProperty().get().trace().encoder().layers().get(0).hiddenSize() == 4);

        assertThat(window.equations().equationTexts()).contains("ft = σ(Wf·[ct−1, ht−1, xt] + bf)");
        assertThat(window.equations().unitEquationTexts())
                .anySatisfy(l -> assertThat(l).startsWith("f₀ = σ(Wf[0]·[ct−1, ht−1, xt] + bf[0])"))
                .anySatisfy(l -> assertThat(l).startsWith("g₀ = tanh(Wg[0]·[ht−1, xt] + bg[0])"));
    }

    @Test
    void aBrokenJsonFileSaysWhereAndWhatWasExpectedInPlainWords(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path bad = Files.writeString(dir.resolve("broken.json"), "{\n  \"cell\": \"lstm\",\n  \"input_size\": 3\n");
        robot.interact(() -> app.open(bad));
        Label error = robot.lookup("#" + MainWindow.MODEL_ERROR_ID).queryAs(Label.class);
        await(error::isVisible);
        assertThat(error.getText()).contains("broken.json")
                .contains("malformed JSON (the file ends inside the object opened at line 1, column 1; expected })")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "\n");
    }
}
