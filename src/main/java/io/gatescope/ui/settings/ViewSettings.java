package io.gatescope.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Everything about the view that survives a restart, as one flat record: saving and restoring is
 * one JSON round trip. Names are strings (enum names, model keys) so that a settings file written
 * by another version degrades to defaults field by field instead of failing.
 *
 * @param model          the picker entry's key, e.g. {@code shipped:lstm} or {@code file:/path}
 * @param input          the addition input as typed
 * @param step           the time step the cursor was on
 * @param layer          the layer shown for multi-layer stacks
 * @param selectedUnit   the selected hidden unit, or −1
 * @param notation       the notation's enum name
 * @param deskTheme      the theme outside presenter mode
 * @param presenterTheme the theme in presenter mode
 * @param palette        the value palette's enum name
 * @param deskZoom       font scale outside presenter mode, 1.0–2.5
 * @param presenterZoom  font scale in presenter mode, 1.0–2.5
 * @param speed          playback speed in steps per second
 * @param sequenceLength length of the random input sequence for non-addition models
 * @param sequenceSeed   seed of that sequence
 * @param recentFiles    most recent first
 * @param window         where the window was and how big, or null before the first save
 * @param sequence       the input sequence of a non-addition model (rows of numbers), or null
 * @param sequenceOrigin where that sequence came from ("edited in the table", a file name), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViewSettings(String model, String input, int step, int layer, int selectedUnit, String notation,
                           String deskTheme, String presenterTheme, String palette, double deskZoom,
                           double presenterZoom, double speed, int sequenceLength, long sequenceSeed,
                           List<String> recentFiles, WindowBounds window, List<List<Double>> sequence,
                           String sequenceOrigin) {

    /** What a first start shows: the LSTM on 67+60 at the first step, on unit 0, as the README promises. */
    public static final ViewSettings DEFAULT = defaults();

    /** The most numbers a saved sequence holds; a longer one is not saved (the file stays small). */
    public static final int MAX_SEQUENCE_NUMBERS = 20_000;

    public ViewSettings {
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        sequence = sequence == null ? null : sequence.stream().map(List::copyOf).toList();
    }

    /** The table's defaults ({@link ViewSettingsTable}) and those of the settings the binder handles itself. */
    private static ViewSettings defaults() {
        java.util.Map<String, Object> m = ViewSettingsTable.defaults();
        m.put("model", "shipped:lstm");
        m.put("input", "67+60");
        m.put("selectedUnit", 0);
        return SettingsStore.fromMap(m);
    }

    /** The main window's place on the desktop, outside presenter mode. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
