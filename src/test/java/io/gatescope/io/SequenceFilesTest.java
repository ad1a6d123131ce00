package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one input-sequence reader: CSV and JSON files, with messages that point at the problem. */
class SequenceFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvWithHeaderCommentsMixedSeparatorsAndAByteOrderMark() throws Exception {
        Path f = Files.write(dir.resolve("x.csv"), "\uFEFFa,b,c\r\n1, 2, 3\n# a comment\n4;5;6\n7 8 -9.5\n".getBytes(StandardCharsets.UTF_8));
        double[][] s = SequenceFiles.read(f);
        assertThat(s).hasNumberOfRows(3);
        assertThat(s[2]).containsExactly(7, 8, -9.5);
    }

    @Test
    void jsonListsObjectsAndScalars() throws Exception {
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("a.json"), "[[1,2],[3,4]]"))[1]).containsExactly(3, 4);
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("b.json"), "{\"x\": [[1],[2],[3]]}"))).hasNumberOfRows(3);
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("c.json"), "[0.5, 1.5]"))[1]).containsExactly(1.5);
        assertThat(SequenceFiles.read(Files.writeString(dir.resolve("d.txt"), "{\"input\": [[1, 2]]}"))[0]).containsExactly(1, 2);
    }

    @Test
    void brokenJsonSaysWhereAndWhatWasExpectedWithoutJacksonsInternals() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[[1, 2],\n [3, 4]");
        assertThatThrownBy(() -> SequenceFiles.read(broken)).isInstanceOf(FileException.class)
                .hasMessage(broken + ": line 2, column 8: malformed JSON (the file ends inside the list opened at line 1, column 1; expected ])");
    }

    @Test
    void problemsSayWhere() throws Exception {
        Path ragged = Files.writeString(dir.resolve("r.csv"), "1,2\n3\n");
        assertThatThrownBy(() -> SequenceFiles.read(ragged))
                .hasMessage(ragged + ": line 2 (step 2) has 1 numbers but the first step has 2; expected the same in every step");
        Path words = Files.writeString(dir.resolve("w.csv"), "1,2\nthree,4\n");
        assertThatThrownBy(() -> SequenceFiles.read(words)).hasMessage(words + ": line 2 holds \"three,4\"; expected numbers only");
        Path json = Files.writeString(dir.resolve("o.json"), "{\"y\": 1}");
        assertThatThrownBy(() -> SequenceFiles.read(json)).hasMessageContaining("has no field x or input");
        Path nan = Files.writeString(dir.resolve("n.json"), "[[1], [NaN]]");
        assertThatThrownBy(() -> SequenceFiles.read(nan, "grad_h")).hasMessage(nan + ": grad_h[1][0] is NaN; expected a finite number");
        Path endless = Path.of("/dev/zero");
        assertThatThrownBy(() -> SequenceFiles.read(endless)).hasMessageContaining("line 1 is longer than 100,000 characters");
    }

    /** Whatever the values, writing a sequence as CSV or JSON and reading it back gives the same doubles. */
    @Property(tries = 50)
    void csvAndJsonRoundTripExactly(@ForAll @Size(min = 1, max = 20) List<@Size(value = 3) List<Double>> steps,
                                    @ForAll @IntRange(min = 0, max = 1) int asJson) throws Exception {
        double[][] rows = steps.stream().map(r -> r.stream().mapToDouble(v -> Double.isFinite(v) ? v : 0).toArray()).toArray(double[][]::new);
        StringBuilder text = new StringBuilder(asJson == 1 ? "[" : "");
        for (int t = 0; t < rows.length; t++) {
            String row = java.util.Arrays.stream(rows[t]).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(","));
            text.append(asJson == 1 ? (t > 0 ? ",[" : "[") + row + "]" : row + "\n");
        }
        if (asJson == 1) text.append("]");
        Path f = Files.createTempFile("gatescope-seq", asJson == 1 ? ".json" : ".csv");   // jqwik injects no @TempDir
        try {
            Files.writeString(f, text);
            assertThat(SequenceFiles.read(f)).isDeepEqualTo(rows);
        } finally {
            Files.delete(f);
        }
    }
}
