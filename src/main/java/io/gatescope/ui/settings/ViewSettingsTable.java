package io.gatescope.ui.settings;

import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.ViewOptions;
import io.gatescope.ui.theme.UiTheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javafx.beans.property.Property;

/**
 * The window's single-value settings, one row each: the key in {@code settings.json}, the default,
 * how a saved value is read back (and what makes it invalid), a description, and the property of the
 * app it drives. Restoring, saving and tracking changes are each one loop over {@link #ROWS}; a new
 * setting is one row. Settings that need the rest of the state (the model, the input, the step, the
 * window's place, the sequence) are handled by {@link SettingsBinder} itself.
 */
final class ViewSettingsTable {
    private static final Logger LOG = Logger.getLogger(ViewSettingsTable.class.getName());

    /**
     * @param read  the saved JSON value (a string or a number) as the property's value, brought into
     *              range; null when it cannot be one
     * @param write the property's value as saved (enum names, numbers)
     */
    record Row<T>(String key, String description, T defaultValue, String expected, Function<AppModel, Property<T>> property,
                  Function<Object, T> read, Function<T, Object> write) {
        /** Puts the saved value (or, when missing or invalid, the default) into the app. */
        void restore(AppModel app, Object saved) {
            T value = saved == null ? null : read.apply(saved);
            if (value == null) {
                if (saved != null) LOG.warning("settings.json: " + key + " is " + saved + "; expected " + expected + "; using " + defaultValue);
                value = defaultValue;
            }
            property.apply(app).setValue(value);
        }

        Object saved(AppModel app) {
            return write.apply(property.apply(app).getValue());
        }
    }

    static final List<Row<?>> ROWS = List.of(
            choice("notation", "the notation of equations and labels", Notation.PYTORCH, Notation.class, a -> a.view().notationProperty()),
            choice("palette", "the colour scale of values", Palette.CLASSIC, Palette.class, a -> a.view().paletteProperty()),
            theme("deskTheme", "the theme outside presenter mode", UiTheme.LIGHT, a -> a.view().deskThemeProperty()),
            theme("presenterTheme", "the theme in presenter mode", UiTheme.HIGH_CONTRAST, a -> a.view().presenterThemeProperty()),
            zoom("deskZoom", "the font scale outside presenter mode", 1.0, a -> a.view().deskZoomProperty()),
            zoom("presenterZoom", "the font scale in presenter mode", 1.75, a -> a.view().presenterZoomProperty()),
            new Row<>("speed", "playback speed in steps per second", (Number) 1.0, "a positive number",
                    a -> a.view().speedProperty(), v -> v instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : null, v -> v),
            new Row<>("sequenceLength", "steps of a random input sequence", (Number) 8, "a whole number of at least 1",
                    a -> a.sequenceLengthProperty(), v -> v instanceof Number n ? Math.max(1, n.intValue()) : null, v -> v),
            new Row<>("sequenceSeed", "the seed of a random input sequence", (Number) 1, "a whole number from 0",
                    a -> a.sequenceSeedProperty(),
                    v -> v instanceof Number n ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.longValue())) : null, v -> v));

    private ViewSettingsTable() {
    }

    /** Every row's default, as saved. */
    static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Row<?> r : ROWS) m.put(r.key(), save(r, r.defaultValue()));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object save(Row<T> r, Object value) {
        return r.write().apply((T) value);
    }

    private static <E extends Enum<E>> Row<E> choice(String key, String description, E fallback, Class<E> type,
                                                     Function<AppModel, Property<E>> property) {
        return new Row<>(key, description, fallback, "one of " + Arrays.toString(type.getEnumConstants()), property,
                v -> Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(v)).findFirst().orElse(null), Enum::name);
    }

    private static Row<UiTheme> theme(String key, String description, UiTheme fallback, Function<AppModel, Property<UiTheme>> property) {
        return new Row<>(key, description, fallback, "one of " + Arrays.toString(UiTheme.values()), property,
                v -> v instanceof String s ? UiTheme.parse(s, null) : null, Enum::name);
    }

    /** A zoom outside the range is brought into it (a file from a version with other limits). */
    private static Row<Number> zoom(String key, String description, double fallback, Function<AppModel, Property<Number>> property) {
        return new Row<>(key, description, (Number) fallback, "a font scale", property,
                v -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? ViewOptions.clampZoom(n.doubleValue()) : null, v -> v);
    }
}
