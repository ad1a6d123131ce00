package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.chart.ColourScales;
import io.gatescope.chart.Notation;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.GradientPreset;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lecture files: a title and a sequence of scenes, each the whole view state plus a short note
 * (docs/formats.md, "Lecture files"). Reading checks every field and names the scene, the field and
 * what is accepted; a file is at most {@link #MAX_BYTES} long and holds at most {@link #MAX_SCENES}
 * scenes. Fields this version does not know are kept and written back, so a lecture saved by a newer
 * Gatescope survives an edit here. Writing is atomic.
 */
public final class SceneFiles {
    public static final String FORMAT = "gatescope-lecture";
    public static final int VERSION = 1;
    public static final long MAX_BYTES = 2L << 20;
    public static final int MAX_SCENES = 500;
    public static final int MAX_NOTE = 2000;
    /** The sub-step value meaning "the step drawn whole". */
    public static final String WHOLE = "whole";

    private SceneFiles() {
    }

    /** A lecture: its title and scenes in order. */
    public record Lecture(String title, List<Scene> scenes) {
        public Lecture {
            scenes = List.copyOf(scenes);
        }
    }

    /**
     * One scene. Every field but the note may be null: a scene restores only what it names.
     *
     * @param model    a model key: {@code shipped:lstm} (gru, rnn_tanh) or {@code file:PATH}; a relative
     *                 path is read from the lecture file's folder
     * @param subStep  how far the step is revealed, or null with {@code wholeStep} for the step drawn whole
     * @param panel    the panel filling the window (1–5 as the digit keys name them), 0 for all panels
     * @param view     the centre view by its stable id ({@code panels}, {@code gradients}, {@code training},
     *                 {@code saturation}), never by its menu text, which may be reworded
     * @param dividers the panel layout's divider positions: the outer split's, then the middle row's
     * @param clamp    a what-if clamp in the command line's spec form, e.g. {@code decoder.f=0}
     * @param gradientPreset the gradients view's preset by its id ({@code rnn-vanishing}, ...); null when the
     *                 view's controls were set by hand (custom), which a scene does not restore
     * @param training the training panel's settings, every row of the trainer's settings table
     * @param extra    every field this version does not know, kept as read
     */
    public record Scene(String note, String model, String input, Integer step, Integer subStep, boolean wholeStep,
                        Integer layer, Integer unit, String notation, String theme, String palette, Double zoom,
                        Boolean presenter, Integer panel, String view, double[][] dividers, String clamp,
                        Boolean clampOn, String gradientPreset, TrainingConfig training, ObjectNode extra) {
        public Scene {
            note = note == null ? "" : note;
            extra = extra == null ? Json.MAPPER.createObjectNode() : extra.deepCopy();
        }
    }

    private static final List<String> FIELDS = List.of("note", "model", "input", "step", "sub_step", "layer", "unit",
            "notation", "theme", "palette", "zoom", "presenter", "panel", "view", "dividers", "clamp", "clamp_on", "gradient_preset", "training");
    /** What a view id looks like: lower-case words joined by '-'. */
    private static final java.util.regex.Pattern VIEW_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** Reads a lecture; {@code themes} are the theme names the window knows. */
    public static Lecture read(Path file, Set<String> themes) throws FileException {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new FileException(file, "is " + Files.size(file) + " bytes; a lecture file is at most " + MAX_BYTES);
            }
        } catch (IOException e) {
            throw new FileException(file, "cannot read it (" + e.getMessage() + ")", e);
        }
        JsonInput in = JsonInput.read(file);
        JsonNode root = in.rootObject("a lecture: {\"format\": \"" + FORMAT + "\", \"scenes\": [...]}");
        String format = in.string(root, "format");
        if (!FORMAT.equals(format)) throw in.error("format is \"" + format + "\"; expected \"" + FORMAT + "\"");
        JsonNode version = in.field(root, "version");
        if (!version.isInt() || version.intValue() < 1 || version.intValue() > VERSION) {
            throw in.error("version is " + JsonInput.describe(version) + "; this Gatescope reads version " + VERSION);
        }
        String title = root.has("title") ? in.string(root, "title") : "";
        JsonNode list = in.field(root, "scenes");
        if (!list.isArray() || list.isEmpty()) throw in.error("scenes is " + JsonInput.describe(list) + "; expected a list of at least one scene");
        if (list.size() > MAX_SCENES) throw in.error("scenes holds " + list.size() + " scenes; at most " + MAX_SCENES);
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) scenes.add(scene(new SceneInput(in, i + 1, list.get(i)), themes));
        return new Lecture(title, scenes);
    }

    private static Scene scene(SceneInput s, Set<String> themes) throws FileException {
        if (!s.node.isObject()) throw s.error("is " + JsonInput.describe(s.node) + "; expected an object");
        String note = s.text("note");
        if (note != null && note.length() > MAX_NOTE) throw s.error("note has " + note.length() + " characters; at most " + MAX_NOTE);
        String model = s.text("model");
        if (model != null && !model.startsWith("shipped:") && !model.startsWith("file:")) {
            throw s.error("model is \"" + model + "\"; expected shipped:lstm, shipped:gru, shipped:rnn_tanh or file:PATH");
        }
        boolean whole = WHOLE.equals(s.node.path("sub_step").textValue());
        Integer subStep = whole ? null : s.whole("sub_step", 0, 64);
        String notation = s.choice("notation", Arrays.stream(Notation.values()).map(Enum::name).toList());
        String palette = s.choice("palette", Arrays.stream(ColourScales.Palette.values()).map(Enum::name).toList());
        String theme = s.choice("theme", themes.stream().sorted().toList());
        Double zoom = null;
        if (s.has("zoom")) {
            zoom = s.in.number(s.node.get("zoom"), s.where("zoom"));
            if (zoom < 1.0 || zoom > 2.5) throw s.error("zoom is " + zoom + "; expected a text scale from 1.0 to 2.5");
        }
        Boolean presenter = s.has("presenter") ? s.bool("presenter") : null;
        String clamp = s.text("clamp");
        if (clamp != null) {
            try {
                ClampSpec.parse(clamp);
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
        }
        double[][] dividers = s.has("dividers") ? s.dividers() : null;
        String view = s.text("view");
        if (view != null && !VIEW_ID.matcher(view).matches()) {
            throw s.error("view is \"" + view + "\"; expected a view's id: panels, gradients, training or saturation");
        }
        String preset = s.text("gradient_preset");
        if (preset != null) {
            try {
                GradientPreset.fromId(preset);
            } catch (IllegalArgumentException e) {
                throw s.error("gradient_preset: " + e.getMessage());
            }
        }
        TrainingConfig training = s.has("training") ? s.training() : null;
        ObjectNode extra = Json.MAPPER.createObjectNode();
        s.node.fields().forEachRemaining(e -> {
            if (!FIELDS.contains(e.getKey())) extra.set(e.getKey(), e.getValue());
        });
        return new Scene(note, model, s.text("input"), s.whole("step", 0, 100_000), subStep, whole,
                s.whole("layer", 0, 64), s.whole("unit", -1, 100_000), notation, theme, palette, zoom, presenter,
                s.whole("panel", 0, 5), view, dividers, clamp, s.has("clamp_on") ? s.bool("clamp_on") : null, preset,
                training, extra);
    }

    /** One scene's object being read; every message starts with "scene N: field". */
    private record SceneInput(JsonInput in, int number, JsonNode node) {
        FileException error(String problem) { return in.error("scene " + number + ": " + problem); }

        String where(String field) { return "scene " + number + ": " + field; }

        boolean has(String field) { return node.has(field) && !node.get(field).isNull(); }

        String text(String field) throws FileException {
            if (!has(field)) return null;
            JsonNode n = node.get(field);
            if (!n.isTextual()) throw error(field + " is " + JsonInput.describe(n) + "; expected a string");
            return n.textValue();
        }

        boolean bool(String field) throws FileException {
            JsonNode n = node.get(field);
            if (!n.isBoolean()) throw error(field + " is " + JsonInput.describe(n) + "; expected true or false");
            return n.booleanValue();
        }

        Integer whole(String field, int min, int max) throws FileException {
            if (!has(field)) return null;
            JsonNode n = node.get(field);
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
                throw error(field + " is " + JsonInput.describe(n) + "; expected a whole number from " + min + " to " + max
                        + ("sub_step".equals(field) ? ", or \"" + WHOLE + "\"" : ""));
            }
            return n.intValue();
        }

        String choice(String field, List<String> accepted) throws FileException {
            String v = text(field);
            if (v != null && !accepted.contains(v)) throw error(field + " is \"" + v + "\"; expected one of " + String.join(", ", accepted));
            return v;
        }

        /** The training settings: an object of the settings table's keys, each value checked by its row. */
        TrainingConfig training() throws FileException {
            JsonNode n = node.get("training");
            if (!n.isObject()) throw error("training is " + JsonInput.describe(n) + "; expected an object of training settings, e.g. {\"cell\": \"gru\"}");
            Map<String, Object> notes = new LinkedHashMap<>();
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                TrainingSetting row;
                try {
                    row = TrainingSetting.byKey(e.getKey());
                } catch (IllegalArgumentException x) {
                    throw error("training: " + x.getMessage() + "; expected one of " + String.join(", ",
                            Arrays.stream(TrainingSetting.values()).map(TrainingSetting::key).toList()));
                }
                JsonNode v = e.getValue();
                notes.put(row.key(), v.isBoolean() ? (Object) v.booleanValue() : v.isNumber() ? v.numberValue() : v.asText());
            }
            try {
                return TrainingConfig.fromNotes(notes);
            } catch (IllegalArgumentException x) {
                throw error("training: " + x.getMessage());
            }
        }

        double[][] dividers() throws FileException {
            JsonNode n = node.get("dividers");
            String expected = "expected two lists of positions from 0 to 1, e.g. [[0.22, 0.7], [0.42, 0.7]]";
            if (!n.isArray() || n.size() != 2) throw error("dividers is " + JsonInput.describe(n) + "; " + expected);
            double[][] out = new double[2][];
            for (int k = 0; k < 2; k++) {
                JsonNode row = n.get(k);
                if (!row.isArray() || row.size() > 8) throw error("dividers[" + k + "] is " + JsonInput.describe(row) + "; " + expected);
                out[k] = new double[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    out[k][i] = in.number(row.get(i), where("dividers[" + k + "][" + i + "]"));
                    if (out[k][i] < 0 || out[k][i] > 1) throw error("dividers[" + k + "][" + i + "] is " + out[k][i] + "; " + expected);
                }
            }
            return out;
        }
    }

    /** Writes {@code lecture} to {@code file} atomically; unknown fields of each scene are written back as read. */
    public static void write(Path file, Lecture lecture) throws FileException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("title", lecture.title());
        ArrayNode scenes = root.putArray("scenes");
        for (Scene s : lecture.scenes()) scenes.add(node(s));
        Json.write(file, g -> Json.MAPPER.writeTree(g, root));
    }

    private static ObjectNode node(Scene s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("note", s.note());
        if (s.model() != null) n.put("model", s.model());
        if (s.input() != null) n.put("input", s.input());
        if (s.step() != null) n.put("step", s.step());
        if (s.wholeStep()) n.put("sub_step", WHOLE); else if (s.subStep() != null) n.put("sub_step", s.subStep());
        if (s.layer() != null) n.put("layer", s.layer());
        if (s.unit() != null) n.put("unit", s.unit());
        if (s.notation() != null) n.put("notation", s.notation());
        if (s.theme() != null) n.put("theme", s.theme());
        if (s.palette() != null) n.put("palette", s.palette());
        if (s.zoom() != null) n.put("zoom", s.zoom());
        if (s.presenter() != null) n.put("presenter", s.presenter());
        if (s.panel() != null) n.put("panel", s.panel());
        if (s.view() != null) n.put("view", s.view());
        if (s.dividers() != null) {
            ArrayNode d = n.putArray("dividers");
            for (double[] row : s.dividers()) {
                ArrayNode r = d.addArray();
                for (double v : row) r.add(v);
            }
        }
        if (s.clamp() != null) n.put("clamp", s.clamp());
        if (s.clampOn() != null) n.put("clamp_on", s.clampOn());
        if (s.gradientPreset() != null) n.put("gradient_preset", s.gradientPreset());
        if (s.training() != null) n.set("training", Json.MAPPER.valueToTree(s.training().notes()));
        n.setAll(s.extra());
        return n;
    }
}
