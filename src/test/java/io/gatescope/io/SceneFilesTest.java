package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.io.SceneFiles.Lecture;
import io.gatescope.io.SceneFiles.Scene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lecture files: round trips keep every field (unknown ones too); bad files name scene, field and what is accepted. */
class SceneFilesTest {
    private static final Set<String> THEMES = Set.of("LIGHT", "DARK", "HIGH_CONTRAST");

    @TempDir
    Path dir;

    @Test
    void aLectureRoundTripsWithFieldsThisVersionDoesNotKnow() throws Exception {
        Path f = dir.resolve("l.json");
        Files.writeString(f, """
                {"format": "gatescope-lecture", "version": 1, "title": "T", "scenes": [
                  {"note": "one", "model": "shipped:lstm", "input": "67+60", "step": 3, "sub_step": 2, "layer": 0, "unit": 5,
                   "notation": "NG", "theme": "DARK", "palette": "CLASSIC", "zoom": 1.5, "presenter": true, "panel": 2,
                   "view": "panels", "dividers": [[0.2, 0.7], [0.4, 0.7]], "clamp": "decoder.f=0", "clamp_on": true,
                   "gradient_preset": "lstm-forget-3", "training": {"cell": "gru", "hidden": 64, "learning_rate": 0.01},
                   "camera": {"loss": "last step"}, "questions": [1, 2]},
                  {"note": "two", "sub_step": "whole"}
                ]}""");
        Lecture l = SceneFiles.read(f, THEMES);
        assertThat(l.title()).isEqualTo("T");
        Scene s = l.scenes().get(0);
        assertThat(s.step()).isEqualTo(3);
        assertThat(s.subStep()).isEqualTo(2);
        assertThat(s.wholeStep()).isFalse();
        assertThat(s.dividers()[1]).containsExactly(0.4, 0.7);
        assertThat(s.gradientPreset()).isEqualTo("lstm-forget-3");
        assertThat(s.training().cell()).isEqualTo("gru");
        assertThat(s.training().hidden()).isEqualTo(64);
        assertThat(s.training().learningRate()).isEqualTo(0.01);
        assertThat(s.training().batch()).as("a setting the scene leaves out takes the table's default").isEqualTo(128);
        assertThat(s.extra().get("camera").get("loss").asText()).isEqualTo("last step");
        assertThat(s.extra().has("gradient_preset")).isFalse();
        assertThat(l.scenes().get(1).wholeStep()).isTrue();
        assertThat(l.scenes().get(1).model()).isNull();

        Path again = dir.resolve("again.json");
        SceneFiles.write(again, l);
        JsonNode before = Fixtures.read(f), after = Fixtures.read(again);
        // The training configuration is written whole: every row of the settings table, the defaults included.
        ((ObjectNode) before.get("scenes").get(0)).set("training", Fixtures.JSON.valueToTree(s.training().notes()));
        assertThat(after).isEqualTo(Fixtures.JSON.readTree(before.toString()));   // as a file holds it: numbers as read
    }

