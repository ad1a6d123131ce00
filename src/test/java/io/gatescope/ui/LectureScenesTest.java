package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.io.SceneFiles;
import io.gatescope.io.SceneFiles.Scene;
import io.gatescope.ui.lecture.scene.LecturePlayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import io.gatescope.engine.GradientPreset;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Saved lecture scenes as a lecturer uses them: open, PageDown through, save, open again. */
class LectureScenesTest extends WindowTestBase {
    private static final Path EXAMPLE = Path.of("assets/lectures/gates-memory-gradients.json");
    private static final Set<String> THEMES = Set.of("LIGHT", "DARK", "HIGH_CONTRAST");

    @TempDir
    Path dir;

    private LecturePlayer player() { return window.lecture().lecture(); }

    @Test
    void everySceneOfTheExampleRestoresWhatItSaved(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        List<Scene> saved = SceneFiles.read(EXAMPLE, THEMES).scenes();
        robot.interact(() -> player().open(EXAMPLE));
        await(() -> player().restoredProperty().get() == 1);
        Label note = robot.lookup("#" + LecturePlayer.NOTE_ID).queryAs(Label.class);
        Label position = robot.lookup("#" + LecturePlayer.POSITION_ID).queryAs(Label.class);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < saved.size(); i++) {
            if (i > 0) {
                int before = player().restoredProperty().get();
                // The note bar stays on screen whatever panel fills the window: a click there gives the window the keys.
                robot.clickOn(note).type(KeyCode.PAGE_DOWN);
                await(() -> player().restoredProperty().get() == before + 1);
            }
            Scene want = saved.get(i), now = capture();
            String at = "scene " + (i + 1);
            assertThat(note.getText()).as(at).isEqualTo(want.note());
            assertThat(position.getText()).as(at).endsWith("scene " + (i + 1) + " of " + saved.size());
            assertSame(at, want, now);
            if (want.view() != null) {
                assertThat(window.viewProperty().get().getId()).as(at + ": the view on screen").isEqualTo(want.view());
            }
            if (want.gradientPreset() != null) {
                ComboBox<?> preset = robot.lookup("#gradientPreset").queryAs(ComboBox.class);
                assertThat(preset.getValue()).as(at + ": the preset the gradients view shows").isEqualTo(want.gradientPreset());
            }
            if (want.training() != null) {
                for (var e : want.training().notes().entrySet()) {
                    Node field = window.training().lookup("#setting-" + e.getKey());
                    String shown = field instanceof TextField t ? t.getText() : field instanceof CheckBox b
                            ? Boolean.toString(b.isSelected()) : String.valueOf(((ComboBox<?>) field).getValue());
                    assertThat(shown).as(at + ": the training form's " + e.getKey()).isEqualTo(String.valueOf(e.getValue()));
                }
            }
            seen.addAll(named(want));
        }
        assertThat(seen).as("the example lecture restores a gradient preset and a training configuration")
                .contains("gradient_preset", "training", "view", "clamp");
        // PageUp goes back one scene, one only (the training panel shown last must not make keys count twice).
        int before = player().restoredProperty().get();
        robot.clickOn(note).type(KeyCode.PAGE_UP);
        await(() -> player().restoredProperty().get() == before + 1);
        assertThat(player().indexProperty().get()).isEqualTo(saved.size() - 2);
        assertSame("back", saved.get(saved.size() - 2), capture());
    }

    @Test
    void withoutALecturePageDownStillWalksTheSubSteps(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas()).type(KeyCode.PAGE_DOWN);
        await(() -> app.subStepProperty().get() == 0);
        robot.type(KeyCode.PAGE_DOWN);
        await(() -> app.subStepProperty().get() == 1);
        assertThat(player().isOpen()).isFalse();
    }

    @Test
    void aSavedLectureOpensAgainOnTheSameView(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> {
            app.inputTextProperty().set("12+34");
            app.view().notationProperty().set(io.gatescope.chart.Notation.KERAS);
        });
        awaitTrace("12+34");
        robot.interact(() -> {
            app.goTo(3);
            app.setSubStep(2);
            app.selectUnit(7);
            window.gradients().choosePreset(GradientPreset.LSTM_FORGET_MINUS_3);
            window.training().showSettings(TrainingConfig.defaults("gru", 48).with(TrainingSetting.EPOCHS, 3));
            player().addScene("first scene");
        });
        robot.interact(() -> {
            app.inputTextProperty().set("99+1");
            app.view().paletteProperty().set(io.gatescope.chart.ColourScales.Palette.values()[1]);
        });
        awaitTrace("99+1");
        robot.interact(() -> {
            app.goTo(8);
            window.gradients().choosePreset(GradientPreset.RNN_EXPLODING);
            window.training().showSettings(TrainingConfig.defaults("rnn", 16));
            player().addScene("second scene");
        });
        List<Scene> made = player().scenes();
        Path file = dir.resolve("mine.json");
        String[] result = {"pending"};
        robot.interact(() -> player().save(file, p -> result[0] = p == null ? "ok" : p));
        await(() -> !result[0].equals("pending"));
        assertThat(result[0]).isEqualTo("ok");
        assertThat(Files.readString(file)).contains("\"note\": \"first scene\"", "\"input\": \"12+34\"",
                "\"gradient_preset\": \"lstm-forget-3\"", "\"cell\": \"gru\"");

        robot.interact(() -> player().close());
        robot.interact(() -> {
            app.inputTextProperty().set("50+50");
            window.gradients().choosePreset(GradientPreset.TRAINED);
            window.training().showSettings(TrainingConfig.defaults());
        });
        awaitTrace("50+50");
        int before = player().restoredProperty().get();
        robot.interact(() -> player().open(file));
        await(() -> player().restoredProperty().get() == before + 1);
        assertThat(made.get(0).gradientPreset()).isEqualTo("lstm-forget-3");
        assertThat(made.get(0).training().hidden()).isEqualTo(48);
        assertSame("reopened 1", made.get(0), capture());
        assertThat(app.subStepProperty().get()).isEqualTo(2);
        assertThat(app.selectedUnitProperty().get()).isEqualTo(7);
        robot.clickOn(window.cell().canvas()).type(KeyCode.PAGE_DOWN);
        await(() -> player().restoredProperty().get() == before + 2);
        assertSame("reopened 2", made.get(1), capture());
    }

    @Test
    void aBrokenLectureFileSaysWhyAndKeepsTheView(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"step\": \"two\"}]}");
        robot.interact(() -> player().open(bad));
        Label message = robot.lookup("#" + LecturePlayer.MESSAGE_ID).queryAs(Label.class);
        await(() -> !message.getText().isEmpty());
        assertThat(message.getText()).contains("bad.json", "scene 1: step is the string \"two\"; expected a whole number");
        assertThat(message.isVisible()).isTrue();
        assertThat(player().isOpen()).isFalse();
        assertThat(app.inputTextProperty().get()).isEqualTo("67+60");
    }

    /** The fields a scene names, as the file spells them. */
    private static List<String> named(Scene s) {
        List<String> out = new java.util.ArrayList<>();
        if (s.view() != null) out.add("view");
        if (s.clamp() != null) out.add("clamp");
        if (s.dividers() != null) out.add("dividers");
        if (s.gradientPreset() != null) out.add("gradient_preset");
        if (s.training() != null) out.add("training");
        return out;
    }

    private Scene capture() throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> player().capture()).get();
    }

    /** Every field the saved scene names is what the window shows now. */
    private static void assertSame(String at, Scene want, Scene now) {
        if (want.model() != null) assertThat(now.model()).as(at + " model").isEqualTo(want.model());
        if (want.input() != null) assertThat(now.input()).as(at + " input").isEqualTo(want.input());
        if (want.step() != null) assertThat(now.step()).as(at + " step").isEqualTo(want.step());
        if (want.subStep() != null || want.wholeStep()) {
            assertThat(now.wholeStep()).as(at + " whole step").isEqualTo(want.wholeStep());
            assertThat(now.subStep()).as(at + " sub-step").isEqualTo(want.subStep());
        }
        if (want.layer() != null) assertThat(now.layer()).as(at + " layer").isEqualTo(want.layer());
        if (want.unit() != null) assertThat(now.unit()).as(at + " unit").isEqualTo(want.unit());
        if (want.notation() != null) assertThat(now.notation()).as(at + " notation").isEqualTo(want.notation());
        if (want.theme() != null) assertThat(now.theme()).as(at + " theme").isEqualTo(want.theme());
        if (want.palette() != null) assertThat(now.palette()).as(at + " palette").isEqualTo(want.palette());
        if (want.zoom() != null) assertThat(now.zoom()).as(at + " zoom").isEqualTo(want.zoom());
        if (want.presenter() != null) assertThat(now.presenter()).as(at + " presenter").isEqualTo(want.presenter());
        if (want.panel() != null) assertThat(now.panel()).as(at + " panel").isEqualTo(want.panel());
        if (want.view() != null) assertThat(now.view()).as(at + " view").isEqualTo(want.view());
        if (want.clamp() != null) assertThat(now.clamp()).as(at + " clamp").isEqualTo(want.clamp());
        if (want.clampOn() != null) assertThat(now.clampOn()).as(at + " clamp on").isEqualTo(want.clampOn());
        if (want.gradientPreset() != null) assertThat(now.gradientPreset()).as(at + " gradient preset").isEqualTo(want.gradientPreset());
        if (want.training() != null) assertThat(now.training()).as(at + " training").isEqualTo(want.training());
        if (want.dividers() != null && want.panel() != null && want.panel() == 0) {
            for (int k = 0; k < want.dividers().length; k++) {
                double[] w = want.dividers()[k], n = now.dividers()[k];
                assertThat(n.length).as(at + " dividers " + k).isEqualTo(w.length);
                for (int i = 0; i < w.length; i++) {
                    assertThat(Math.abs(n[i] - w[i])).as(at + " divider " + k + "." + i + " " + Arrays.toString(n)).isLessThan(0.02);
                }
            }
        }
    }
}
