package io.gatescope.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's own files in the Gatescope home are read within the limits every other file is read
 * in (size before parsing, values for the heap): one damaged or grown beyond them is set aside at
 * start, for the stated reason, never parsed into an OutOfMemoryError that stops the window opening.
 */
class HomeFilesTest {
    @TempDir
    Path home;

    @Test
    void anAutosaveOfMoreValuesThanTheHeapHoldsIsIgnoredUnparsed() throws Exception {
        long values = Runtime.getRuntime().maxMemory() / 64 + 1;   // beyond what the readers let the heap take
        Path file = home.resolve("autosave.json");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("{\"saved_at\": \"2026-11-28T10:00:00Z\", \"view\": {}, \"trained\": {\"label\": \"x\", \"weights\": {\"w\": [0");
            for (long i = 1; i < values; i++) w.write(",0");
            w.write("]}}}");
        }
        List<String> said = warnings(Autosave.class, () -> assertThat(new Autosave(file).leftOver()).isEmpty());
        assertThat(said).singleElement().asString().contains("autosave.json: holds more than ", " JSON values");
    }

    @Test
    void settingsBeyondTheSizeLimitAreTheDefaultsUnread() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(home.resolve("settings.json").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        List<String> said = warnings(SettingsStore.class, () -> assertThat(new SettingsStore(home).load()).isEqualTo(ViewSettings.DEFAULT));
        assertThat(said).singleElement().asString().endsWith("settings.json: is 3,072 MB; expected a JSON file of at most 512 MB");
    }

    /** Found by the long fuzz run: Jackson read "null" (even with text after it) as no settings at all, and the window met a null. */
    @Test
    void settingsThatSayNullAreTheDefaults() throws Exception {
        for (String text : new String[] {"null", "null{\"mode"}) {
            Files.writeString(home.resolve("settings.json"), text);
            assertThat(new SettingsStore(home).load()).as(text).isEqualTo(ViewSettings.DEFAULT);
        }
    }

    /** What {@code owner} logs while {@code run} runs. */
    private static List<String> warnings(Class<?> owner, Runnable run) {
        Logger log = Logger.getLogger(owner.getName());
        List<String> said = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { said.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(h);
        try {
            run.run();
        } finally {
            log.removeHandler(h);
        }
        return said;
    }
}
