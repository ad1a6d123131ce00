package io.gatescope.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileException;
import io.gatescope.io.JsonFiles;
import io.gatescope.train.TrainingConfig;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.training.TrainedWeights;
import io.gatescope.ui.training.TrainingPanel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Keeps {@code autosave.json} in the Gatescope home so a crash or a power cut loses at most one
 * period (30 s) of the session: the view settings (model, input, step, unit), and the latest trained
 * weights with their settings when a training run has made some. Every period the FX thread takes a
 * snapshot (immutable values, no copying), and a background thread turns it into JSON and writes it
 * through the one atomic writer, so training and drawing never wait for the disk.
 *
 * <p>A clean exit deletes the file; finding it at the next start means the last one was not clean,
 * and the window offers to restore it. Declining keeps the file until it is replaced by the next
 * autosave or deleted by the next clean exit.
 */
public final class Autosave {
    /** How often the session is saved: at most this much training is lost. */
    public static final long PERIOD_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(Autosave.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

    /** What an autosave holds: when, the view, and the trained weights (null when nothing was trained). */
    public record Session(Instant savedAt, ViewSettings view, TrainedWeights trained) {
    }

    private final Path file;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gatescope-autosave");
        t.setDaemon(true);
        return t;
    });

    public Autosave(Path file) {
        this.file = file;
    }

    /** The autosave in the user's Gatescope home folder. */
    public static Autosave atHome() {
        return new Autosave(io.gatescope.io.AppHome.made().resolve("autosave.json"));
    }

    public Path file() { return file; }

    /** The session a previous run left behind (it did not exit cleanly), or empty; an unreadable file counts as none. */
    public Optional<Session> leftOver() {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(read(JsonFiles.read(file)));   // bounded: a huge file is ignored, not read
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring an unreadable autosave " + (e instanceof FileException ? e.getMessage() : file + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * At start: offers a left-over session (restoring it on "Restore"), then saves the session every
     * {@code periodSeconds}. Call on the FX thread once the window shows.
     */
    public void begin(Window owner, AppModel app, SettingsBinder view, TrainingPanel training, long periodSeconds) {
        leftOver().ifPresent(s -> {
            if (ask(owner, s)) restore(s, app, training);
        });
        writer.scheduleWithFixedDelay(() -> Platform.runLater(() -> saveLater(view.snapshot(), training.latestWeightsProperty().get())),
                periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** Asks whether to restore {@code s}, saying what it holds and when it was saved. */
    static boolean ask(Window owner, Session s) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, describe(s), RESTORE, NOT_NOW);
        ask.initOwner(owner);
        ask.setHeaderText("Gatescope did not close properly last time. Restore the session saved then?");
        ask.setTitle("Restore the last session");
        return ask.showAndWait().filter(RESTORE::equals).isPresent();
    }

    /** "Saved at 10:42:07: LSTM addition with input 67+60 at step 3; trained weights of LSTM 32 · epoch 12.00 (not saved to a file)." */
    static String describe(Session s) {
        String at = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault()).format(s.savedAt());
        String what = String.format(Locale.ROOT, "Saved at %s: input %s at step %d", at, s.view().input(), s.view().step() + 1);
        return what + (s.trained() == null ? "." : "; trained weights of " + s.trained().label()
                + " (never saved to a file): the main view shows them and Start continues training them.");
    }

    /** Shows the session again: its input and step, and its trained model in the main view and the training panel. */
    static void restore(Session s, AppModel app, TrainingPanel training) {
        TrainedWeights w = s.trained();
        if (w != null && w.model() instanceof EncoderDecoder model) {
            // a run on reversed input comes back reading it reversed, as it was trained (its settings say so)
            app.show(new LoadedModel.Addition("Restored: " + w.label(), "autosave", true, model, w.config().reversed()),
                    s.view().input());
            training.restore(w);
        } else if (s.view().input() != null) {
            app.inputTextProperty().set(s.view().input());
        }
    }

    /** Writes the session in the background: the caller (the FX thread) hands over immutable values only. */
    public java.util.concurrent.Future<?> saveLater(ViewSettings view, TrainedWeights trained) {
        return writer.submit(() -> save(new Session(Instant.now(), view, trained)));
    }

    private void save(Session s) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(write(s)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not autosave to " + file + ": " + e.getMessage());
        }
    }

    /** A clean exit: no more autosaves, and the file goes (a next start then has nothing to offer). */
    public void cleanExit() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);   // a write under way finishes before the file goes
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete the autosave " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> write(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("saved_at", s.savedAt().toString());
        m.put("view", SettingsStore.asMap(s.view()));
        if (s.trained() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("label", s.trained().label());
            t.put("settings", s.trained().config().notes());
            t.put("weights", s.trained().weights());
            m.put("trained", t);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Session read(com.fasterxml.jackson.databind.JsonNode root) {
        var saved = root.get("view");
        if (saved == null || !saved.isObject()) throw new IllegalArgumentException("no view");
        ViewSettings view = SettingsStore.fromSaved(JSON.convertValue(saved, Map.class));
        TrainedWeights trained = null;
        var t = root.get("trained");
        if (t != null && !t.isNull()) {
            TrainingConfig config = TrainingConfig.fromNotes(JSON.convertValue(t.get("settings"), Map.class));
            Map<String, double[]> weights = new LinkedHashMap<>();
            t.get("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), JSON.convertValue(e.getValue(), double[].class)));
            trained = new TrainedWeights(t.get("label").asText(), config, weights);
            trained.model();                                  // weights that do not fit the settings: unreadable
        }
        return new Session(Instant.parse(root.get("saved_at").asText()), view, trained);
    }
}