    @Test
    void theShippedExampleLectureReads() throws Exception {
        Lecture l = SceneFiles.read(Path.of("assets/lectures/gates-memory-gradients.json"), THEMES);
        assertThat(l.scenes()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(l.scenes()).allSatisfy(s -> assertThat(s.note()).isNotBlank());
        assertThat(l.scenes()).anySatisfy(s -> assertThat(s.clamp()).isEqualTo("decoder.f=0"));
        assertThat(l.scenes()).anySatisfy(s -> assertThat(s.gradientPreset()).isEqualTo("rnn-vanishing"));
        assertThat(l.scenes()).anySatisfy(s -> assertThat(s.training()).isNotNull());
        assertThat(l.scenes()).allSatisfy(s -> assertThat(s.extra().isEmpty()).as("the example uses only documented fields").isTrue());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"format\": \"gatescope-model\", \"version\": 1, \"scenes\": [{}]}|format is \"gatescope-model\"; expected \"gatescope-lecture\"",
        "{\"format\": \"gatescope-lecture\", \"version\": 9, \"scenes\": [{}]}|version is the number 9; this Gatescope reads version 1",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": []}|scenes is an empty list; expected a list of at least one scene",
        "{\"format\": \"gatescope-lecture\", \"version\": 1}|the field scenes is missing",
        "[1, 2]|the top level is a list of 2 numbers",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [3]}|scene 1: is the number 3; expected an object",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{}, {\"step\": -1}]}|scene 2: step is the number -1; expected a whole number from 0 to 100000",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"sub_step\": \"half\"}]}|scene 1: sub_step is the string \"half\"; expected a whole number from 0 to 64, or \"whole\"",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"notation\": \"Greek\"}]}|scene 1: notation is \"Greek\"; expected one of PYTORCH, NG, INTERVIEW, KERAS",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"theme\": \"SEPIA\"}]}|scene 1: theme is \"SEPIA\"; expected one of DARK, HIGH_CONTRAST, LIGHT",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"zoom\": 4}]}|scene 1: zoom is 4.0; expected a text scale from 1.0 to 2.5",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"model\": \"lstm\"}]}|scene 1: model is \"lstm\"; expected shipped:lstm",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"clamp\": \"f:0\"}]}|scene 1: clamp 'f:0' has no '=VALUE'",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"presenter\": \"yes\"}]}|scene 1: presenter is the string \"yes\"; expected true or false",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"dividers\": [[0.2, 1.5], []]}]}|scene 1: dividers[0][1] is 1.5",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"panel\": 6}]}|scene 1: panel is the number 6; expected a whole number from 0 to 5",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"note\": 5}]}|scene 1: note is the number 5; expected a string",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{}]|line 1",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"gradient_preset\": \"rnn-fast\"}]}|scene 1: gradient_preset: unknown preset 'rnn-fast'; expected one of rnn-vanishing, rnn-exploding",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"training\": {\"speed\": 2}}]}|scene 1: training: unknown training setting 'speed'; expected one of cell, hidden",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"training\": {\"hidden\": 0}}]}|scene 1: training: hidden size must be within 1..4096, got 0",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"training\": {\"cell\": \"transformer\"}}]}|scene 1: training: unknown cell 'transformer', expected lstm, gru",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"training\": 5}]}|scene 1: training is the number 5; expected an object of training settings",
        "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"view\": \"Gradients through time   (G)\"}]}|scene 1: view is \"Gradients through time   (G)\"; expected a view's id: panels, gradients",
    })
    void aBadLectureSaysWhereAndWhatIsAccepted(String json, String message) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        assertThatThrownBy(() -> SceneFiles.read(f, THEMES)).isInstanceOf(FileException.class)
                .hasMessageContaining(message).hasMessageContaining("bad.json");
    }

    @Test
    void sizeAndCountAreBounded() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) SceneFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> SceneFiles.read(big, THEMES)).hasMessageContaining("a lecture file is at most");
        StringBuilder sb = new StringBuilder("{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [");
        for (int i = 0; i <= SceneFiles.MAX_SCENES; i++) sb.append(i == 0 ? "{}" : ",{}");
        Path many = dir.resolve("many.json");
        Files.writeString(many, sb.append("]}").toString());
        assertThatThrownBy(() -> SceneFiles.read(many, THEMES)).hasMessageContaining("scenes holds 501 scenes; at most 500");
        Path note = dir.resolve("note.json");
        Files.writeString(note, "{\"format\": \"gatescope-lecture\", \"version\": 1, \"scenes\": [{\"note\": \"" + "x".repeat(2001) + "\"}]}");
        assertThatThrownBy(() -> SceneFiles.read(note, THEMES)).hasMessageContaining("note has 2001 characters; at most 2000");
    }

    @Test
    void writingReplacesAtomicallyAndNeverLeavesHalfAFile() throws Exception {
        Path f = dir.resolve("l.json");
        Files.writeString(f, "old");
        ObjectNode extra = Fixtures.JSON.createObjectNode().put("future", 1);
        Scene s = new Scene("n", "shipped:gru", "1+2", 0, null, true, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, extra);
        SceneFiles.write(f, new Lecture("", List.of(s)));
        Lecture back = SceneFiles.read(f, THEMES);
        assertThat(back.scenes().get(0).extra().get("future").asInt()).isEqualTo(1);
        assertThat(back.scenes().get(0).model()).isEqualTo("shipped:gru");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("l.json");
        }
    }
}
