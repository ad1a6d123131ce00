package io.gatescope.ui.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.ui.model.SequenceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input sequences from CSV and JSON files, with messages that point at the problem. */
class SequenceFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvWithHeaderAndMixedSeparators() throws Exception {
        Path f = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1, 2, 3\n# a comment\n4;5;6\n7 8 -9.5\n");
        SequenceInput s = SequenceFiles.read(f);
        assertThat(s.length()).isEqualTo(3);
        assertThat(s.rows()[2]).containsExactly(7, 8, -9.5);
        assertThat(s.origin()).isEqualTo("x.csv");
    }

    @Test
    void jsonArraysObjectsAndScalars() throws Exception {
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("a.json"), "[[1,2],[3,4]]")).rows()[1]).containsExactly(3, 4);
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("b.json"), "{\"x\": [[1],[2],[3]]}")).length()).isEqualTo(3);
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("c.json"), "[0.5, 1.5]")).width()).isEqualTo(1);
    }

    @Test
    void brokenJsonSaysWhereAndWhatWasExpectedWithoutJacksonsInternals() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[[1, 2],\n [3, 4]");
        assertThatThrownBy(() -> SequenceFiles.read(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed JSON (the file ends inside the list opened at line 1, column 1; expected ])")
                .hasMessageNotContaining("Source").hasMessageNotContaining("REDACTED");
    }

    @Test
    void problemsSayWhere() throws Exception {
        Path ragged = Files.writeString(dir.resolve("r.csv"), "1,2\n3\n");
        assertThatThrownBy(() -> SequenceFiles.read(ragged)).isInstanceOf(IOException.class)
                .hasMessageContaining("step 2 has 1 numbers");
        Path words = Files.writeString(dir.resolve("w.csv"), "1,2\nthree,4\n");
        assertThatThrownBy(() -> SequenceFiles.read(words)).hasMessageContaining("line 2");
        Path json = Files.writeString(dir.resolve("o.json"), "{\"y\": 1}");
        assertThatThrownBy(() -> SequenceFiles.read(json)).hasMessageContaining("array of time steps");
    }

    @Test
    void randomSequencesRepeatForTheSameSeed() {
        assertThat(SequenceInput.random(5, 3, 9).rows()).isDeepEqualTo(SequenceInput.random(5, 3, 9).rows());
        assertThat(SequenceInput.random(5, 3, 9).rows()[0][0]).isBetween(-1.0, 1.0);
    }
}
