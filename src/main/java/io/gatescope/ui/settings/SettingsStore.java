package io.gatescope.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatescope.io.AppHome;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileException;
import io.gatescope.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and writes {@link ViewSettings} as {@code settings.json} in the Gatescope home folder
 * ({@link AppHome}). Writes go to a background thread, newest last, through the one atomic
 * writer ({@link AtomicFiles}), so a crash never leaves half a file.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gatescope-settings");
        t.setDaemon(true);
        return t;
    });

    public SettingsStore(Path home) {
        this.file = home.resolve("settings.json");
    }

    /** The store in the user's Gatescope home folder. */
    public static SettingsStore atHome() {
        return new SettingsStore(AppHome.made());
    }

    public Path file() { return file; }

    /** The saved settings, or the defaults when there are none or they cannot be read. */
    @SuppressWarnings("unchecked")
    public ViewSettings load() {
        if (!Files.isRegularFile(file)) return ViewSettings.DEFAULT;
        try {
            // Bounded: a huge file is refused, not read. A file saying null has no settings: the defaults.
            Map<String, Object> saved = JSON.convertValue(JsonFiles.read(file), Map.class);
            return saved == null ? ViewSettings.DEFAULT : fromSaved(saved);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring unreadable settings " + (e instanceof FileException ? e.getMessage() : file + ": " + e.getMessage()));
            return ViewSettings.DEFAULT;
        }
    }

    /** The settings as the JSON object they are saved as: field name → value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(ViewSettings s) {
        return JSON.convertValue(s, Map.class);
    }

    /** Settings from field name → value; absent fields take the record's empty values. */
    static ViewSettings fromMap(Map<String, Object> m) {
        return JSON.convertValue(m, ViewSettings.class);
    }

    /**
     * Settings as a file saved them: a field the file does not have (or holds as null) takes its
     * default ({@link ViewSettings#DEFAULT}), not Java's empty value, so a file from another version
     * never reads a missing zoom or speed as 0.
     */
    static ViewSettings fromSaved(Map<String, Object> saved) {
        Map<String, Object> m = asMap(ViewSettings.DEFAULT);
        saved.forEach((key, value) -> {
            if (value != null) m.put(key, value);
        });
        return fromMap(m);
    }

    /**
     * Writes in the background; the calling (FX) thread never waits for the disk. Once the store is
     * closed nothing more is written: a change still settling then (the window moved as it closed)
     * comes after the final save and is dropped, not thrown on the FX thread.
     */
    public void saveLater(ViewSettings settings) {
        try {
            writer.execute(() -> save(settings));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.fine("settings store closed; not saving a late change");
        }
    }

    /** Writes now, on the calling thread (used when the application stops). */
    public void save(ViewSettings settings) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not save settings to " + file + ": " + e.getMessage());
        }
    }

    /** Finishes pending writes and stops the writer thread. */
    public void close() {
        writer.shutdown();
    }
}
