package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsReadableByOthersAndAnExistingOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, out -> out.write('1'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");

        Path existing = dir.resolve("existing.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(existing, out -> out.write('2'));
        assertThat(Files.readString(existing)).isEqualTo("2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-rw----");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2); // no temporary file left behind
        }
    }

    @Test
    void checkWritableFailsEarlyWithTheWriteMessage() {
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("no/such/dir/m.json")))
                .hasMessageContaining("m.json").hasMessageContaining("does not exist");
    }
}
